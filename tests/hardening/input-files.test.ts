import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readInputFile } from '../../src/cli/read-input.ts';
import { resolveReportSources } from '../../src/cli/report-sources.ts';

// Issue 18, item 6 and the manifest row: only regular files are read (after resolving links),
// with a byte cap; a FIFO never hangs; manifest entries stay inside their directory.
describe('input files', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plangraph-input-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');

  test('a .txt symlink to /dev/zero is refused at once as not a regular file', () => {
    const link = path.join(dir, 'zero.txt');
    symlinkSync('/dev/zero', link);
    const started = Date.now();
    expect(() => readInputFile(link)).toThrow(
      expect.objectContaining({ code: 'IO', message: expect.stringMatching(/not a regular file/) }),
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('a FIFO is refused, never waited on', () => {
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    expect(() => readInputFile(fifo)).toThrow(
      expect.objectContaining({ code: 'IO', message: expect.stringMatching(/not a regular file/) }),
    );
  }, 5000);

  test('a directory is IO, a missing file IO, and a file over the cap BAD_USER_INPUT', () => {
    expect(() => readInputFile(dir)).toThrow(
      expect.objectContaining({ code: 'IO', message: expect.stringMatching(/directory/) }),
    );
    expect(() => readInputFile(path.join(dir, 'nope.txt'))).toThrow(expect.objectContaining({ code: 'IO' }));
    const big = path.join(dir, 'big.txt');
    writeFileSync(big, 'x'.repeat(1001));
    expect(() => readInputFile(big, 1000)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(readInputFile(big, 1001).length).toBe(1001);
  });

  test('a manifest linked to /dev/zero is refused, not read until memory runs out', () => {
    const d = path.join(dir, 'zero-manifest');
    mkdirSync(d);
    symlinkSync('/dev/zero', path.join(d, 'manifest.json'));
    expect(() => resolveReportSources([d])).toThrow(expect.objectContaining({ code: 'IO' }));
  });

  test('manifest entries that point outside the directory are refused', () => {
    writeFileSync(path.join(dir, 'outside.txt'), 'outside');
    for (const [name, entry] of [
      ['dotdot', '../outside.txt'],
      ['absolute', path.join(dir, 'outside.txt')],
      ['link', 'inner-link.txt'],
    ] as const) {
      const d = path.join(dir, `m-${name}`);
      mkdirSync(d);
      if (name === 'link') symlinkSync(path.join(dir, 'outside.txt'), path.join(d, 'inner-link.txt'));
      const manifest = { reports: [{ file: entry, region: 'x', year: 2026, source: 'x', sha256: sha('outside') }] };
      writeFileSync(path.join(d, 'manifest.json'), JSON.stringify(manifest));
      expect(() => resolveReportSources([d]), name).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/outside/) }),
      );
    }
    // An entry in a subdirectory is fine.
    const d = path.join(dir, 'm-ok');
    mkdirSync(path.join(d, 'sub'), { recursive: true });
    writeFileSync(path.join(d, 'sub', 'r.txt'), 'inside');
    writeFileSync(
      path.join(d, 'manifest.json'),
      JSON.stringify({ reports: [{ file: 'sub/r.txt', region: 'x', year: 2026, source: 'x', sha256: sha('inside') }] }),
    );
    expect(resolveReportSources([d]).map((s) => s.bytes.toString())).toEqual(['inside']);
  });
});

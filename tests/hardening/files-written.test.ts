import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openAtomicFile, writeFileAtomic } from '../../src/cli/write-file-atomic.ts';
import { SEED } from '../support/fixtures.ts';
import { runPlangraph } from '../support/run-cli.ts';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'plangraph-files-'));

describe('files written by --out', () => {
  test('an existing file is refused unless forced, and then replaced whole', async () => {
    const dir = tmp();
    const file = path.join(dir, 'out.json');
    writeFileSync(file, 'keep me');
    await expect(writeFileAtomic(file, 'new')).rejects.toMatchObject({
      code: 'IO',
      message: /already exists.*--force/,
    });
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    await writeFileAtomic(file, 'new', { force: true });
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  test('a symlink is never followed: refused, and when forced the link itself is replaced', async () => {
    const dir = tmp();
    const victim = path.join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const link = path.join(dir, 'out.json');
    symlinkSync(victim, link);
    await expect(writeFileAtomic(link, 'x')).rejects.toMatchObject({ code: 'IO', message: /symbolic link/ });
    await writeFileAtomic(link, 'x', { force: true });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(link).isSymbolicLink()).toBe(false);
    expect(readFileSync(link, 'utf8')).toBe('x');
  });

  test('a write that fails half way leaves no file and no temporary file', async () => {
    const dir = tmp();
    const file = path.join(dir, 'out.graphml');
    const f = await openAtomicFile(file);
    await f.write('<graphml>half');
    expect(existsSync(file)).toBe(false);
    await f.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  test('extract --out refuses an existing file (exit 7) and --force replaces it', async () => {
    const dir = tmp();
    const file = path.join(dir, 'seed.json');
    writeFileSync(file, 'old');
    const refused = await runPlangraph(['extract', SEED, '--out', file]);
    expect(refused.code).toBe(7);
    expect(refused.stderr).toMatch(/already exists/);
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect((await runPlangraph(['extract', SEED, '--out', file, '--force'])).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).report.title).toBeTruthy();
  }, 60_000);
});

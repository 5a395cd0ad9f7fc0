import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { createCsvTables, csvHeader } from '../../src/store/bulk-csv.ts';
import { runAdminImport } from '../../src/store/bulk-import.ts';

// neo4j-admin itself, on a scratch home (no server needed): the import files' shape is what it
// accepts, not what we believe it accepts.
describe('import files that neo4j-admin reads', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plangraph-admin-csv-'));
  const home = path.join(root, 'home');
  mkdirSync(path.join(home, 'conf'), { recursive: true });
  mkdirSync(path.join(home, 'logs'), { recursive: true });
  const target = {
    home,
    confDir: path.join(home, 'conf'),
    logs: path.join(home, 'logs'),
    lib: loadConfig({}).neo4jLib,
    database: 'neo4j',
  };
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('a column first seen late starts a new part whose rows hold every column; an empty text is written as ""; no field spans lines', async () => {
    const tables = createCsvTables(path.join(root, 'csv'), 'w0');
    tables.node('Thing', { id: 't1', name: 'a' });
    tables.rel('NEXT', 't1', 't2');
    tables.flush();
    tables.node('Thing', { id: 't2', name: 'b', note: 'late\ncolumn' });
    tables.node('Thing', { id: 't3', name: 'c' });
    tables.rel('NEXT', 't2', 't3', { weight: 2 });
    tables.flush();
    tables.node('Thing', { id: 't4', name: '', note: 'only a note' });
    tables.rel('NEXT', 't3', 't4');
    tables.flush();
    const written = tables.close();
    const things = written.filter((t) => t.label === 'Thing');
    expect(things.map((t) => t.cols.map(([name]) => name))).toEqual([['name'], ['name', 'note']]);
    // The line break is escaped (line-breaks.ts), so the import reads without --multiline-fields.
    expect(readFileSync(things[1]!.file, 'utf8')).toBe('t2,b,late\uFDD0ncolumn\nt3,c,\nt4,"",only a note\n');
    expect(things.map((t) => t.escaped)).toEqual([[], ['note']]);
    const args = written.map((t) => {
      const header = t.file.replace(/\.csv$/, '.header.csv');
      writeHeader(header, csvHeader(t));
      return `${t.kind === 'nodes' ? '--nodes' : '--relationships'}=${t.label}=${header},${t.file}`;
    });
    const summary = await runAdminImport(target, args);
    expect(summary).toMatch(/IMPORT DONE/);
  }, 120_000);

  test('a refused file fails with the cause, not only "Error in input data"', async () => {
    const dir = path.join(root, 'bad');
    mkdirSync(dir, { recursive: true });
    writeHeader(path.join(dir, 'h.csv'), 'id:ID,n:long\n');
    writeHeader(path.join(dir, 'd.csv'), 'x1,not-a-number\n');
    await expect(runAdminImport(target, [`--nodes=Thing=${dir}/h.csv,${dir}/d.csv`])).rejects.toMatchObject({
      code: 'NEO4J_LOCAL',
      message: expect.stringMatching(/not-a-number/),
    });
  }, 120_000);
});

function writeHeader(file: string, text: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { createBulkCsvAssembler, createCsvTables, createReportCsvWriter, csvHeader } from '../../src/store/bulk-csv.ts';
import { reportKey } from '../../src/store/load-report.ts';
import { buildNextYearSeed, seedText } from '../support/graphs.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'plangraph-bulk-csv-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Every data file's text (headers left out), joined. */
const dataText = (dir: string, only = '') =>
  readdirSync(dir)
    .filter((f) => f.includes(only) && f.endsWith('.csv') && !f.endsWith('.header.csv'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('');

describe('bulk import files', () => {
  const seed = extractReportGraph(seedText());
  const nextYear = extractReportGraph(buildNextYearSeed());
  // The same report (region and year) in a changed version: another id, the same key.
  const changed = extractReportGraph(`${seedText()}\n\n各位代表：以上报告，请予审议。\n`);

  test('of two versions of a report the later file wins, and its rows alone are in the files', async () => {
    expect(reportKey(changed)).toBe(reportKey(seed));
    expect(changed.report.id).not.toBe(seed.report.id);
    const dir = tempDir();
    const [w0, w1] = [createReportCsvWriter(dir, 'w0'), createReportCsvWriter(dir, 'w1')];
    const assembler = createBulkCsvAssembler(dir);
    expect(assembler.add(w0.add(seed, reportKey(seed)))).toBe(true);
    expect(assembler.add(w1.add(nextYear, reportKey(nextYear)))).toBe(true);
    expect(assembler.add(w0.add(changed, reportKey(changed)))).toBe(true);
    // The same report again is one report.
    expect(assembler.add(w1.add(nextYear, reportKey(nextYear)))).toBe(false);
    expect(assembler.size).toBe(2);
    const { args, escaped } = await assembler.finish([...w0.close(), ...w1.close()]);
    // The reports' texts hold line breaks: the kept versions' ids are noted, the replaced one's not.
    expect(escaped).toContainEqual({
      kind: 'nodes',
      label: 'Report',
      property: 'fullText',
      ids: [nextYear.report.id, changed.report.id],
    });
    const text = dataText(dir);
    expect(text).not.toContain(`${seed.report.id}/`);
    expect(text).toContain(`${changed.report.id}/`);
    const sectionRows = dataText(dir, '-nodes-Section').split('\n');
    const sections = (id: string) => sectionRows.filter((l) => l.startsWith(`${id}/S`)).length;
    expect(sections(nextYear.report.id)).toBe(nextYear.sections.length);
    expect(sections(changed.report.id)).toBe(changed.sections.length);
    // Each data file comes with a header file of its own, and the label or type is named.
    expect(args).toContain(
      `--nodes=Report=${path.join(dir, 'w0-nodes-Report-1.header.csv')},${path.join(dir, 'w0-nodes-Report-1.csv')}`,
    );
    const header = readFileSync(path.join(dir, 'w0-nodes-Report-1.header.csv'), 'utf8');
    expect(header.split(',')[0]).toBe('id:ID');
    expect(header).toContain('planYear:long');
  });

  test('a column first seen late, or a long column that gets a double, starts a new part; every row is full', () => {
    const dir = tempDir();
    const out = createCsvTables(dir, 'w0');
    out.node('Thing', { id: 'a', size: 1, note: null });
    out.node('Thing', { id: 'c', size: 3, note: null });
    expect(out.flush()).toEqual({ ranges: [[path.join(dir, 'w0-nodes-Thing-1.csv'), 0, 8]], escaped: [] });
    out.node('Thing', { id: 'b', size: 2.5, note: '多行\n文字', tags: ['x', 'y'] });
    out.node('Thing', { id: 'd', size: 4, note: '', tags: [] });
    out.rel('HOLDS', 'a', 'b', { weight: 3, text: '一\n二' });
    // The node rows with an escaped text are named by id; relationships have none.
    expect(out.flush().escaped).toEqual([{ label: 'Thing', property: 'note', ids: ['b'] }]);
    const [first, second, holds] = out.close();
    expect(readFileSync(first!.file, 'utf8')).toBe('a,1\nc,3\n');
    expect(csvHeader(first!)).toBe('id:ID,size:long\n');
    // A missing value is an empty field; an empty text or list is "" (neo4j-admin reads "" in a
    // list column as missing: no load path stores an empty list); a line break is escaped.
    expect(readFileSync(second!.file, 'utf8')).toBe('b,2.5,多行\uFDD0n文字,x;y\nd,4,"",""\n');
    expect(second!.escaped).toEqual(['note']);
    expect(csvHeader(second!)).toBe('id:ID,size:double,note,tags:string[]\n');
    expect(readFileSync(holds!.file, 'utf8')).toBe('a,b,3,一\uFDD0n二\n');
    expect(holds!.escaped).toEqual(['text']);
    expect(csvHeader(holds!)).toBe(':START_ID,:END_ID,weight:long,text\n');
  });
});

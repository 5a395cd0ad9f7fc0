import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReportGraph } from '../../src/domain/report-graph.ts';
import { loadReportGraph } from '../../src/store/load-report.ts';
import { migrate, readMigrations } from '../../src/store/migrate.ts';
import { oneLine } from '../../src/store/section-own-text.ts';
import type { Store } from '../../src/store/open-store.ts';
import { extractSeed } from '../support/graphs.ts';
import { openTestStore } from '../support/store.ts';
import { wipeData } from '../support/wipe.ts';

const ownTexts = async (store: Store) =>
  store.executor.read({
    text: 'MATCH (s:Section) RETURN s.id AS id, s.ownText AS ownText, s.text AS text ORDER BY s.id',
  });

describe('sections store their own words on one line (migrations 007, 008 and 009)', () => {
  let store: Store;
  let seed: ReportGraph;
  beforeAll(async () => {
    store = await openTestStore();
    await migrate(store.executor);
    await wipeData(store.executor);
    seed = extractSeed();
    await loadReportGraph(store.executor, seed);
  });
  afterAll(async () => {
    await wipeData(store.executor);
    await store.close();
  });

  test('a nested section holds its own words once; its subsections hold the rest', async () => {
    const rows = new Map((await ownTexts(store)).map((r) => [String(r.id), r]));
    const byId = new Map(seed.sections.map((s) => [s.id, s]));
    const nested = seed.sections.find((s) => seed.sections.some((c) => c.parentId === s.id))!;
    const kids = seed.sections.filter((c) => c.parentId === nested.id);
    const own = String(rows.get(nested.id)!.ownText);
    const whole = seed.report.text.slice(nested.start, nested.end);
    // Its own words and its subsections' whole texts make up its whole text, nothing twice.
    const kidsLength = kids.reduce((n, k) => n + (k.end - k.start), 0);
    expect(own.length + kidsLength).toBe(whole.length);
    expect(oneLine(whole).startsWith(own.slice(0, 10))).toBe(true);
    expect(own).not.toMatch(/[\r\n]/);
    for (const k of kids) expect(own).not.toContain(oneLine(seed.report.text.slice(k.start, k.end)));
    // No section keeps the whole text as a property, and every report word is stored once.
    expect([...rows.values()].every((r) => r.text === null)).toBe(true);
    const top = seed.sections.filter((s) => s.parentId === null);
    const stored = [...rows.values()].reduce((n, r) => n + String(r.ownText).length, 0);
    expect(stored).toBe(top.reduce((n, s) => n + (s.end - s.start), 0));
    expect(byId.size).toBe(rows.size);
  });

  test('a database loaded before 007 is rewritten to the same own words, and search is rebuilt over them', async () => {
    const loaded = await ownTexts(store);
    // As plangraph stored sections before 007: the whole text in `text`, the index of 003.
    await store.executor.write({
      text: 'UNWIND $rows AS row MATCH (s:Section {id: row.id}) SET s.text = row.text REMOVE s.ownText',
      params: { rows: seed.sections.map((s) => ({ id: s.id, text: seed.report.text.slice(s.start, s.end) })) },
    });
    await store.executor.write({ text: "MATCH (m:PlangraphMigration) WHERE m.id >= '007' DELETE m" });
    await store.executor.write({ text: 'DROP INDEX plangraph_text' });
    for (const text of readMigrations().find((m) => m.id.startsWith('003'))!.statements)
      await store.executor.write({ text });

    const result = await migrate(store.executor);
    expect(result.applied).toEqual(['007-section-own-text', '008-fulltext-own-text', '009-section-own-text-one-line']);
    expect(await ownTexts(store)).toEqual(loaded);
    const [index] = await store.executor.read({
      text: "SHOW INDEXES YIELD name, properties WHERE name = 'plangraph_text' RETURN properties",
    });
    expect(index!.properties).toContain('ownText');

    // A phrase of a subsection finds that subsection, not also every section above it.
    await store.executor.read({ text: 'CALL db.awaitIndexes(60)' });
    const leaf = seed.sections.find(
      (s) => s.parentId !== null && !seed.sections.some((c) => c.parentId === s.id) && s.end - s.start > 60,
    )!;
    const phrase = [...seed.report.text.slice(leaf.start, leaf.end).matchAll(/[\u4e00-\u9fa5]{8,}/g)]
      .at(-1)![0]
      .slice(0, 8);
    const hits = await store.executor.read({
      text: `CALL db.index.fulltext.queryNodes('plangraph_text', $q) YIELD node WHERE node:Section RETURN node.id AS id`,
      params: { q: `"${phrase}"` },
    });
    expect(hits.map((h) => h.id)).toContain(leaf.id);
    expect(hits.map((h) => h.id)).not.toContain(leaf.parentId);
  });

  test('a database migrated to 008 keeps its own words with line breaks until 009 puts them on one line', async () => {
    const loaded = await ownTexts(store);
    // As 007 and 008 left sections: their own words with line breaks (here, where spaces are).
    await store.executor.write({
      text: "MATCH (s:Section) WHERE s.ownText CONTAINS ' ' SET s.ownText = replace(s.ownText, ' ', $lf)",
      params: { lf: '\n' },
    });
    const broken = await ownTexts(store);
    expect(broken.some((r) => String(r.ownText).includes('\n'))).toBe(true);
    await store.executor.write({ text: "MATCH (m:PlangraphMigration {id: '009-section-own-text-one-line'}) DELETE m" });
    expect((await migrate(store.executor)).applied).toEqual(['009-section-own-text-one-line']);
    expect(await ownTexts(store)).toEqual(loaded);
  });

  test('migrate without data steps (an imported database) records 009 and leaves the sections alone', async () => {
    await store.executor.write({
      text: "MATCH (s:Section) WITH s LIMIT 1 SET s.ownText = s.ownText + $lf + '末行'",
      params: { lf: '\n' },
    });
    const before = await ownTexts(store);
    await store.executor.write({ text: "MATCH (m:PlangraphMigration {id: '009-section-own-text-one-line'}) DELETE m" });
    const m009 = readMigrations().filter((m) => m.id === '009-section-own-text-one-line');
    expect((await migrate(store.executor, m009, { dataSteps: false })).applied).toEqual([
      '009-section-own-text-one-line',
    ]);
    expect(await ownTexts(store)).toEqual(before);
    // Put back on one line for whatever runs after.
    await store.executor.write({ text: "MATCH (m:PlangraphMigration {id: '009-section-own-text-one-line'}) DELETE m" });
    await migrate(store.executor);
  });
});

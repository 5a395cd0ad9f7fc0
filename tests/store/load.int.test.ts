import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { ReportGraph } from '../../src/domain/report-graph.ts';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { countGraph } from '../../src/store/counts.ts';
import { deleteReport } from '../../src/store/delete-report.ts';
import { expectedCounts } from '../../src/store/graph-counts.ts';
import { loadItems, loadReportGraph, loadReportGraphs } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import type { Store } from '../../src/store/open-store.ts';
import { buildNextYearSeed, extractCorpus, extractSeed, seedText } from '../support/graphs.ts';
import { openTestStore } from '../support/store.ts';
import { wipeData } from '../support/wipe.ts';

describe('loading ReportGraphs into Neo4j', () => {
  let store: Store;
  let seed: ReportGraph;
  beforeAll(async () => {
    store = await openTestStore();
    await migrate(store.executor);
    seed = extractSeed();
  });
  beforeEach(() => wipeData(store.executor));
  afterAll(async () => {
    await wipeData(store.executor);
    await store.close();
  });

  const orphans = async () =>
    (
      await store.executor.read({
        text: 'MATCH (x) WHERE (x:Place OR x:Enterprise) AND NOT EXISTS { ()-[:MENTIONS]->(x) } RETURN count(x) AS n',
      })
    )[0]!.n;

  test('the seed gives the ReportGraph counts for every label and relationship type', async () => {
    const result = await loadReportGraph(store.executor, seed);
    expect(result.status).toBe('created');
    expect(await countGraph(store.executor, seed.report.id)).toEqual(expectedCounts(seed));
    expect(await countGraph(store.executor)).toEqual(expectedCounts(seed));
  });

  test('a second ingest changes nothing, forced or not', async () => {
    await loadReportGraph(store.executor, seed);
    const before = await countGraph(store.executor);
    expect((await loadReportGraph(store.executor, seed)).status).toBe('unchanged');
    expect((await loadReportGraph(store.executor, seed, { force: true })).status).toBe('replaced');
    expect(await countGraph(store.executor)).toEqual(before);
  });

  test('a changed version of a report replaces its subgraph and leaves no orphans', async () => {
    await loadReportGraph(store.executor, seed);
    const changed = extractReportGraph(
      seedText().replace('新建高标准农田13.89万亩', '新建高标准农田14万亩').replace('佛子山镇获评', '获评'),
    );
    expect(changed.report.id).not.toBe(seed.report.id);
    const result = await loadReportGraph(store.executor, changed);
    expect(result).toMatchObject({ status: 'replaced', replaced: [seed.report.id] });
    expect(await countGraph(store.executor)).toEqual(expectedCounts(changed));
    expect(await store.executor.read({ text: 'MATCH (r:Report) RETURN r.id AS id' })).toEqual([
      { id: changed.report.id },
    ]);
    expect(await orphans()).toBe(0);
    const fozishan = await store.executor.read({
      text: "MATCH (p:Place) WHERE p.name STARTS WITH '佛子山' RETURN p.name AS n",
    });
    expect(fozishan).toEqual([]);
  });

  test('a failure on the last batch leaves the database exactly as it was', async () => {
    const other = extractCorpus('hebei-2026.txt');
    await loadReportGraph(store.executor, other);
    const before = await countGraph(store.executor);
    let batches = 0;
    await loadReportGraph(store.executor, seed, { beforeBatch: () => void batches++ });
    await wipeData(store.executor);
    await loadReportGraph(store.executor, other);
    let seen = 0;
    const failing = loadReportGraph(store.executor, seed, {
      beforeBatch: () => {
        seen += 1;
        if (seen === batches) throw new Error('injected failure on the last batch');
      },
    });
    await expect(failing).rejects.toThrow(/injected failure/);
    expect(seen).toBe(batches);
    expect(await countGraph(store.executor)).toEqual(before);
    expect(
      await store.executor.read({ text: 'MATCH (r:Report {id: $id}) RETURN r', params: { id: seed.report.id } }),
    ).toEqual([]);
  });

  test('two reports ingested at the same time both land completely', async () => {
    const beijing = extractCorpus('beijing-2026.txt');
    await Promise.all([loadReportGraph(store.executor, seed), loadReportGraph(store.executor, beijing)]);
    expect(await countGraph(store.executor, seed.report.id)).toEqual(expectedCounts(seed));
    expect(await countGraph(store.executor, beijing.report.id)).toEqual(expectedCounts(beijing));
  });

  test('a place shared by two reports is one node, and survives deleting one of them', async () => {
    const next = extractReportGraph(buildNextYearSeed());
    expect(next.report.planYear).toBe(2024);
    await loadReportGraph(store.executor, seed);
    await loadReportGraph(store.executor, next);
    const yuekou = await store.executor.read({
      text: "MATCH (p:Place {name: '岳口镇'}) OPTIONAL MATCH (s:Section)-[:MENTIONS]->(p) RETURN p.id AS id, collect(DISTINCT s.reportId) AS reports",
    });
    expect(yuekou).toHaveLength(1);
    expect([...(yuekou[0]!.reports as string[])].sort()).toEqual([seed.report.id, next.report.id].sort());
    await deleteReport(store.executor, seed.report.id);
    expect(await countGraph(store.executor)).toEqual(expectedCounts(next));
    expect(await orphans()).toBe(0);
  });

  test('no node stores an empty list: a name without aliases has no aliases property, as a bulk import gives', async () => {
    await loadReportGraph(store.executor, seed);
    const [row] = await store.executor.read({
      text: `MATCH (n) WHERE n:Project OR n:Place OR n:Enterprise
             RETURN count(CASE WHEN n.aliases = [] THEN 1 END) AS empty, count(CASE WHEN n.aliases IS NULL THEN 1 END) AS absent,
                    count(CASE WHEN size(n.aliases) > 0 THEN 1 END) AS some`,
    });
    expect(row).toMatchObject({ empty: 0 });
    expect(row!.absent).toBeGreaterThan(0);
    expect(row!.some).toBeGreaterThan(0);
  });

  const places = async () =>
    store.executor.read({
      text: 'MATCH (p:Place) RETURN p.id AS id, p.name AS name, p.aliases AS aliases, p.aliasText AS aliasText ORDER BY p.id',
    });

  test('several reports in one batch land exactly as they do one by one', async () => {
    const next = extractReportGraph(buildNextYearSeed());
    const beijing = extractCorpus('beijing-2026.txt');
    for (const g of [seed, next, beijing]) await loadReportGraph(store.executor, g);
    const oneByOne = { counts: await countGraph(store.executor), places: await places() };
    await wipeData(store.executor);
    const outcomes = await loadReportGraphs(store.executor, [seed, next, beijing]);
    expect(outcomes.map((o) => o.ok && o.result.status)).toEqual(['created', 'created', 'created']);
    expect({ counts: await countGraph(store.executor), places: await places() }).toEqual(oneByOne);
    for (const g of [seed, next, beijing])
      expect(await countGraph(store.executor, g.report.id)).toEqual(expectedCounts(g));
    const again = await loadReportGraphs(store.executor, [seed, next, beijing]);
    expect(again.map((o) => o.ok && o.result.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  test('reports are grouped into transactions up to the item budget, and each lands whole', async () => {
    const next = extractReportGraph(buildNextYearSeed());
    const beijing = extractCorpus('beijing-2026.txt');
    const graphs = [seed, next, beijing];
    // A budget that holds the largest report alone but no two reports: three transactions.
    const maxItems = Math.max(...graphs.map(loadItems));
    let transactions = 0;
    const counting = {
      ...store.executor,
      transaction: <T>(work: Parameters<typeof store.executor.transaction<T>>[0]) => {
        transactions += 1;
        return store.executor.transaction(work);
      },
    };
    const outcomes = await loadReportGraphs(counting, graphs, { maxItems });
    expect(outcomes.map((o) => o.ok && o.result.status)).toEqual(['created', 'created', 'created']);
    expect(transactions).toBe(3);
    for (const g of graphs) expect(await countGraph(store.executor, g.report.id)).toEqual(expectedCounts(g));
  });

  test('a report larger than one transaction may hold is refused before anything is written', async () => {
    const items = loadItems(seed);
    const outcomes = await loadReportGraphs(store.executor, [seed], { maxItems: items - 1 });
    expect(outcomes[0]!.ok).toBe(false);
    const error = !outcomes[0]!.ok ? outcomes[0]!.error : undefined;
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain(`${items} nodes and relationships`);
    expect(error?.message).toContain('INGEST_TX_ITEMS');
    await expect(loadReportGraph(store.executor, seed, { maxItems: items - 1 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(
      (await store.executor.read({ text: 'MATCH (n) WHERE NOT n:PlangraphMigration RETURN count(n) AS n' }))[0]!.n,
    ).toBe(0);
  });

  test('a report the database refuses fails alone: the rest of its batch loads', async () => {
    const beijing = extractCorpus('beijing-2026.txt');
    // Same section ids as beijing under another report id and key: its sections break the id constraint.
    const clash = {
      ...beijing,
      report: { ...beijing.report, id: `${beijing.report.id}x`, region: { ...beijing.report.region, code: '999999' } },
    };
    const invalid = { ...seed, sections: 'not a list' } as unknown as typeof seed;
    const outcomes = await loadReportGraphs(store.executor, [seed, invalid, beijing, clash]);
    expect(outcomes.map((o) => (o.ok ? o.result.status : o.error.code))).toEqual([
      'created',
      'BAD_USER_INPUT',
      'created',
      'DB_ERROR',
    ]);
    expect(await countGraph(store.executor, seed.report.id)).toEqual(expectedCounts(seed));
    expect(await countGraph(store.executor, beijing.report.id)).toEqual(expectedCounts(beijing));
    expect(
      await store.executor.read({ text: 'MATCH (r:Report {id: $id}) RETURN r', params: { id: clash.report.id } }),
    ).toEqual([]);
  });

  test('two versions of one report in a batch: the later one replaces the earlier', async () => {
    const changed = extractReportGraph(seedText().replace('新建高标准农田13.89万亩', '新建高标准农田14万亩'));
    const outcomes = await loadReportGraphs(store.executor, [seed, changed, changed]);
    expect(outcomes.map((o) => o.ok && o.result.status)).toEqual(['created', 'replaced', 'unchanged']);
    expect(await countGraph(store.executor)).toEqual(expectedCounts(changed));
  });

  test('two loads of the same new report at the same time: one creates it, the other finds it unchanged', async () => {
    const results = await Promise.all([loadReportGraph(store.executor, seed), loadReportGraph(store.executor, seed)]);
    expect(results.map((r) => r.status).sort()).toEqual(['created', 'unchanged']);
    expect(await countGraph(store.executor)).toEqual(expectedCounts(seed));
  });

  test('deleting an unknown report is NOT_FOUND', async () => {
    await expect(deleteReport(store.executor, 'no-such-report')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

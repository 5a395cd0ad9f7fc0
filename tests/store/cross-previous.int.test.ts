// PREVIOUS across a region's reports: (achievement Y in report Y+1)-[:PREVIOUS {crossReport}]->
// (target Y in report Y), made at load time whichever report comes first, gone with either.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { ReportGraph } from '../../src/domain/report-graph.ts';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { deleteReport } from '../../src/store/delete-report.ts';
import { loadReportGraph, loadReportGraphs } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import type { Store } from '../../src/store/open-store.ts';
import { buildNextYearSeed, extractSeed, seedText } from '../support/graphs.ts';
import { openTestStore } from '../support/store.ts';
import { wipeData } from '../support/wipe.ts';

let store: Store;
let earlier: ReportGraph;
let later: ReportGraph;

beforeAll(async () => {
  store = await openTestStore();
  await migrate(store.executor);
  // Two made-up consecutive years of one region: the seed (plan year 2023) and the same text a
  // year on (plan year 2024), whose review states 2023's results where the seed set 2023's targets.
  earlier = extractSeed();
  later = extractReportGraph(buildNextYearSeed());
});
beforeEach(() => wipeData(store.executor));
afterAll(async () => {
  await wipeData(store.executor);
  await store.close();
});

const links = async () =>
  (
    await store.executor.read({
      text: `MATCH (a:Indicator)-[p:PREVIOUS {crossReport: true}]->(t:Indicator)
             RETURN a.id AS from, a.reportId AS fromReport, a.kind AS fromKind, a.year AS fromYear, a.metricKey AS key,
                    a.baseUnit AS fromUnit, t.id AS to, t.reportId AS toReport, t.kind AS toKind, t.year AS toYear,
                    t.metricKey AS toKey, t.baseUnit AS toUnit, p.reportId AS reportId, p.confidence AS confidence
             ORDER BY from`,
    })
  ).map((r) => ({ ...r }));

/** What the two graphs must give: each keyed achievement of 2023 in `later` → a 2023 target of `earlier`. */
function expectedPairs() {
  const keyed = (g: ReportGraph, kind: string) =>
    g.indicators.filter((i) => i.kind === kind && i.year === 2023 && i.metricKey && !i.period && !i.threshold);
  const targets = keyed(earlier, 'target');
  const achievements = keyed(later, 'achievement');
  const pairs = new Set<string>();
  for (const a of achievements)
    if (targets.some((t) => t.metricKey === a.metricKey && t.baseUnit === a.baseUnit))
      pairs.add(`${a.metricKey}|${a.baseUnit}`);
  return pairs;
}

describe('cross-report PREVIOUS', () => {
  test('the made-up years share keyed metrics to link', () => {
    expect(later.report.planYear).toBe(earlier.report.planYear + 1);
    expect(expectedPairs().size).toBeGreaterThanOrEqual(2);
  });

  test('links the later achievement to the earlier target, one per metric and unit, like for like', async () => {
    await loadReportGraph(store.executor, earlier);
    await loadReportGraph(store.executor, later);
    const found = await links();
    expect(new Set(found.map((l) => `${l.key}|${l.fromUnit}`))).toEqual(expectedPairs());
    expect(found).toHaveLength(expectedPairs().size);
    for (const l of found) {
      expect(l).toMatchObject({
        fromReport: later.report.id,
        fromKind: 'achievement',
        fromYear: 2023,
        toReport: earlier.report.id,
        toKind: 'target',
        toYear: 2023,
        toKey: l.key,
        toUnit: l.fromUnit,
        reportId: later.report.id,
      });
      expect(Number(l.confidence)).toBeGreaterThan(0.5);
    }
  });

  test('gives the same links whichever report is loaded first, or both in one batch', async () => {
    await loadReportGraph(store.executor, earlier);
    await loadReportGraph(store.executor, later);
    const forwards = await links();
    await wipeData(store.executor);
    await loadReportGraph(store.executor, later);
    expect(await links()).toEqual([]);
    await loadReportGraph(store.executor, earlier);
    expect(await links()).toEqual(forwards);
    await wipeData(store.executor);
    await loadReportGraphs(store.executor, [later, earlier]);
    expect(await links()).toEqual(forwards);
  });

  test('goes when either report is deleted, and comes back when it is ingested again', async () => {
    await loadReportGraphs(store.executor, [earlier, later]);
    const all = await links();
    await deleteReport(store.executor, earlier.report.id);
    expect(await links()).toEqual([]);
    await loadReportGraph(store.executor, earlier);
    expect(await links()).toEqual(all);
    await deleteReport(store.executor, later.report.id);
    expect(await links()).toEqual([]);
    await loadReportGraph(store.executor, later);
    expect(await links()).toEqual(all);
  });

  test('a re-ingest (forced, or a corrected text replacing the old one) keeps exactly one link each', async () => {
    await loadReportGraphs(store.executor, [earlier, later]);
    const all = await links();
    await loadReportGraph(store.executor, later, { force: true });
    await loadReportGraph(store.executor, earlier, { force: true });
    expect(await links()).toEqual(all);
    // A corrected text of the earlier report: a new id under the same key replaces the old one.
    const corrected = extractReportGraph(`${seedText()}\n`);
    expect(corrected.report.id).not.toBe(earlier.report.id);
    const result = await loadReportGraph(store.executor, corrected);
    expect(result.replaced).toEqual([earlier.report.id]);
    const after = await links();
    expect(after).toHaveLength(all.length);
    expect(new Set(after.map((l) => l.toReport))).toEqual(new Set([corrected.report.id]));
  });
});

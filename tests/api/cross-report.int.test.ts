// Across reports and regions, over real HTTP on seeds/ (the seed, the seed a year on, and every
// corpus report): the canonical metric in the API, compare, targetProgress across reports, and
// an achievement's previous across reports.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { METRIC_KEYS } from '../../src/domain/metric-keys.ts';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { loadReportGraphs } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createRecordingExecutor, startTestApi, type TestApi } from '../support/api.ts';
import { buildNextYearSeed, extractCorpus, extractSeed } from '../support/graphs.ts';
import { corpusFiles } from '../support/fixtures.ts';
import { wipeData } from '../support/wipe.ts';

let api: TestApi;
const seed = extractSeed();
const next = extractReportGraph(buildNextYearSeed());
const corpus = corpusFiles().map((f) => extractCorpus(f));

beforeAll(async () => {
  api = await startTestApi();
  await migrate(api.store.executor);
  await wipeData(api.store.executor);
  const outcomes = await loadReportGraphs(api.store.executor, [seed, next, ...corpus]);
  expect(outcomes.every((o) => o.ok)).toBe(true);
}, 300_000);
afterAll(() => api.stop());

const ok = (query: string, variables?: Record<string, unknown>): Promise<any> => api.data(query, variables);
const errorOf = async (query: string) => (await api.gql(query)).body.errors?.[0];
const cypher = (text: string, params: Record<string, unknown> = {}) => api.store.executor.read({ text, params });

describe('metricKey', () => {
  test('metricKeys lists the dictionary with unit families', async () => {
    const data = await ok('{ metricKeys { key description unitFamily } }');
    expect(data.metricKeys.map((k: any) => k.key)).toEqual(METRIC_KEYS.map((e) => e.key));
    expect(data.metricKeys.find((k: any) => k.key === 'GDP_GROWTH')).toEqual({
      key: 'GDP_GROWTH',
      description: '地区生产总值增长',
      unitFamily: 'PERCENT',
    });
  });

  test('indicators carry the key the extractor gave (null when none), filter and sort by it', async () => {
    const keyed = corpus.flatMap((g) => g.indicators).filter((i) => i.metricKey === 'CPI');
    const data = await ok(`{ indicators(where: {metricKey: "CPI"}, orderBy: [{field: METRIC_KEY}], first: 100) {
      totalCount nodes { id metric metricKey metricUnitFamily } } }`);
    expect(data.indicators.totalCount).toBeGreaterThanOrEqual(keyed.length);
    for (const n of data.indicators.nodes) expect(n).toMatchObject({ metricKey: 'CPI', metricUnitFamily: 'PERCENT' });
    const unkeyed = corpus.flatMap((g) => g.indicators).find((i) => !i.metricKey)!;
    const one = await ok(`{ node(id: "${unkeyed.id}") { ... on Indicator { metricKey metricUnitFamily } } }`);
    expect(one.node).toEqual({ metricKey: null, metricUnitFamily: null });
  });

  test('an unknown key is BAD_USER_INPUT, in a filter and in compare, naming it', async () => {
    const inWhere = await errorOf('{ indicators(where: {metricKey: "GDP"}) { totalCount } }');
    expect(inWhere?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(inWhere?.message).toMatch(/metricKey/);
    const inCompare = await errorOf('{ compare(metricKey: "MARINE_GDP", year: 2026) { regionName } }');
    expect(inCompare?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(inCompare?.message).toContain('MARINE_GDP');
  });
});

describe('compare', () => {
  const COMPARE = `query($w: ID) { compare(metricKey: "GDP_GROWTH", year: 2026, within: $w) {
    regionName region { id name } report { id planYear regionName }
    indicator { id metric metricKey kind year value unit qualifier }
    evidence { text start end section { id title } } } }`;

  test('the 2026 GDP_GROWTH targets of every province in the graph, one per province, with evidence', async () => {
    const provinces = corpus.filter((g) => g.report.planYear === 2026).map((g) => g.report.region.name);
    const data = await ok(COMPARE);
    const rows = data.compare;
    // Every region whose 2026 report states the target, once, in region order (the corpus's
    // provinces among them); a province's report gives no row for any of its cities.
    const [stated] = await cypher(
      `MATCH (n:Indicator {metricKey: 'GDP_GROWTH', kind: 'target', year: 2026}), (r:Report {id: n.reportId, planYear: 2026})
       WHERE n.period IS NULL AND NOT n.threshold RETURN collect(DISTINCT r.regionName) AS names`,
    );
    const names = rows.map((r: any) => r.regionName);
    expect(new Set(names)).toEqual(new Set(stated!.names as string[]));
    expect(names).toHaveLength(new Set(names).size);
    expect(names).toEqual(expect.arrayContaining(provinces));
    expect(provinces.length).toBeGreaterThanOrEqual(10);
    expect(new Set(rows.map((r: any) => r.report.id)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.indicator).toMatchObject({ metricKey: 'GDP_GROWTH', kind: 'TARGET', year: 2026, unit: '%' });
      expect(r.indicator.metric).not.toMatch(/海洋|数字经济|人均/);
      expect(r.report).toMatchObject({ planYear: 2026, regionName: r.regionName });
      expect(r.evidence.text).toContain(String(r.indicator.value));
      expect(r.evidence.section.id).toBeTruthy();
      expect(r.evidence.end).toBeGreaterThan(r.evidence.start);
      // The headline: GDP growth of the province as a whole, a plausible target.
      expect(r.indicator.value).toBeGreaterThan(2);
      expect(r.indicator.value).toBeLessThan(10);
    }
    // No marine GDP anywhere among the keyed GDP_GROWTH indicators.
    const marine = await cypher(
      "MATCH (n:Indicator {metricKey: 'GDP_GROWTH'}) WHERE n.metric CONTAINS '海洋' RETURN count(n) AS n",
    );
    expect(Number(marine[0]!.n)).toBe(0);
  });

  test('the headline figure is the one in the main-targets paragraph, its earliest statement', async () => {
    const data = await ok(COMPARE);
    for (const r of data.compare) {
      const [best] = await cypher(
        `MATCH (n:Indicator {reportId: $report, metricKey: 'GDP_GROWTH', kind: 'target', year: 2026}) WHERE n.period IS NULL AND NOT n.threshold
         WITH n, COUNT { MATCH (:Section {id: n.sectionId})-[:STATES]->(m:Indicator) WHERE m.kind = 'target' AND m.year = 2026 AND m.metricKey IS NOT NULL RETURN DISTINCT m.metricKey } AS w
         RETURN n.id AS id ORDER BY w DESC, n.start LIMIT 1`,
        { report: r.report.id },
      );
      expect(r.indicator.id).toBe(best!.id);
    }
  });

  test('within keeps the regions under a place; achievements come from the next year’s report', async () => {
    const beijing = corpus.find((g) => g.report.region.name === '北京市')!;
    const inBeijing = await ok(COMPARE, { w: `place:${beijing.report.region.code}` });
    expect(inBeijing.compare.map((r: any) => r.regionName)).toEqual(['北京市']);
    // The seed a year on states 2023's results: its GDP achievement answers for 天门市.
    const achieved =
      await ok(`{ compare(metricKey: "GDP_TOTAL", year: 2023, kind: ACHIEVEMENT, within: "place:${next.report.region.code}") {
      regionName report { id } indicator { kind year } } }`);
    expect(achieved.compare).toEqual([
      {
        regionName: next.report.region.name,
        report: { id: next.report.id },
        indicator: { kind: 'ACHIEVEMENT', year: 2023 },
      },
    ]);
  });

  test('compare and the cross-report targetProgress are one statement each, nested fields and all', async () => {
    let recorded: ReturnType<typeof createRecordingExecutor> | undefined;
    const rec = await startTestApi({}, (e) => (recorded = createRecordingExecutor(e)).executor);
    try {
      for (const query of [
        COMPARE,
        `{ targetProgress(where: {change: DOWN}, orderBy: [{field: CHANGE}], first: 5) { confidence change { absolute }
          target { id report { regionName } evidence { text } } previous { ... on Indicator { value } } } }`,
      ]) {
        recorded!.calls.length = 0;
        const { body } = await rec.gql(query);
        expect(body.errors).toBeUndefined();
        expect(recorded!.calls).toHaveLength(1);
      }
    } finally {
      await rec.stop();
    }
  });
});

describe('targetProgress across reports', () => {
  test('targets in any report lower than last year’s achievement, biggest drop first', async () => {
    const data =
      await ok(`{ targetProgress(where: {change: DOWN}, orderBy: [{field: CHANGE, direction: ASC}], first: 100) {
      cursor target { id report { id regionName } ... on Indicator { metric baseValue baseUnit } }
      previous { ... on Indicator { baseValue baseUnit } } change { absolute unit } } }`);
    const rows = data.targetProgress;
    const [expected] = await cypher(
      `MATCH (t:Indicator {kind: 'target'})-[:PREVIOUS]->(a:Indicator)
       WHERE a.baseUnit = t.baseUnit AND (a.period IS NULL) = (t.period IS NULL) AND t.baseNumber < a.baseNumber
       RETURN count(*) AS n, count(DISTINCT t.reportId) AS reports`,
    );
    expect(rows).toHaveLength(Math.min(100, Number(expected!.n)));
    expect(Number(expected!.reports)).toBeGreaterThan(1);
    const drops = rows.map((r: any) => Number(r.target.baseValue) - Number(r.previous.baseValue));
    for (const d of drops) expect(d).toBeLessThan(0);
    expect(drops).toEqual([...drops].sort((a, b) => a - b));
    for (const r of rows) expect(r.change.absolute).toBeLessThan(0);
    expect(new Set(rows.map((r: any) => r.target.report.id)).size).toBeGreaterThan(1);
  });

  test('filters by region, year and metricKey, and pages with after', async () => {
    const all = await ok(`{ targetProgress(where: {year: 2026, metricKey: "GDP_GROWTH"}, orderBy: [{field: REGION}]) {
      cursor target { year report { regionName } ... on Indicator { metricKey } } } }`);
    expect(all.targetProgress.length).toBeGreaterThanOrEqual(5);
    for (const r of all.targetProgress) expect(r.target).toMatchObject({ year: 2026, metricKey: 'GDP_GROWTH' });
    const names = all.targetProgress.map((r: any) => r.target.report.regionName);
    expect(names).toEqual([...names].sort());
    const page2 = await ok(
      `query($after: String) { targetProgress(where: {year: 2026, metricKey: "GDP_GROWTH"}, orderBy: [{field: REGION}], first: 2, after: $after) {
        target { id } } }`,
      { after: all.targetProgress[1].cursor },
    );
    expect(page2.targetProgress).toHaveLength(2);
    const ids = await ok(
      `{ targetProgress(where: {year: 2026, metricKey: "GDP_GROWTH"}, orderBy: [{field: REGION}]) { target { id } } }`,
    );
    expect(page2.targetProgress).toEqual(ids.targetProgress.slice(2, 4));
    const gansu = await ok(`{ targetProgress(where: {regionName: "甘肃省"}) { target { report { regionName } } } }`);
    expect(gansu.targetProgress.length).toBeGreaterThan(0);
    for (const r of gansu.targetProgress) expect(r.target.report.regionName).toBe('甘肃省');
  });

  test('the per-report call still answers one report in text order', async () => {
    const data = await ok(
      `{ targetProgress(reportId: "${seed.report.id}") { target { id report { id } evidence { start } } } }`,
    );
    const starts = data.targetProgress.map((r: any) => r.target.evidence.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const r of data.targetProgress) expect(r.target.report.id).toBe(seed.report.id);
  });
});

describe('PREVIOUS across reports in the API', () => {
  test('an achievement’s previous is the target it answered, and change says by how much it beat or missed it', async () => {
    const [link] = await cypher(
      `MATCH (a:Indicator {reportId: $later})-[:PREVIOUS {crossReport: true}]->(t:Indicator {reportId: $earlier})
       RETURN a.id AS achievement, t.id AS target, a.value - t.value AS diff, a.unit = t.unit AS sameUnit ORDER BY a.start LIMIT 1`,
      { later: next.report.id, earlier: seed.report.id },
    );
    expect(link).toBeDefined();
    const data =
      await ok(`{ node(id: "${link!.achievement}") { ... on Indicator { kind previous { confidence evidence { text }
      change { absolute unit } target { id kind report { id } } } } } }`);
    expect(data.node.kind).toBe('ACHIEVEMENT');
    expect(data.node.previous.target).toEqual({ id: link!.target, kind: 'TARGET', report: { id: seed.report.id } });
    expect(data.node.previous.evidence.text.length).toBeGreaterThan(0);
    if (link!.sameUnit) expect(data.node.previous.change.absolute).toBeCloseTo(Number(link!.diff), 6);
  });
});

// The API issue's "done when": six questions an analyst or planner asks, each answered in one
// request over real HTTP, over the reports of seeds/ (the seed and the ten 2026 provincial reports).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadReportGraphs } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { extractCorpus, extractSeed } from '../support/graphs.ts';
import { corpusFiles } from '../support/fixtures.ts';
import { wipeData } from '../support/wipe.ts';

let api: TestApi;
const graphs = [extractSeed(), ...corpusFiles().map((f) => extractCorpus(f))];
const provinces2026 = graphs.filter((g) => g.report.region.level === 'province' && g.report.planYear === 2026);

beforeAll(async () => {
  api = await startTestApi();
  await migrate(api.store.executor);
  await wipeData(api.store.executor);
  const outcomes = await loadReportGraphs(api.store.executor, graphs);
  expect(outcomes.every((o) => o.ok)).toBe(true);
}, 300_000);
afterAll(() => api.stop());

const ask = (query: string, variables?: Record<string, unknown>): Promise<any> => api.data(query, variables);

describe('six questions, one request each', () => {
  test('1. the 2026 GDP_GROWTH targets of every province in the graph, one per province, with evidence', async () => {
    const { compare } = await ask(`{ compare(metricKey: "GDP_GROWTH", year: 2026, kind: TARGET) {
      regionName region { id level } report { id planYear }
      indicator { metric metricKey value unit kind year }
      evidence { text section { path } report { id } } } }`);
    const regions = compare.map((r: any) => r.regionName);
    expect(new Set(regions).size).toBe(regions.length);
    // Every province whose report states a GDP growth target has its row.
    const stating = provinces2026.filter((g) =>
      g.indicators.some((i) => i.metricKey === 'GDP_GROWTH' && i.kind === 'target' && i.year === 2026),
    );
    expect(stating.length).toBeGreaterThanOrEqual(8);
    expect(regions.sort()).toEqual(stating.map((g) => g.report.region.name).sort());
    for (const row of compare) {
      expect(row.region.level).toBe('province');
      expect(row.indicator).toMatchObject({ metricKey: 'GDP_GROWTH', unit: '%', kind: 'TARGET', year: 2026 });
      expect(row.indicator.metric).not.toMatch(/海洋/);
      expect(row.evidence.report.id).toBe(row.report.id);
      expect(row.evidence.text).toContain(String(row.indicator.value));
      expect(row.evidence.section.path.length).toBeGreaterThan(0);
    }
  });

  test('2. the projects in 广东省 and everything under it that serve a target', async () => {
    const guangdong = graphs.find((g) => g.report.region.name === '广东省')!;
    const data = await ask(
      `query ($p: ID!) {
        place: node(id: $p) { ... on Place { name level } }
        projects(where: { within: $p, serves: true }, first: 100) {
          totalCount nodes { name report { id region { name } } serves { confidence target { id } } } } }`,
      { p: `place:${guangdong.report.region.code!.slice(0, 2)}` },
    );
    expect(data.place).toEqual({ name: '广东省', level: 'province' });
    const served = new Set(
      guangdong.relationships.filter((r) => r.type === 'SERVES' && r.confidence >= 0.5).map((r) => r.from),
    );
    expect(data.projects.totalCount).toBe(served.size);
    expect(served.size).toBeGreaterThan(1);
    for (const p of data.projects.nodes) {
      expect(p.report.region.name).toBe('广东省');
      expect(p.serves.length).toBeGreaterThan(0);
    }
  });

  test('3. targets in any report lower than last year’s achievement of the same metric, biggest drop first', async () => {
    const { targetProgress } =
      await ask(`{ targetProgress(where: { change: DOWN }, orderBy: [{ field: CHANGE, direction: ASC }], first: 50) {
      target { report { region { name } planYear } ... on Indicator { metric value unit } }
      previous { ... on Indicator { metric value unit kind } }
      change { absolute unit } } }`);
    expect(targetProgress.length).toBeGreaterThan(0);
    const drops = targetProgress.map((r: any) => r.change.absolute);
    expect(drops.every((d: number) => d < 0)).toBe(true);
    // CHANGE sorts by the drop in the base unit: within one unit, biggest drop first.
    for (const unit of new Set(targetProgress.map((r: any) => r.change.unit))) {
      const inUnit = targetProgress.filter((r: any) => r.change.unit === unit).map((r: any) => r.change.absolute);
      expect([...inUnit].sort((a, b) => a - b)).toEqual(inUnit);
    }
    for (const r of targetProgress) expect(r.previous.kind).toBe('ACHIEVEMENT');
    expect(new Set(targetProgress.map((r: any) => r.target.report.region.name)).size).toBeGreaterThan(1);
  });

  test('4. the high-confidence links only (minConfidence: 0.9)', async () => {
    const { indicators } = await ask(`{ indicators(where: { served: true }, first: 100) {
      nodes { id strong: servedBy(minConfidence: 0.9) { confidence project { name } } all: servedBy(minConfidence: 0) { confidence } } } }`);
    const strong = indicators.nodes.flatMap((n: any) => n.strong);
    expect(strong.length).toBeGreaterThan(0);
    expect(strong.every((l: any) => l.confidence >= 0.9)).toBe(true);
    const all = indicators.nodes.flatMap((n: any) => n.all);
    expect(all.some((l: any) => l.confidence < 0.9)).toBe(true);
  });

  test('5. the targets in a report that no project serves', async () => {
    const shanxi = graphs.find((g) => g.report.region.name === '山西省')!;
    const data = await ask(
      `query ($r: ID!) { report(id: $r) {
        indicators(where: { kind: [TARGET], served: false }, first: 100) { totalCount nodes { id metric servedBy { confidence } } }
        goals(where: { kind: [TARGET], served: false }, first: 100) { totalCount nodes { id name servedBy { confidence } } } } }`,
      { r: shanxi.report.id },
    );
    const servedIds = new Set(
      shanxi.relationships.filter((r) => r.type === 'SERVES' && r.confidence >= 0.5).map((r) => r.to),
    );
    const gaps = [...shanxi.indicators, ...shanxi.goals].filter((t) => t.kind === 'target' && !servedIds.has(t.id));
    expect(data.report.indicators.totalCount + data.report.goals.totalCount).toBe(gaps.length);
    for (const t of [...data.report.indicators.nodes, ...data.report.goals.nodes]) expect(t.servedBy).toEqual([]);
  });

  test('6. search 高标准农田 within one province, page 2', async () => {
    const query = `query ($p: ID!, $after: String) {
      search(query: "高标准农田", within: $p, first: 3, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { cursor kind highlight report { region { name } planYear } node { id } } } }`;
    const hunan = graphs.find((g) => g.report.region.name === '湖南省')!;
    const p = `place:${hunan.report.region.code!.slice(0, 2)}`;
    const first = (await ask(query, { p })).search;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await ask(query, { p, after: first.pageInfo.endCursor })).search;
    expect(second.totalCount).toBe(first.totalCount);
    expect(second.edges.length).toBeGreaterThan(0);
    const ids = (s: any) => s.edges.map((e: any) => e.node.id);
    expect(ids(second).filter((id: string) => ids(first).includes(id))).toEqual([]);
    for (const e of [...first.edges, ...second.edges]) {
      expect(e.highlight).toContain('<mark>');
      if (e.report) expect(e.report.region.name).toBe('湖南省');
    }
  });
});

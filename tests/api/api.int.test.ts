import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadReportGraph } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import { extractCorpus, extractSeed } from '../support/graphs.ts';
import { createRecordingExecutor, startTestApi, type TestApi } from '../support/api.ts';
import { wipeData } from '../support/wipe.ts';
import type { Executor } from '../../src/store/executor.ts';

let api: TestApi;
let recorder: ReturnType<typeof createRecordingExecutor>;
const seed = extractSeed();
const hebei = extractCorpus('hebei-2026.txt');
const farmland = seed.indicators.find((i) => i.kind === 'target' && i.metric.includes('高标准农田'))!;

beforeAll(async () => {
  api = await startTestApi({}, (inner: Executor) => {
    recorder = createRecordingExecutor(inner);
    return recorder.executor;
  });
  await migrate(api.store.executor);
  await wipeData(api.store.executor);
  await loadReportGraph(api.store.executor, seed);
  await loadReportGraph(api.store.executor, hebei);
});
afterAll(() => api.stop());

const ok = async <T = any>(query: string, variables?: Record<string, unknown>): Promise<T> => {
  const { status, body } = await api.gql<T>(query, variables);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data!;
};
const codes = async (query: string, variables?: Record<string, unknown>) =>
  (await api.gql(query, variables)).body.errors?.map((e) => e.extensions?.code);

describe('lists: filter, sort, paginate', () => {
  test('filters indicators by kind, year, metric and value range, sorted by value', async () => {
    const data =
      await ok(`{ indicators(where: {kind: [TARGET], year: 2023, metricContains: "高标准农田", valueMin: 5, valueMax: 20}, orderBy: [{field: VALUE, direction: DESC}]) {
      totalCount nodes { metric value unit baseValue baseUnit kind year evidence { text section { id title path } } } } }`);
    expect(data.indicators.totalCount).toBe(1);
    expect(data.indicators.nodes[0]).toMatchObject({
      value: 10,
      unit: '万亩',
      baseValue: '100000',
      baseUnit: '亩',
      kind: 'TARGET',
      year: 2023,
    });
    expect(data.indicators.nodes[0].evidence.text).toContain('新建高标准农田10万亩');
    expect(data.indicators.nodes[0].evidence.section.path).toContain('坚决守护流域安全');
  });

  test('pages with cursors through every indicator of a report, without repeats', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      const data: any = await ok(
        `query($r: ID!, $after: String) { indicators(where: {reportId: $r}, first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
        { r: seed.report.id, after },
      );
      total = data.indicators.totalCount;
      for (const n of data.indicators.nodes) seen.add(n.id);
      if (!data.indicators.pageInfo.hasNextPage) break;
      after = data.indicators.pageInfo.endCursor;
    }
    expect(total).toBe(seed.indicators.length);
    expect(seen.size).toBe(seed.indicators.length);
  });

  test('a section filter includes its subsections', async () => {
    const part1 = seed.sections.find((s) => s.level === 1)!;
    const data = await ok(`query($s: ID!) { indicators(where: {sectionId: $s}) { totalCount } }`, { s: part1.id });
    expect(data.indicators.totalCount).toBe(
      seed.indicators.filter((i) => i.start >= part1.start && i.start < part1.end).length,
    );
  });

  test('places filter on type and parent; goals and projects on name', async () => {
    const tianmen = seed.places.find((p) => p.name === '天门市')!;
    const towns = await ok(
      `query($p: ID!) { places(where: {type: [TOWN], parentId: $p}, first: 100) { nodes { name type parent { name } } } }`,
      { p: tianmen.id },
    );
    expect(towns.places.nodes.map((n: any) => n.name)).toContain('岳口镇');
    expect(towns.places.nodes.every((n: any) => n.type === 'TOWN' && n.parent.name === '天门市')).toBe(true);
    const goals = await ok(
      `{ goals(where: {nameContains: "文明城市", kind: [TARGET]}) { nodes { name action year } } }`,
    );
    expect(goals.goals.nodes).toContainEqual({ name: '全国文明城市', action: '创成', year: 2023 });
    const reports = await ok(
      `{ reports(orderBy: [{field: PLAN_YEAR, direction: DESC}]) { totalCount nodes { regionName planYear } } }`,
    );
    expect(reports.reports.nodes.map((r: any) => r.planYear)).toEqual([2026, 2023]);
  });
});

describe('navigation', () => {
  test('report → sections → subsections, indicators and mentions', async () => {
    const data = await ok(
      `query($r: ID!) { report(id: $r) { title speaker deliveredOn region { name }
      sections(first: 10) { title subsections(first: 10) { title subsections(first: 10) { title indicators(first: 20) { metric } mentions(first: 100) { entity { __typename ... on Place { name } ... on Project { name } } start end } } } } } }`,
      { r: seed.report.id },
    );
    const r = data.report;
    expect(r).toMatchObject({ speaker: '杨兴铭', deliveredOn: '2022-12-27', region: { name: '天门市' } });
    expect(r.sections.map((s: any) => s.title)).toEqual([
      '2022年工作回顾',
      '2023年总体思路和目标任务',
      '全面加强政府自身建设',
    ]);
    const farming = r.sections[0].subsections[1].subsections[0];
    expect(farming.title).toBe('农业质效更加凸显。');
    expect(farming.indicators.map((i: any) => i.metric)).toContain('新建高标准农田');
    expect(farming.mentions.some((m: any) => m.entity.name === '佛子山镇')).toBe(true);
  });

  test('the 2023 高标准农田 target: its serving project with evidence, and last year’s result', async () => {
    const data = await ok(
      `query($id: ID!) { node(id: $id) { ... on Indicator { metric value unit
      servedBy { confidence project { name places { name } } evidence { text start end section { title } } }
      previous { confidence change { absolute ratio unit } target { ... on Indicator { value unit year kind } } } } } }`,
      { id: farmland.id },
    );
    const serving = data.node.servedBy.find((s: any) => s.project.name === '岳口镇全域国土综合整治项目');
    expect(serving).toBeDefined();
    expect(serving.confidence).toBeGreaterThanOrEqual(0.75);
    expect(serving.evidence.text).toContain('新建高标准农田10万亩');
    expect(serving.project.places.map((p: any) => p.name)).toContain('岳口镇');
    expect(data.node.previous.target).toEqual({ value: 13.89, unit: '万亩', year: 2022, kind: 'ACHIEVEMENT' });
    expect(data.node.previous.change).toEqual({ absolute: -3.89, ratio: 0.719942, unit: '万亩' });
  });

  test('place → parent, children, projects, reports; enterprise → projects', async () => {
    const yuekou = seed.places.find((p) => p.name === '岳口镇')!;
    const data = await ok(
      `query($id: ID!) { node(id: $id) { ... on Place { name aliases parent { name parent { name } } projects { name } reports { id } indicators { metric } } } }`,
      { id: yuekou.id },
    );
    expect(data.node).toMatchObject({ name: '岳口镇', parent: { name: '天门市', parent: { name: '湖北省' } } });
    expect(data.node.aliases).toContain('岳口');
    expect(data.node.projects.map((p: any) => p.name)).toContain('岳口镇全域国土综合整治项目');
    expect(data.node.reports).toEqual([{ id: seed.report.id }]);
    const wenjian = await ok(
      `{ enterprises(where: {nameContains: "稳健医疗"}) { nodes { name projects { name } reports { regionName } } } }`,
    );
    expect(wenjian.enterprises.nodes[0].projects.map((p: any) => p.name)).toEqual(
      expect.arrayContaining(['稳健医疗全棉水刺无纺布']),
    );
  });
});

describe('search, planners and visualization', () => {
  test.each([
    ['高标准农田', 'INDICATOR', '高标准农田'],
    ['岳口', 'PLACE', '岳口镇'],
    ['稳健医疗', 'ENTERPRISE', '稳健医疗'],
  ])('search %s finds the %s a person expects', async (q, kind, expected) => {
    const data = await ok(
      `query($q: String!) { search(query: $q, first: 10) { nodes { kind score highlight node { id ... on Place { name } ... on Enterprise { name } ... on Indicator { metric } } } } }`,
      { q },
    );
    const hit = data.search.nodes.find((h: any) => h.kind === kind);
    expect(hit).toBeDefined();
    expect(hit.node.name ?? hit.node.metric).toContain(expected);
    expect(hit.highlight).toContain(`<mark>${q}</mark>`);
    expect(data.search.nodes.map((h: any) => h.score)).toEqual(
      [...data.search.nodes.map((h: any) => h.score)].sort((a: number, b: number) => b - a),
    );
  });

  test('search kinds narrow the hits', async () => {
    const data = await ok(`{ search(query: "岳口", kinds: [PROJECT]) { nodes { kind } } }`);
    expect(data.search.nodes.length).toBeGreaterThan(0);
    expect(new Set(data.search.nodes.map((h: any) => h.kind))).toEqual(new Set(['PROJECT']));
  });

  test('trace from a target and from a project', async () => {
    const fromTarget = await ok(
      `query($id: ID!) { trace(id: $id) { root { id } links { confidence project { name } target { id } evidence { text } } } }`,
      { id: farmland.id },
    );
    expect(fromTarget.trace.links.map((l: any) => l.project.name)).toContain('岳口镇全域国土综合整治项目');
    const project = seed.projects.find((p) => p.name === '岳口镇全域国土综合整治项目')!;
    const fromProject = await ok(
      `query($id: ID!) { trace(id: $id) { links { target { id ... on Indicator { metric } } } } }`,
      { id: project.id },
    );
    expect(fromProject.trace.links.map((l: any) => l.target.id)).toContain(farmland.id);
  });

  test('targetProgress puts each target beside last year’s result', async () => {
    const data = await ok(
      `query($r: ID!) { targetProgress(reportId: $r) { target { id ... on Indicator { metric } ... on Goal { name } } previous { ... on Indicator { value } ... on Goal { name } } change { absolute unit } } }`,
      { r: seed.report.id },
    );
    const row = data.targetProgress.find((p: any) => p.target.id === farmland.id);
    expect(row).toMatchObject({ previous: { value: 13.89 }, change: { absolute: -3.89, unit: '万亩' } });
    expect(
      data.targetProgress.some((p: any) => p.target.name === '全国文明城市' && p.previous?.name === '全国文明城市'),
    ).toBe(true);
  });

  test('neighborhood and paths are node and edge lists a graph library can draw', async () => {
    const yuekou = seed.places.find((p) => p.name === '岳口镇')!;
    const data = await ok(
      `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 60) { truncated reachable nodes { id kind label properties } edges { id type source target properties } } }`,
      { id: yuekou.id },
    );
    const { nodes, edges } = data.neighborhood;
    // "showing N of M": M is what the walk reaches, more than N exactly when truncated.
    expect(data.neighborhood.reachable).toBeGreaterThanOrEqual(nodes.length);
    expect(data.neighborhood.truncated).toBe(nodes.length < data.neighborhood.reachable);
    const small = await ok(
      `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 5) { truncated reachable nodes { id } } }`,
      {
        id: yuekou.id,
      },
    );
    // The count does not depend on the limit: it is the same walk.
    expect(small.neighborhood.nodes).toHaveLength(5);
    expect(small.neighborhood).toMatchObject({ truncated: true, reachable: data.neighborhood.reachable });
    expect(nodes.length).toBeGreaterThan(3);
    expect(nodes.length).toBeLessThanOrEqual(60);
    const ids = new Set(nodes.map((n: any) => n.id));
    expect(ids.size).toBe(nodes.length);
    for (const e of edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(nodes.find((n: any) => n.id === yuekou.id)).toMatchObject({ kind: 'PLACE', label: '岳口镇' });
    const path = await ok(
      `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 4) { reachable nodes { id } edges { type source target } } }`,
      { a: farmland.id, b: yuekou.id },
    );
    const pathIds = new Set(path.paths.nodes.map((n: any) => n.id));
    expect(pathIds.has(farmland.id) && pathIds.has(yuekou.id)).toBe(true);
    expect(path.paths.edges.length).toBeGreaterThan(0);
    expect(path.paths.reachable).toBeNull();
  });

  test('stats count by kind, report and place', async () => {
    const data = await ok(
      `{ stats { byKind { kind count } byReport { report { id } indicators goals } byPlace { place { name } mentions reports } } }`,
    );
    expect(data.stats.byKind).toContainEqual({ kind: 'REPORT', count: 2 });
    expect(data.stats.byReport).toContainEqual({
      report: { id: seed.report.id },
      indicators: seed.indicators.length,
      goals: seed.goals.length,
    });
    expect(data.stats.byPlace[0].mentions).toBeGreaterThanOrEqual(data.stats.byPlace.at(-1).mentions);
  });
});

describe('round trips stay bounded by depth', () => {
  test('a query returning 100+ items uses a handful of Cypher round trips', async () => {
    const before = recorder.calls.length;
    const data = await ok(
      `query($r: ID!) { indicators(where: {reportId: $r}, first: 100) { nodes { id metric
      section { title report { title } } servedBy(first: 5) { confidence project { name places(first: 5) { name } enterprises(first: 5) { name } } }
      previous { target { id } } } } }`,
      { r: seed.report.id },
    );
    const trips = recorder.calls.length - before;
    expect(data.indicators.nodes).toHaveLength(100);
    // page + count, then one batch per relation and depth: section, report, servedBy, previous, places, enterprises.
    expect(trips).toBeLessThanOrEqual(10);
  });
});

describe('protection', () => {
  test('page sizes above the limits are BAD_USER_INPUT', async () => {
    expect(await codes('{ indicators(first: 101) { totalCount } }')).toEqual(['BAD_USER_INPUT']);
    expect(
      await codes(`query($id: ID!) { neighborhood(id: $id, limit: 501) { truncated } }`, { id: farmland.id }),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      await codes(`query($id: ID!) { neighborhood(id: $id, depth: 4) { truncated } }`, { id: farmland.id }),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      await codes(`query($id: ID!) { paths(from: $id, to: $id, maxHops: 7) { truncated } }`, { id: farmland.id }),
    ).toEqual(['BAD_USER_INPUT']);
    expect(await codes('{ indicators(after: "bogus") { totalCount } }')).toEqual(['BAD_USER_INPUT']);
  });

  test('too deep, too many aliases and too many tokens are QUERY_TOO_COMPLEX', async () => {
    const deep = `{ places { nodes { ${'parent { '.repeat(14)}name${' }'.repeat(14)} } } }`;
    expect(await codes(deep)).toContain('QUERY_TOO_COMPLEX');
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: version`).join(' ')} }`;
    expect(await codes(aliases)).toContain('QUERY_TOO_COMPLEX');
    const tokens = `{ version ${'__typename '.repeat(2100)} }`;
    expect(await codes(tokens)).toContain('QUERY_TOO_COMPLEX');
    const costly = `{ ${Array.from({ length: 10 }, (_, i) => `q${i}: indicators(first: 100) { nodes { section { subsections { subsections { indicators { servedBy { project { places { children { name } } } } } } } } } }`).join(' ')} }`;
    expect(await codes(costly)).toContain('QUERY_TOO_COMPLEX');
  });

  test('an oversized body is 413 and a batched request is refused', async () => {
    const big = await api.post(JSON.stringify({ query: `{ version }`, pad: 'x'.repeat(70 * 1024) }));
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const batched = await api.post(JSON.stringify([{ query: '{ version }' }, { query: '{ version }' }]));
    expect(batched.status).toBe(400);
  });

  test('CSRF prevention refuses a simple GET without a preflight header', async () => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ version }')}`);
    expect(res.status).toBe(400);
    const allowed = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ version }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(allowed.status).toBe(200);
  });

  test('answers are never cacheable by shared caches, carry a request id and their length', async () => {
    const res = await api.post(JSON.stringify({ query: '{ version }' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = await res.text();
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
  });

  test('unknown ids are null or NOT_FOUND, never internal errors', async () => {
    expect(await ok(`{ node(id: "place:000000") { id } }`)).toEqual({ node: null });
    expect(await codes(`{ trace(id: "place:000000") { links { confidence } } }`)).toEqual(['NOT_FOUND']);
    expect(await codes(`{ targetProgress(reportId: "nope-2023-000000000000") { change { unit } } }`)).toEqual([
      'NOT_FOUND',
    ]);
  });

  test('health and readiness', async () => {
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });
});

describe('Cypher injection through every string argument', () => {
  const HOSTILE = [
    "'",
    '"',
    '})',
    '//',
    '\\',
    "') MATCH (n) DETACH DELETE n //",
    '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
    '*:* OR 1=1',
    '${x}',
    '高标准农田"; DROP',
  ];

  test('changes nothing and answers empty results or BAD_USER_INPUT', async () => {
    const countAll = async () => (await api.store.executor.read({ text: 'MATCH (n) RETURN count(n) AS n' }))[0]!.n;
    const before = await countAll();
    const queries: [string, (v: string) => Record<string, unknown>][] = [
      ['query($v: String!) { search(query: $v) { nodes { kind } } }', (v) => ({ v })],
      ['query($v: ID!) { node(id: $v) { id } }', (v) => ({ v })],
      ['query($v: ID!) { report(id: $v) { id } }', (v) => ({ v })],
      ['query($v: ID!) { trace(id: $v) { links { confidence } } }', (v) => ({ v })],
      ['query($v: ID!) { neighborhood(id: $v) { truncated } }', (v) => ({ v })],
      ['query($v: ID!) { paths(from: $v, to: $v) { truncated } }', (v) => ({ v })],
      ['query($v: ID!) { targetProgress(reportId: $v) { confidence } }', (v) => ({ v })],
      [
        'query($v: String!) { indicators(where: {metricContains: $v, unit: $v, qualifier: $v, baseUnit: $v}) { totalCount } }',
        (v) => ({ v }),
      ],
      [
        'query($v: ID!) { indicators(where: {reportId: $v, sectionId: $v, placeId: $v}) { totalCount } }',
        (v) => ({ v }),
      ],
      ['query($v: String!) { goals(where: {nameContains: $v, action: $v}) { totalCount } }', (v) => ({ v })],
      ['query($v: String!) { places(where: {nameContains: $v, code: $v}) { totalCount } }', (v) => ({ v })],
      ['query($v: String!) { projects(where: {nameContains: $v}) { totalCount } }', (v) => ({ v })],
      ['query($v: String!) { enterprises(where: {nameContains: $v}) { totalCount } }', (v) => ({ v })],
      [
        'query($v: String!) { reports(where: {nameContains: $v, regionName: $v, regionLevel: $v}) { totalCount } }',
        (v) => ({ v }),
      ],
      ['query($v: String!) { sections(where: {titleContains: $v, part: $v}) { totalCount } }', (v) => ({ v })],
      ['query($v: String!) { indicators(after: $v) { totalCount } }', (v) => ({ v })],
    ];
    for (const [query, vars] of queries) {
      for (const v of HOSTILE) {
        const { body } = await api.gql(query, vars(v));
        const errorCodes = (body.errors ?? []).map((e) => e.extensions?.code);
        expect(
          errorCodes.every((c) => c === 'BAD_USER_INPUT' || c === 'NOT_FOUND'),
          `${query} with ${v}: ${JSON.stringify(body.errors)}`,
        ).toBe(true);
        if (!body.errors) {
          const values = JSON.stringify(body.data);
          expect(values).not.toMatch(/"totalCount":[1-9]/);
        }
      }
    }
    expect(await countAll()).toBe(before);
  });
});

describe('section texts', () => {
  const nested = seed.sections.find((s) => seed.sections.some((c) => c.parentId === s.id))!;
  const whole = (s: { start: number; end: number }) => seed.report.text.slice(s.start, s.end);

  test("a section's text is its whole span, its subsections included, by id and nested", async () => {
    const data = await ok(
      `query($id: ID!, $r: ID!) { section(id: $id) { text subsections(first: 100) { id text } }
        report(id: $r) { sections(first: 100) { id text } } }`,
      { id: nested.id, r: seed.report.id },
    );
    expect(data.section.text).toBe(whole(nested));
    for (const sub of data.section.subsections) {
      expect(sub.text).toBe(whole(seed.sections.find((s) => s.id === sub.id)!));
      expect(data.section.text).toContain(sub.text);
    }
    for (const top of data.report.sections) expect(top.text).toBe(whole(seed.sections.find((s) => s.id === top.id)!));
  });

  test('search finds the innermost section that states a phrase, with the phrase highlighted', async () => {
    const leaf = seed.sections.find(
      (s) => s.parentId !== null && !seed.sections.some((c) => c.parentId === s.id) && s.end - s.start > 80,
    )!;
    // The last run of eight Chinese characters in it, no punctuation.
    const phrase = [...whole(leaf).matchAll(/[\u4e00-\u9fa5]{8,}/g)].at(-1)![0].slice(0, 8);
    const data = await ok(
      `query($q: String!, $r: ID!) { search(query: $q, kinds: [SECTION], reportId: $r, first: 50) {
        nodes { node { id ... on Section { text } } highlight } } }`,
      { q: phrase, r: seed.report.id },
    );
    const ids = data.search.nodes.map((n: any) => n.node.id);
    expect(ids).toContain(leaf.id);
    expect(ids).not.toContain(leaf.parentId);
    const hit = data.search.nodes.find((n: any) => n.node.id === leaf.id);
    expect(hit.node.text).toBe(whole(leaf));
    expect(hit.highlight).toContain('<mark>');
  });
});

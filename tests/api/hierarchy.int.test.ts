// Attribution (report { region { name level } planYear } on facts, list filters and sorts by it) and
// the place hierarchy (`within`, Report.region as a Place) over seeds/: the Tianmen seed (a
// county-level city of 湖北) and the Guangdong and Hunan 2026 reports, through the running API.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadReportGraph } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { extractCorpus, extractSeed } from '../support/graphs.ts';
import { wipeData } from '../support/wipe.ts';

let api: TestApi;
const guangdong = extractCorpus('guangdong-2026.txt');
const hunan = extractCorpus('hunan-2026.txt');
const tianmen = extractSeed();
const GUANGDONG = `place:${guangdong.report.region.code}`;

beforeAll(async () => {
  api = await startTestApi();
  await migrate(api.store.executor);
  await wipeData(api.store.executor);
  for (const g of [tianmen, guangdong, hunan]) await loadReportGraph(api.store.executor, g);
});
afterAll(() => api.stop());

const ok = (query: string, variables?: Record<string, unknown>): Promise<any> => api.data(query, variables);
const cypher = (text: string, params: Record<string, unknown> = {}) => api.store.executor.read({ text, params });

describe('Report.region', () => {
  test('every report of a known region has its region as a Place with a level', async () => {
    const data = await ok(
      `{ reports(first: 10) { nodes { id regionName regionLevel region { id name level code } } } }`,
    );
    expect(data.reports.nodes).toHaveLength(3);
    for (const r of data.reports.nodes) {
      expect(r.region, r.id).not.toBeNull();
      expect(r.region.level).toBe(r.regionLevel);
    }
    const gd = data.reports.nodes.find((r: any) => r.id === guangdong.report.id);
    expect(gd.region).toMatchObject({ id: GUANGDONG, name: '广东省', level: 'province' });
  });

  test('the region holds the report places that have no other parent', async () => {
    const [row] = await cypher(`MATCH (c:Place)-[:PART_OF {reportId: $id}]->(:Place {id: $gd}) RETURN count(c) AS n`, {
      id: guangdong.report.id,
      gd: GUANGDONG,
    });
    expect(Number(row!.n)).toBeGreaterThan(5);
    const data = await ok(
      `query($id: ID!) { node(id: $id) { ... on Place { children(first: 100) { code level } } } }`,
      {
        id: GUANGDONG,
      },
    );
    expect(data.node.children).toContainEqual({ code: '4403', level: 'city' });
  });
});

describe('attribution', () => {
  test('every fact type answers report { id region { name level } planYear }', async () => {
    const r = `report { id planYear region { name level } }`;
    const data = await ok(
      `query($id: ID!) { report(id: $id) {
        indicators(first: 2) { nodes { ${r} evidence { ${r} } } }
        mentioned: projects(first: 2) { nodes { mentions(first: 2) { ${r} } } } goals(first: 2) { nodes { ${r} } }
        projects(first: 2) { nodes { ${r} } } sections(first: 2) { ${r} } } }`,
      { id: guangdong.report.id },
    );
    const rep = data.report;
    const evidence = rep.indicators.nodes.map((i: any) => i.evidence);
    const mentions = rep.mentioned.nodes.flatMap((p: any) => p.mentions);
    expect(mentions.length).toBeGreaterThan(0);
    const all = [
      ...rep.indicators.nodes,
      ...evidence,
      ...mentions,
      ...rep.goals.nodes,
      ...rep.projects.nodes,
      ...rep.sections,
    ];
    for (const item of all)
      expect(item.report).toEqual({
        id: guangdong.report.id,
        planYear: 2026,
        region: { name: '广东省', level: 'province' },
      });
  });

  test('lists filter by region name, region code and plan year, and sort by region and plan year', async () => {
    const byName = await ok(
      `{ indicators(where: { regionName: "湖南省" }, first: 100) { totalCount nodes { report { regionName } } } }`,
    );
    expect(byName.indicators.totalCount).toBe(hunan.indicators.length);
    const byCode = await ok(
      `query($c: String) { projects(where: { regionCode: $c, planYear: 2026 }) { totalCount } }`,
      {
        c: guangdong.report.region.code,
      },
    );
    expect(byCode.projects.totalCount).toBe(guangdong.projects.length);
    const none = await ok(`{ goals(where: { regionName: "广东省", planYear: 2023 }) { totalCount } }`);
    expect(none.goals.totalCount).toBe(0);
    const sorted =
      await ok(`{ projects(orderBy: [{ field: PLAN_YEAR }, { field: REGION, direction: DESC }], first: 100) {
      nodes { report { planYear regionName } } } }`);
    const keys = sorted.projects.nodes.map((p: any) => [p.report.planYear, p.report.regionName]);
    expect(keys[0][0]).toBe(2023);
    for (let i = 1; i < keys.length; i++) {
      expect(keys[i][0]).toBeGreaterThanOrEqual(keys[i - 1][0]);
      if (keys[i][0] === keys[i - 1][0]) expect(keys[i][1] <= keys[i - 1][1]).toBe(true);
    }
  });
});

describe('Place.indicators', () => {
  test("a city of the Guangdong report lists only the clauses that name it, not the province's GDP", async () => {
    const gdp = guangdong.indicators.find((i) => i.metric === '地区生产总值增长')!;
    expect(gdp, 'the report states its GDP growth').toBeDefined();
    const data = await ok(
      `query($id: ID!, $gd: ID!) {
      city: node(id: $id) { ... on Place { name aliases indicators(first: 100) { id text } } }
      province: node(id: $gd) { ... on Place { indicators(first: 100) { id } } } }`,
      { id: 'place:4403', gd: GUANGDONG },
    );
    const ids = data.city.indicators.map((i: any) => i.id);
    expect(ids).not.toContain(gdp.id);
    expect(data.province.indicators.map((i: any) => i.id)).toContain(gdp.id);
    const names = [data.city.name, ...data.city.aliases];
    for (const i of data.city.indicators)
      expect(
        names.some((n: string) => i.text.includes(n)),
        i.text,
      ).toBe(true);
  });
});

describe('within', () => {
  test('a province holds its report and every project of it, not one', async () => {
    const data = await ok(`query($p: ID) { projects(where: { within: $p }, first: 100) { totalCount nodes { id } } }`, {
      p: GUANGDONG,
    });
    expect(guangdong.projects.length).toBeGreaterThan(20);
    expect(data.projects.totalCount).toBeGreaterThanOrEqual(guangdong.projects.length);
    expect(new Set(data.projects.nodes.map((p: any) => p.id)).size).toBe(Math.min(100, data.projects.totalCount));
    const all = await ok(
      `query($p: ID) { projects(where: { within: $p, reportId: "${guangdong.report.id}" }) { totalCount } }`,
      {
        p: GUANGDONG,
      },
    );
    expect(all.projects.totalCount).toBe(guangdong.projects.length);
    // Nothing of Hunan's report is inside Guangdong unless it is located there.
    const [row] = await cypher(
      `MATCH (p:Project {reportId: $hn})-[:LOCATED_IN]->(x:Place) WHERE x.code STARTS WITH $code RETURN count(DISTINCT p) AS n`,
      { hn: hunan.report.id, code: guangdong.report.region.code },
    );
    expect(data.projects.totalCount).toBe(guangdong.projects.length + Number(row!.n));
  });

  test('a city holds only the projects located in it or under it', async () => {
    const [city] = await cypher(
      `MATCH (p:Project)-[:LOCATED_IN]->(x:Place) WHERE x.code STARTS WITH $code AND size(x.code) = 4
       RETURN x.id AS id, count(DISTINCT p) AS n ORDER BY n DESC, id LIMIT 1`,
      { code: guangdong.report.region.code },
    );
    expect(city, 'a city of Guangdong with a project in it').toBeDefined();
    const data = await ok(
      `query($p: ID) { projects(where: { within: $p }, first: 100) { totalCount nodes { id places { id code } } } }`,
      {
        p: city!.id,
      },
    );
    expect(data.projects.totalCount).toBeGreaterThanOrEqual(Number(city!.n));
    expect(data.projects.totalCount).toBeLessThan(guangdong.projects.length);
    const code = String(city!.id).slice('place:'.length);
    for (const p of data.projects.nodes)
      expect(p.places.some((x: any) => x.id === city!.id || x.code?.startsWith(code))).toBe(true);
  });

  test('indicators, goals and reports within a province are those of its reports; a county-level city report sits in its province', async () => {
    const data = await ok(
      `query($p: ID) {
      indicators(where: { within: $p }) { totalCount } goals(where: { within: $p }) { totalCount }
      reports(where: { within: $p }) { nodes { id } } }`,
      { p: GUANGDONG },
    );
    expect(data.indicators.totalCount).toBe(guangdong.indicators.length);
    expect(data.goals.totalCount).toBe(guangdong.goals.length);
    expect(data.reports.nodes.map((r: any) => r.id)).toEqual([guangdong.report.id]);
    const hubei = `place:${tianmen.report.region.code!.slice(0, 2)}`;
    const [exists] = await cypher(`MATCH (p:Place {id: $id}) RETURN p.id AS id`, { id: hubei });
    expect(exists, 'the seed names its province').toBeDefined();
    const inHubei = await ok(
      `query($p: ID) { reports(where: { within: $p }) { nodes { id } }
      indicators(where: { within: $p }) { totalCount } }`,
      { p: hubei },
    );
    expect(inHubei.reports.nodes.map((r: any) => r.id)).toEqual([tianmen.report.id]);
    expect(inHubei.indicators.totalCount).toBe(tianmen.indicators.length);
  });

  test("a report's own lists take within too", async () => {
    const data = await ok(
      `query($id: ID!, $p: ID) { report(id: $id) {
      inside: projects(where: { within: $p }) { totalCount } outside: projects(where: { within: "place:43" }) { totalCount } } }`,
      {
        id: guangdong.report.id,
        p: GUANGDONG,
      },
    );
    expect(data.report.inside.totalCount).toBe(guangdong.projects.length);
    expect(data.report.outside.totalCount).toBeLessThan(guangdong.projects.length);
  });

  test('enterprises and places within a province', async () => {
    const data = await ok(
      `query($p: ID) { enterprises(where: { within: $p }) { totalCount }
      places(where: { within: $p }, first: 100) { totalCount nodes { id code } } }`,
      { p: GUANGDONG },
    );
    expect(data.enterprises.totalCount).toBeGreaterThan(0);
    for (const p of data.places.nodes) if (p.code) expect(p.code.startsWith(guangdong.report.region.code)).toBe(true);
  });

  test('an unknown place id matches nothing (an empty list, not an error)', async () => {
    const data = await ok(`{ projects(where: { within: "place:nowhere" }) { totalCount nodes { id } }
      reports(where: { within: "place:nowhere" }) { totalCount } }`);
    expect(data.projects).toEqual({ totalCount: 0, nodes: [] });
    expect(data.reports.totalCount).toBe(0);
  });
});

describe('search as a connection', () => {
  const SEARCH = `query($q: String!, $w: ID, $r: ID, $y: Int, $k: [NodeKind!], $first: Int, $after: String) {
    search(query: $q, within: $w, reportId: $r, year: $y, kinds: $k, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor kind score highlight node { id } report { id planYear region { name level } } }
      nodes { kind node { id } report { id } } } }`;
  const hunanId = `place:${hunan.report.region.code}`;

  test('高标准农田 within one province: page 2 differs from page 1, the total is the same on both', async () => {
    const one = (await ok(SEARCH, { q: '高标准农田', w: hunanId, first: 2 })).search;
    expect(one.totalCount).toBeGreaterThan(2);
    expect(one.edges).toHaveLength(2);
    expect(one.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const two = (await ok(SEARCH, { q: '高标准农田', w: hunanId, first: 2, after: one.pageInfo.endCursor })).search;
    expect(two.totalCount).toBe(one.totalCount);
    expect(two.pageInfo.hasPreviousPage).toBe(true);
    const ids = (page: any) => page.edges.map((e: any) => e.node.id);
    expect(ids(two).length).toBeGreaterThan(0);
    for (const id of ids(two)) expect(ids(one)).not.toContain(id);
    expect(two.nodes.map((n: any) => n.node.id)).toEqual(ids(two));
    // Paging to the end visits every hit once, in score order; every hit carries its report.
    const seen: string[] = [];
    let after: string | null = null;
    let last = Infinity;
    for (;;) {
      const page: any = (await ok(SEARCH, { q: '高标准农田', w: hunanId, first: 2, after })).search;
      for (const e of page.edges) {
        expect(e.score).toBeLessThanOrEqual(last);
        last = e.score;
        seen.push(e.node.id);
        if (e.kind === 'PLACE' || e.kind === 'ENTERPRISE') expect(e.report).toBeNull();
        else
          expect(e.report).toEqual({
            id: hunan.report.id,
            planYear: 2026,
            region: { name: '湖南省', level: 'province' },
          });
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(one.totalCount);
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('no cap beyond the page: the total counts every hit, and the filters narrow it', async () => {
    const all = (await ok(SEARCH, { q: '高标准农田', first: 100 })).search;
    const byReport = (await ok(SEARCH, { q: '高标准农田', r: hunan.report.id, first: 1 })).search;
    const within = (await ok(SEARCH, { q: '高标准农田', w: hunanId, first: 1 })).search;
    expect(byReport.totalCount).toBe(within.totalCount);
    const years = (await ok(SEARCH, { q: '高标准农田', y: 2023, first: 100 })).search;
    expect(years.totalCount).toBeGreaterThan(0);
    for (const e of years.edges) if (e.report) expect(e.report.planYear).toBe(2023);
    expect(all.totalCount).toBeGreaterThan(within.totalCount + years.totalCount - 1);
    const kinds = (await ok(SEARCH, { q: '高标准农田', k: ['SECTION'], first: 100 })).search;
    expect(kinds.totalCount).toBe(all.edges.filter((e: any) => e.kind === 'SECTION').length);
    const nowhere = (await ok(SEARCH, { q: '高标准农田', w: 'place:nowhere' })).search;
    expect(nowhere).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
  });

  test('a cursor that is not one is BAD_USER_INPUT', async () => {
    const { body } = await api.gql(SEARCH, { q: '高标准农田', after: 'bm90LWEtY3Vyc29y' });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

// Keyset pagination over real HTTP: cursors hold the row's order key values, so they survive a
// re-ingest; last/before read backward and meet the forward pages; bad cursors are refused.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deleteReport } from '../../src/store/delete-report.ts';
import { loadReportGraph } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import { extractCorpus, extractSeed } from '../support/graphs.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { runRecorded } from '../support/cypher-cases.ts';
import { wipeData } from '../support/wipe.ts';

let api: TestApi;
const seed = extractSeed();
const hebei = extractCorpus('hebei-2026.txt');

beforeAll(async () => {
  api = await startTestApi();
  await migrate(api.store.executor);
  await wipeData(api.store.executor);
  await loadReportGraph(api.store.executor, seed);
});
afterAll(() => api.stop());

interface Page {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { id: string } }[];
}

const ok = async (query: string, variables?: Record<string, unknown>) => {
  const { status, body } = await api.gql(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  return body.data!;
};
const errorsOf = async (query: string, variables?: Record<string, unknown>) =>
  (await api.gql(query, variables)).body.errors ?? [];
const ids = (p: Page) => p.edges.map((e) => e.node.id);
const PAGE = `pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }`;

/** Every id of a list in the order Neo4j itself sorts it (the reference the pages must follow). */
const idsInOrder = async (label: string, order: string, where = '') =>
  (await api.store.executor.read({ text: `MATCH (n:${label}) ${where} RETURN n.id AS id ORDER BY ${order}` })).map(
    (r) => r.id as string,
  );

describe('keyset cursors survive a re-ingest', () => {
  test('page 1, then the report is deleted and loaded again with another one whose items sort before: page 1’s endCursor gives the items after the last one seen', async () => {
    const query = `query($after: String) { projects(orderBy: [{field: NAME}], first: 15, after: $after) { totalCount ${PAGE} } }`;
    const page1 = (await ok(query)).projects as Page;
    expect(page1.edges).toHaveLength(15);
    const lastSeen = page1.edges.at(-1)!.node.id;

    await deleteReport(api.store.executor, seed.report.id);
    await loadReportGraph(api.store.executor, hebei);
    await loadReportGraph(api.store.executor, seed);
    const now = await idsInOrder('Project', 'n.name, n.id');
    const at = now.indexOf(lastSeen);
    expect(at).toBeGreaterThan(14); // the other report's projects now sort in before it: an offset would shift
    expect(now.slice(0, at + 1).filter((id) => id.startsWith(hebei.report.id)).length).toBeGreaterThan(0);

    const seen = new Set(ids(page1));
    const rest: string[] = [];
    let after: string | null = page1.pageInfo.endCursor;
    for (let i = 0; after && i < 100; i++) {
      const page = (await ok(query, { after })).projects as Page;
      expect(page.totalCount).toBe(now.length);
      expect(page.pageInfo.hasPreviousPage).toBe(true);
      rest.push(...ids(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    }
    expect(rest).toEqual(now.slice(at + 1)); // the items after the last one seen, none skipped
    expect(rest.filter((id) => seen.has(id))).toEqual([]); // no duplicates
    // Every project of the re-loaded report not on page 1 is on a later page.
    const seedAfter = now.slice(at + 1).filter((id) => id.startsWith(seed.report.id));
    expect(seedAfter.length).toBeGreaterThan(0);
    expect(seedAfter.every((id) => rest.includes(id))).toBe(true);

    await deleteReport(api.store.executor, hebei.report.id);
  });
});

describe('last/before: backward pages', () => {
  // BASE_VALUE is null for most indicators: the order has nulls last (ASC) or first (DESC).
  const orders = [
    { name: 'default order, counted', orderBy: null, count: true, where: null, cypher: 'n.reportId, n.start, n.id' },
    {
      name: 'base value DESC (nulls first), filtered',
      orderBy: [{ field: 'BASE_VALUE', direction: 'DESC' }],
      count: true,
      where: { reportId: seed.report.id },
      cypher: 'n.baseNumber DESC, n.id',
    },
    {
      name: 'base value ASC then metric DESC (nulls last), not counted',
      orderBy: [
        { field: 'BASE_VALUE', direction: 'ASC' },
        { field: 'METRIC', direction: 'DESC' },
      ],
      count: false,
      where: null,
      cypher: 'n.baseNumber, n.metric DESC, n.id',
    },
  ];
  const query = (count: boolean) =>
    `query($o: [IndicatorOrder!], $w: IndicatorWhere, $first: Int, $after: String, $last: Int, $before: String) {
      indicators(where: $w, orderBy: $o, first: $first, after: $after, last: $last, before: $before) { ${count ? 'totalCount' : ''} ${PAGE} } }`;

  for (const o of orders)
    test(`forward and backward walks meet: ${o.name}`, async () => {
      const vars = { o: o.orderBy, w: o.where };
      const forward: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 200; i++) {
        const page = (await ok(query(o.count), { ...vars, first: 17, after })).indicators as Page;
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        forward.push(...ids(page));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      const backward: string[][] = [];
      let before: string | null = null;
      for (let i = 0; i < 200; i++) {
        const page = (await ok(query(o.count), { ...vars, last: 17, before })).indicators as Page;
        expect(page.pageInfo.hasNextPage).toBe(before !== null);
        expect(page.edges.length).toBeLessThanOrEqual(17);
        backward.unshift(ids(page));
        if (!page.pageInfo.hasPreviousPage) break;
        before = page.pageInfo.startCursor;
      }
      expect(forward).toEqual(await idsInOrder('Indicator', o.cypher));
      expect(new Set(forward).size).toBe(forward.length);
      expect(backward.flat()).toEqual(forward);
      // The backward walk's last page holds the list's last 17; its first page the remainder.
      expect(backward.at(-1)).toEqual(forward.slice(-17));
    });

  test('a backward page from a forward page’s startCursor is the page before it, and the reverse', async () => {
    const q = query(true);
    const p1 = (await ok(q, { first: 10 })).indicators as Page;
    const p2 = (await ok(q, { first: 10, after: p1.pageInfo.endCursor })).indicators as Page;
    const back = (await ok(q, { last: 10, before: p2.pageInfo.startCursor })).indicators as Page;
    expect(ids(back)).toEqual(ids(p1));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const forth = (await ok(q, { first: 10, after: back.pageInfo.endCursor })).indicators as Page;
    expect(ids(forth)).toEqual(ids(p2));
    // after and before together: the rows between them.
    const between = (await ok(q, { first: 100, after: p1.edges[2]!.cursor, before: p2.edges[4]!.cursor }))
      .indicators as Page;
    expect(ids(between)).toEqual([...ids(p1).slice(3), ...ids(p2).slice(0, 4)]);
  });

  test("a report's connections page backward too", async () => {
    const data = await ok(
      `query($id: ID!) { report(id: $id) { goals(last: 3) { totalCount ${PAGE} } all: goals(first: 100) { edges { node { id } } } } }`,
      { id: seed.report.id },
    );
    const all = ids(data.report.all as Page);
    expect(ids(data.report.goals as Page)).toEqual(all.slice(-3));
    expect(data.report.goals.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  });
});

describe('the planned statement and the DataLoader path page alike', () => {
  test('same rows, cursors and pageInfo, forward and backward, counted or not', async () => {
    const p1 = (await ok(`{ indicators(orderBy: [{field: BASE_VALUE, direction: DESC}], first: 30) { ${PAGE} } }`))
      .indicators as Page;
    const mid = p1.edges[12]!.cursor;
    const cases = [
      `{ indicators(orderBy: [{field: BASE_VALUE, direction: DESC}], first: 9, after: "${mid}") { totalCount ${PAGE} } }`,
      `{ indicators(orderBy: [{field: BASE_VALUE, direction: DESC}], last: 9, before: "${mid}") { ${PAGE} } }`,
      `{ indicators(where: {kind: [TARGET]}, orderBy: [{field: BASE_VALUE, direction: DESC}], last: 4) { totalCount ${PAGE} } }`,
      `{ report(id: "${seed.report.id}") { projects(last: 5) { totalCount ${PAGE} } } }`,
    ];
    for (const query of cases) {
      const planned = await runRecorded({ name: query, query }, api.store.executor, { planner: true });
      const loaded = await runRecorded({ name: query, query }, api.store.executor, { planner: false });
      expect(planned.result.errors, query).toBeUndefined();
      expect(planned.result.data, query).toEqual(loaded.result.data);
      expect(JSON.stringify(planned.result.data), query).toContain('"cursor"');
    }
  });
});

describe('cursor and page errors', () => {
  const first = async () => ((await ok(`{ indicators(first: 1) { ${PAGE} } }`)).indicators as Page).pageInfo.endCursor!;

  test('first with last is BAD_USER_INPUT', async () => {
    const errors = await errorsOf('{ indicators(first: 5, last: 5) { totalCount } }');
    expect(errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(errors[0]!.message).toContain('first or last, not both');
  });

  test('a malformed cursor is BAD_USER_INPUT', async () => {
    for (const cursor of [
      'bogus',
      Buffer.from('["k1"').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
      'x'.repeat(3000),
    ]) {
      const errors = await errorsOf('query($c: String) { indicators(after: $c) { totalCount } }', { c: cursor });
      expect(
        errors.map((e) => e.extensions?.code),
        cursor.slice(0, 20),
      ).toEqual(['BAD_USER_INPUT']);
    }
  });

  test('an offset cursor of an older version is refused, saying so', async () => {
    const old = Buffer.from('o:9').toString('base64url');
    const errors = await errorsOf('query($c: String) { indicators(after: $c) { totalCount } }', { c: old });
    expect(errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(errors[0]!.message).toContain('cursor from an older version');
  });

  test('a cursor of another list or order is refused', async () => {
    const cursor = await first();
    for (const q of [
      'query($c: String) { goals(after: $c) { totalCount } }',
      'query($c: String) { indicators(orderBy: [{field: VALUE}], before: $c, last: 2) { totalCount } }',
    ]) {
      const errors = await errorsOf(q, { c: cursor });
      expect(errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(errors[0]!.message).toContain('another list or order');
    }
  });
});

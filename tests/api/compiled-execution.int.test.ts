// A repeated operation runs compiled (graphql-jit, src/api/compiled-execution.ts) where its first
// run went through graphql-js: over real HTTP, every query of the API and peer benches gives the
// same answer on its first, second and third run, and errors keep their codes and paths.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { representativeQueries } from '../../bench/api.ts';
import { peerQueries } from '../../bench/peer-queries.ts';
import { loadReportGraph } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { extractCorpus, extractSeed } from '../support/graphs.ts';
import { wipeData } from '../support/wipe.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await migrate(api.store.executor);
  await wipeData(api.store.executor);
  await loadReportGraph(api.store.executor, extractSeed());
  await loadReportGraph(api.store.executor, extractCorpus('hebei-2026.txt'));
});
afterAll(() => api?.stop());

describe('compiled execution', () => {
  test('every bench query answers the same on its first (graphql-js) and later (compiled) runs', async () => {
    const queries = [
      ...(await representativeQueries(api.store.executor)).map((q) => ({ name: q.name, query: q.query })),
      ...(await peerQueries(api.store.executor)).map((q) => ({ name: q.name, query: q.plangraph })),
    ];
    expect(queries.length).toBeGreaterThanOrEqual(15);
    for (const q of queries) {
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await api.gql(q.query));
      for (const run of runs) {
        expect(run.status, q.name).toBe(200);
        expect(run.body.errors, q.name).toBeUndefined();
      }
      expect(runs[1]!.body, q.name).toEqual(runs[0]!.body);
      expect(runs[2]!.body, q.name).toEqual(runs[0]!.body);
    }
  });

  test('a resolver error keeps its code, message and path when compiled', async () => {
    const query = `{ indicators(first: 2, after: "not-a-cursor") { nodes { id } } }`;
    const runs = [await api.gql(query), await api.gql(query), await api.gql(query)];
    for (const run of runs) {
      expect(run.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((run.body.errors?.[0] as { path?: unknown } | undefined)?.path).toEqual(['indicators']);
    }
    expect(runs[2]!.body).toEqual(runs[0]!.body);
  });

  test('variables: a repeated operation takes new values, and a bad value is BAD_USER_INPUT', async () => {
    const query = `query($first: Int!) { indicators(first: $first) { nodes { id } } }`;
    const sizes = [];
    for (const first of [1, 3, 2, 5]) sizes.push((await api.data(query, { first })).indicators.nodes.length);
    expect(sizes).toEqual([1, 3, 2, 5]);
    for (let i = 0; i < 2; i++) {
      const bad = await api.gql(query, { first: 'many' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  test('interfaces, fragments and __typename run compiled', async () => {
    const id = (await api.data(`{ indicators(first: 1) { nodes { id } } }`)).indicators.nodes[0].id;
    const query = `query($id: ID!) { node(id: $id) { __typename id ...F } } fragment F on Indicator { metric value }`;
    const first = await api.data(query, { id });
    expect(first.node.__typename).toBe('Indicator');
    expect(await api.data(query, { id })).toEqual(first);
    expect(await api.data(query, { id })).toEqual(first);
  });
});

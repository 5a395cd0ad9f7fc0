import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Executor } from '../../src/store/executor.ts';
import { loadReportGraph } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { extractSeed } from '../support/graphs.ts';
import { wipeData } from '../support/wipe.ts';

// Issue 18, items 2 and 3: the cost limit counts variables, defaults and unbounded lists; the
// Neo4j work of all requests is queued (OVERLOADED, 503, Retry-After); an answer has a size
// ceiling (RESPONSE_TOO_LARGE); a request has a deadline (REQUEST_TIMEOUT) and a disconnect
// cancels it, both ending its statements on the server.
const SLOW = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n';

/** Each read first runs a statement that takes many seconds: a stand-in for an expensive query. */
const slowly = (inner: Executor): Executor => ({
  read: async (q, options) => (await inner.read({ text: SLOW }, options), inner.read(q, options)),
  write: (q) => inner.write(q),
  transaction: (w) => inner.transaction(w),
});

/** How many statements that start with UNWIND range run on the server, after waiting up to `ms` for none. */
async function slowStatementsLeft(executor: Executor, ms = 3000): Promise<number> {
  let running = 1;
  for (const end = Date.now() + ms; Date.now() < end && running > 0;) {
    const rows = await executor.read({
      text: "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range' RETURN count(*) AS n",
    });
    running = Number(rows[0]!.n);
    if (running > 0) await new Promise((r) => setTimeout(r, 100));
  }
  return running;
}

describe('request limits', () => {
  const seed = extractSeed();
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ MAX_RESPONSE_BYTES: String(64 * 1024) });
    await migrate(api.store.executor);
    await wipeData(api.store.executor);
    await loadReportGraph(api.store.executor, seed);
  });
  afterAll(() => api?.stop());

  test('an omitted first costs its list default: the nested places → mentions → section … query is refused before it runs', async () => {
    const query = '{ places { nodes { mentions { section { mentions { section { report { text } } } } } } } }';
    const { status, body } = await api.gql(query);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors?.[0]?.message).toMatch(/cost limit/);
  });

  test('first: $n costs the value of $n; without a value, the default or the largest page', async () => {
    const query = 'query($n: Int) { places(first: $n) { nodes { reports { places(first: $n) { nodes { name } } } } } }';
    expect((await api.gql(query, { n: 100 })).body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect((await api.gql(query, { n: 2 })).body.errors).toBeUndefined();
    // A variable with a default of its own costs that default.
    const defaulted =
      'query($n: Int = 100) { places(first: $n) { nodes { reports { places(first: $n) { nodes { name } } } } } }';
    expect((await api.gql(defaulted)).body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  test('large texts cost by size: many report texts are refused, one is answered', async () => {
    const many = '{ reports(first: 100) { nodes { sections { subsections { text } } } } }';
    expect((await api.gql(many)).body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const one = await api.gql(`query($id: ID!) { report(id: $id) { title } }`, { id: seed.report.id });
    expect(one.body.data?.report?.title).toBe(seed.report.title);
  });

  test('an answer larger than MAX_RESPONSE_BYTES is RESPONSE_TOO_LARGE, and the API answers on', async () => {
    // The seed's text is about 35 KB in UTF-8: three copies (one record, repeated in the answer) pass this API's 64 KB ceiling.
    const { body } = await api.gql(
      `query($id: ID!) { a: report(id: $id) { text } b: report(id: $id) { text } c: report(id: $id) { text } }`,
      { id: seed.report.id },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('RESPONSE_TOO_LARGE');
    expect(body.data).toBeUndefined();
    expect((await api.gql('{ version }')).body.data?.version).toEqual(expect.any(String));
  });

  test('records are counted as they stream in: sections whose texts pass the ceiling stop the read', async () => {
    const { body } = await api.gql(`{ sections(first: 100) { nodes { text } } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('RESPONSE_TOO_LARGE');
  });
});

describe('deadline, disconnect and overload', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(
      { REQUEST_TIMEOUT_MS: '1500', NEO4J_TX_TIMEOUT_MS: '60000', NEO4J_MAX_CONCURRENCY: '2', NEO4J_MAX_QUEUE: '1' },
      slowly,
    );
  });
  afterAll(() => api?.stop());

  test('a request past REQUEST_TIMEOUT_MS is REQUEST_TIMEOUT, and its statement is gone from the server', async () => {
    const started = Date.now();
    const { body } = await api.gql('{ indicators(first: 1) { totalCount } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await slowStatementsLeft(api.store.executor)).toBe(0);
  });

  test('a client that disconnects cancels its statements on the server', async () => {
    const controller = new AbortController();
    const request = fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ indicators(first: 1) { totalCount } }' }),
      signal: controller.signal,
    }).catch(() => 'aborted');
    await new Promise((r) => setTimeout(r, 400));
    expect(await slowStatementsLeft(api.store.executor, 0)).toBeGreaterThan(0);
    controller.abort();
    expect(await request).toBe('aborted');
    // Well before the 1.5 s deadline would have ended it.
    expect(await slowStatementsLeft(api.store.executor, 800)).toBe(0);
  });

  test('beyond the running and queued statements, requests get OVERLOADED with HTTP 503 and Retry-After', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        api.post(JSON.stringify({ query: '{ indicators(first: 1) { totalCount } }' })).then(async (res) => ({
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          body: await res.json(),
        })),
      ),
    );
    const codes = answers.map(
      (a) => (a.body as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code,
    );
    const overloaded = answers.filter((_, i) => codes[i] === 'OVERLOADED');
    expect(overloaded.length).toBeGreaterThan(0);
    for (const a of overloaded) {
      expect(a.status).toBe(503);
      expect(a.retryAfter).toBe('1');
    }
    // Every other request ran into its deadline: coded, never a raw driver error.
    expect(codes.every((c) => c === 'OVERLOADED' || c === 'REQUEST_TIMEOUT')).toBe(true);
    expect(await slowStatementsLeft(api.store.executor)).toBe(0);
  });
});

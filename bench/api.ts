// API speed: six representative queries, p50/p95 latency of sequential requests, throughput at
// 1, 8 and 32 concurrent clients (autocannon, loopback only, bounded in time), and the ratio of
// GraphQL latency to the raw Cypher of the same query run straight through the driver.
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { createApiServer } from '../src/api/server.ts';
import { createLogger } from '../src/api/logger.ts';
import type { Config } from '../src/config/env.ts';
import type { Executor } from '../src/store/executor.ts';
import { recordCypher } from '../tests/support/cypher-cases.ts';
import { percentile, table } from './stats.ts';

export interface BenchQuery {
  name: string;
  query: string;
}

/** Picks ids from the loaded graph so that the queries hit real data. */
export async function representativeQueries(executor: Executor): Promise<BenchQuery[]> {
  const pick = async (text: string) => String((await executor.read({ text }))[0]?.id ?? '');
  const target = await pick(
    "MATCH (i:Indicator {kind: 'target'})<-[:SERVES]-() RETURN i.id AS id ORDER BY i.id LIMIT 1",
  );
  const report = await pick('MATCH (r:Report) RETURN r.id AS id ORDER BY r.planYear, r.id LIMIT 1');
  const place = await pick("MATCH (p:Place {type: 'town'}) RETURN p.id AS id ORDER BY p.id LIMIT 1");
  return [
    {
      name: 'single entity (node + evidence)',
      query: `{ node(id: "${target}") { id ... on Indicator { metric value unit evidence { text section { title } } } } }`,
    },
    {
      name: 'trace (target → projects)',
      query: `{ trace(id: "${target}") { links { confidence project { name } evidence { text } } } }`,
    },
    {
      name: 'list (filter + sort + page)',
      query: `{ indicators(where: {kind: [TARGET], metricContains: "高标准农田"}, orderBy: [{field: VALUE, direction: DESC}], first: 20) { totalCount nodes { id metric value unit } } }`,
    },
    { name: 'search', query: `{ search(query: "高标准农田", first: 20) { kind score highlight } }` },
    {
      name: 'neighborhood (depth 2, 100 nodes)',
      query: `{ neighborhood(id: "${place || target}", depth: 2, limit: 100) { nodes { id } edges { id } } }`,
    },
    {
      name: 'targetProgress (report)',
      query: `{ targetProgress(reportId: "${report}") { target { id } change { absolute } } }`,
    },
  ];
}

async function post(url: string, query: string): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`bench query failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
}

async function latencies(run: () => Promise<unknown>, n: number): Promise<number[]> {
  for (let i = 0; i < 5; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times;
}

function throughput(url: string, query: string, connections: number, seconds: number): Promise<number> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
        connections,
        duration: seconds,
      },
      (error, result) => (error ? reject(error) : resolve(result.requests.average)),
    );
  });
}

/** Measures the six queries against a running API over `executor`'s database. */
export async function benchApi(
  config: Config,
  executor: Executor,
  label: string,
  seconds = Number(process.env.BENCH_SECONDS ?? 5),
): Promise<string> {
  const api = await createApiServer(config, executor, createLogger('silent'));
  await new Promise<void>((resolve) => api.http.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(api.http.address() as AddressInfo).port}/graphql`;
  const rows: string[][] = [];
  try {
    for (const q of await representativeQueries(executor)) {
      const gql = await latencies(() => post(url, q.query), 100);
      // The same Cypher the resolvers send, in the same order, straight through the driver.
      const statements = await recordCypher({ name: q.name, query: q.query }, executor);
      const raw = await latencies(async () => {
        for (const s of statements) await executor.read({ text: s.text, params: s.params });
      }, 100);
      const rps = [];
      for (const c of [1, 8, 32]) rps.push((await throughput(url, q.query, c, seconds)).toFixed(0));
      const g50 = percentile(gql, 50);
      const r50 = percentile(raw, 50);
      rows.push([
        q.name,
        g50.toFixed(1),
        percentile(gql, 95).toFixed(1),
        r50.toFixed(1),
        (g50 / r50).toFixed(2),
        String(statements.length),
        ...rps,
      ]);
    }
  } finally {
    await api.stop();
  }
  return [
    `### ${label}`,
    '',
    table(
      ['query', 'GraphQL p50 ms', 'p95 ms', 'raw Cypher p50 ms', 'ratio', 'round trips', 'req/s @1', '@8', '@32'],
      rows,
    ),
  ].join('\n');
}

// API speed: ten representative queries, p50/p95 latency of sequential requests, throughput at
// 1, 8 and 32 concurrent clients (autocannon, loopback only, bounded in time), and the ratio of
// GraphQL latency to the raw Cypher of the same query run straight through the driver.
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { createApiServer } from '../src/api/server.ts';
import { createLogger, lineDestination } from '../src/api/logger.ts';
import { loadConfig, type Config } from '../src/config/env.ts';
import { openStore } from '../src/store/open-store.ts';
import type { Executor } from '../src/store/executor.ts';
import { recordRoundTrips } from '../tests/support/cypher-cases.ts';
import { openLeanClient } from './http-client.ts';
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
  // The report with the most SERVES links below its chapters: the nested query's ~300 items.
  const nestedReport = await pick(
    'MATCH (r:Report)-[:HAS_SECTION]->()-[:HAS_SUBSECTION]->()-[:HAS_SUBSECTION]->()-[:STATES]->()<-[:SERVES]-() RETURN r.id AS id, count(*) AS n ORDER BY n DESC, r.id LIMIT 1',
  );
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
    { name: 'search', query: `{ search(query: "高标准农田", first: 20) { nodes { kind score highlight } } }` },
    {
      name: 'neighborhood (depth 2, 100 nodes)',
      query: `{ neighborhood(id: "${place || target}", depth: 2, limit: 100) { nodes { id } edges { id } } }`,
    },
    {
      name: 'search (one kind)',
      query: `{ search(query: "高标准农田", kinds: [INDICATOR], first: 20) { nodes { kind score highlight node { id } } } }`,
    },
    {
      name: 'neighborhood (depth 1)',
      query: `{ neighborhood(id: "${place || target}", depth: 1, limit: 100) { nodes { id kind label } edges { id type source target } } }`,
    },
    {
      name: 'nested (report → … → places)',
      query: `{ report(id: "${nestedReport || report}") { title sections(first: 10) { title subsections(first: 10) { title subsections(first: 10) { title indicators(first: 20) { metric value unit servedBy(first: 5) { confidence project { name places(first: 5) { name } } } } } } } } }`,
    },
    {
      name: 'projects with places and enterprises',
      query: `{ projects(where: {reportId: "${nestedReport || report}"}, first: 50) { nodes { name places { name } enterprises { name } } } }`,
    },
    {
      name: 'targetProgress (report)',
      query: `{ targetProgress(reportId: "${report}") { target { id } change { absolute } } }`,
    },
  ];
}

/**
 * Latencies of two ways of answering the same question, sampled in alternation (and in
 * alternating order) so that drift in the machine — GC, Neo4j's JIT, the other core's load —
 * falls on both sides alike.
 */
async function pairedLatencies(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  n: number,
): Promise<[number[], number[]]> {
  for (let i = 0; i < 20; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const time = async (run: () => Promise<unknown>, into: number[]) => {
    const t0 = performance.now();
    await run();
    into.push(performance.now() - t0);
  };
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      await time(a, ta);
      await time(b, tb);
    } else {
      await time(b, tb);
      await time(a, ta);
    }
  }
  return [ta, tb];
}

export function throughput(url: string, query: string, connections: number, seconds: number): Promise<number> {
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

/** The server's own time per /graphql request, from its request log line (durationMs). */
function serverDurations(lines: string[]): number[] {
  return lines
    .map((line) => JSON.parse(line) as { msg?: string; path?: string; durationMs?: number })
    .filter((e) => e.msg === 'request' && e.path === '/graphql')
    .map((e) => e.durationMs ?? 0);
}

/** Measures the representative queries against a running API over `executor`'s database. */
export async function benchApi(
  config: Config,
  executor: Executor,
  label: string,
  seconds = Number(process.env.BENCH_SECONDS ?? 5),
  samples = Number(process.env.BENCH_SAMPLES ?? 300),
  rounds = Number(process.env.BENCH_ROUNDS ?? 3),
): Promise<string> {
  // Logging at info, as `serve` does: its line per request is part of the cost, and its
  // durationMs gives the server-side latency.
  let logLines: string[] = [];
  const api = await createApiServer(
    config,
    executor,
    createLogger(
      'info',
      lineDestination((line) => logLines.push(line)),
    ),
  );
  await new Promise<void>((resolve) => api.http.listen(0, '127.0.0.1', () => resolve()));
  const port = (api.http.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/graphql`;
  // GraphQL latency of `query`, paired with `other`; the socket is the client's own, opened per
  // query (the server drops idle keep-alive sockets, as during the throughput runs).
  const paired = async (query: string, other: () => Promise<unknown>) => {
    const client = await openLeanClient(port);
    try {
      const post = async () => {
        const body = await client.post('/graphql', JSON.stringify({ query }));
        if (body.includes('"errors"')) throw new Error(`bench query failed: ${String(body).slice(0, 300)}`);
      };
      return await pairedLatencies(post, other, samples);
    } finally {
      client.close();
    }
  };
  const rows: string[][] = [];
  let floor = '';
  try {
    const idle = await paired('{ version }', () => Promise.resolve());
    floor = `${percentile(idle[0], 50).toFixed(2)} ms end to end, ${percentile(serverDurations(logLines).slice(-samples), 50).toFixed(2)} ms in the server`;
    for (const q of await representativeQueries(executor)) {
      // The same Cypher the resolvers send, straight through the driver: statements the
      // resolvers send together (one round trip of latency) are sent together here too.
      const trips = await recordRoundTrips({ name: q.name, query: q.query }, executor);
      // Rounds of paired samples: the p50s pool every sample; the range shows how far one
      // round's ratio moves on this machine.
      const gql: number[] = [];
      const raw: number[] = [];
      const server: number[] = [];
      const roundRatios: number[] = [];
      for (let r = 0; r < rounds; r++) {
        logLines = [];
        const [g, w] = await paired(q.query, async () => {
          for (const trip of trips)
            await Promise.all(trip.map((s) => executor.read({ text: s.text, params: s.params })));
        });
        gql.push(...g);
        raw.push(...w);
        server.push(...serverDurations(logLines).slice(-samples));
        roundRatios.push(percentile(g, 50) / percentile(w, 50));
      }
      const rps = [];
      for (const c of [1, 8, 32]) rps.push((await throughput(url, q.query, c, seconds)).toFixed(0));
      logLines = [];
      const g50 = percentile(gql, 50);
      const r50 = percentile(raw, 50);
      const s50 = percentile(server, 50);
      rows.push([
        q.name,
        g50.toFixed(1),
        percentile(gql, 95).toFixed(1),
        s50.toFixed(1),
        r50.toFixed(1),
        (g50 / r50).toFixed(2),
        `${Math.min(...roundRatios).toFixed(2)}–${Math.max(...roundRatios).toFixed(2)}`,
        (s50 / r50).toFixed(2),
        `${trips.length} (${trips.flat().length})`,
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
      [
        'query',
        'GraphQL p50 ms',
        'p95 ms',
        'server p50 ms',
        'raw Cypher p50 ms',
        'ratio',
        'ratio by round',
        'server ratio',
        'round trips (statements)',
        'req/s @1',
        '@8',
        '@32',
      ],
      rows,
    ),
    '',
    `A request that reads nothing (\`{ version }\`): ${floor}.`,
  ].join('\n');
}

/** `npm run bench -- api`: the representative queries against the configured Neo4j, on whatever it holds. */
export async function benchConfiguredApi(): Promise<string> {
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const reports = (await store.executor.read({ text: 'MATCH (r:Report) RETURN count(r) AS n' }))[0]?.n;
    return await benchApi(config, store.executor, `API on ${config.uri} (${String(reports)} reports)`);
  } finally {
    await store.close();
  }
}

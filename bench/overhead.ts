// npm run bench -- overhead: where the API's fixed cost per request goes on this machine, on a
// private Neo4j holding seeds/. Two measurements behind the GraphQL-to-Cypher ratio in
// BENCHMARKS.md:
//  1. Neo4j's answer time for one statement by how long the connection was idle before it (a
//     GraphQL request's statements follow its own HTTP and Apollo work, raw Cypher's do not);
//  2. the cheapest queries through the API (Apollo Server with graphql-armor, CSRF prevention,
//     error formatting, request id and log line), and through a bare graphql-js execute over the
//     same schema, resolvers, loaders, node HTTP server and client, beside their raw Cypher.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, parse, type DocumentNode } from 'graphql';
import type { Config } from '../src/config/env.ts';
import { createLoaders } from '../src/api/loaders.ts';
import { createLogger, lineDestination } from '../src/api/logger.ts';
import { resolvers } from '../src/api/resolvers/index.ts';
import { loadTypeDefs } from '../src/api/schema.ts';
import { createApiServer } from '../src/api/server.ts';
import { extractReportGraph } from '../src/extract/pipeline.ts';
import type { Executor } from '../src/store/executor.ts';
import { loadReportGraph } from '../src/store/load-report.ts';
import { recordRoundTrips } from '../tests/support/cypher-cases.ts';
import { CORPUS_DIR, SEED, corpusFiles } from '../tests/support/fixtures.ts';
import { representativeQueries } from './api.ts';
import { openLeanClient } from './http-client.ts';
import { withPrivateNeo4j } from './ingest.ts';
import { percentile, table } from './stats.ts';

type Timed = [name: string, run: () => Promise<unknown>];

/**
 * p50 of each way, sampled in rotation: every order of the ways comes up equally often, forwards
 * and backwards, so no way always follows the same other one (which would bias it by what that
 * one leaves behind in Neo4j and in the CPU caches).
 */
async function rotatedMedians(ways: Timed[], n: number): Promise<Map<string, number>> {
  const times = new Map<string, number[]>(ways.map(([name]) => [name, []]));
  for (let i = 0; i < 20; i++) for (const [, run] of ways) await run();
  for (let i = 0; i < n; i++) {
    const k = i % ways.length;
    const rotated = [...ways.slice(k), ...ways.slice(0, k)];
    for (const [name, run] of Math.floor(i / ways.length) % 2 ? rotated.reverse() : rotated) {
      const t0 = performance.now();
      await run();
      times.get(name)!.push(performance.now() - t0);
    }
  }
  return new Map([...times].map(([name, t]) => [name, percentile(t, 50)]));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
function spin(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

async function idlePenalty(executor: Executor, samples: number): Promise<string> {
  const [single] = await representativeQueries(executor);
  const statement = (await recordRoundTrips({ name: single!.name, query: single!.query }, executor))[0]![0]!;
  const before: [string, () => unknown][] = [
    ['straight after the previous answer', () => undefined],
    ['after 0.5 ms of CPU work in the client', () => spin(0.5)],
    ['after 1 ms of CPU work in the client', () => spin(1)],
    ['after 1 ms idle', () => sleep(1)],
    ['after 5 ms idle', () => sleep(5)],
  ];
  // The wait before the statement is not part of its time.
  const ways: Timed[] = before.map(([name, wait]) => [
    name,
    async () => {
      await wait();
      const t0 = performance.now();
      await executor.read(statement);
      return performance.now() - t0;
    },
  ]);
  const times = new Map<string, number[]>(ways.map(([name]) => [name, []]));
  for (let i = 0; i < samples; i++) {
    for (const [name, run] of i % 2 ? ways : [...ways].reverse()) times.get(name)!.push((await run()) as number);
  }
  const first = percentile(times.get(ways[0]![0])!, 50);
  return table(
    ['the statement is sent…', 'p50 ms', 'vs straight after'],
    [...times].map(([name, t]) => {
      const p50 = percentile(t, 50);
      return [name, p50.toFixed(2), `${p50 >= first ? '+' : ''}${(p50 - first).toFixed(2)}`];
    }),
  );
}

/** The GraphQL layer without Apollo Server: parse once, graphql-js execute, JSON over node:http. */
async function bareGraphqlServer(executor: Executor, config: Config): Promise<http.Server> {
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as never });
  const documents = new Map<string, DocumentNode>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const { query } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string };
        let document = documents.get(query);
        if (!document) documents.set(query, (document = parse(query)));
        const contextValue = { requestId: 'bench', executor, loaders: createLoaders(executor), config };
        const text = JSON.stringify(await execute({ schema, document, contextValue }));
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
        res.end(text);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return server;
}

async function apolloShare(executor: Executor, config: Config, samples: number): Promise<string> {
  const api = await createApiServer(
    config,
    executor,
    createLogger(
      'info',
      lineDestination(() => undefined),
    ),
  );
  await new Promise<void>((resolve) => api.http.listen(0, '127.0.0.1', () => resolve()));
  const bare = await bareGraphqlServer(executor, config);
  const apollo = await openLeanClient((api.http.address() as AddressInfo).port);
  const plain = await openLeanClient((bare.address() as AddressInfo).port);
  const rows: string[][] = [];
  try {
    for (const q of (await representativeQueries(executor)).slice(0, 3)) {
      const trips = await recordRoundTrips({ name: q.name, query: q.query }, executor);
      const body = JSON.stringify({ query: q.query });
      const medians = await rotatedMedians(
        [
          [
            'raw',
            async () => {
              for (const trip of trips) await Promise.all(trip.map((s) => executor.read(s)));
            },
          ],
          ['apollo', () => apollo.post('/graphql', body)],
          ['bare', () => plain.post('/graphql', body)],
        ],
        samples,
      );
      const [raw, viaApollo, viaBare] = ['raw', 'apollo', 'bare'].map((k) => medians.get(k)!) as [
        number,
        number,
        number,
      ];
      rows.push([
        q.name,
        raw.toFixed(2),
        `${viaApollo.toFixed(2)} (${(viaApollo / raw).toFixed(2)})`,
        `${viaBare.toFixed(2)} (${(viaBare / raw).toFixed(2)})`,
        (viaApollo - viaBare).toFixed(2),
      ]);
    }
  } finally {
    apollo.close();
    plain.close();
    await new Promise<void>((resolve) => bare.close(() => resolve()));
    await api.stop();
  }
  return table(
    ['query', 'raw Cypher p50 ms', 'the API p50 ms (ratio)', 'bare graphql-js p50 ms (ratio)', 'difference ms'],
    rows,
  );
}

export async function benchOverhead(samples = Number(process.env.BENCH_SAMPLES ?? 300) * 2): Promise<string> {
  return withPrivateNeo4j(async (store, config) => {
    for (const file of [SEED, ...corpusFiles().map((f) => path.join(CORPUS_DIR, f))])
      await loadReportGraph(store.executor, extractReportGraph(readFileSync(file)));
    return [
      `### A statement after the connection was idle (${samples} samples each, in alternating order)`,
      '',
      await idlePenalty(store.executor, samples),
      '',
      `### The API against a bare graphql-js execute (${samples} rotations of raw, API and bare)`,
      '',
      await apolloShare(store.executor, config, samples),
    ].join('\n');
  });
}

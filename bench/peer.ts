// `npm run bench -- peer`: plangraph beside @neo4j/graphql (the official GraphQL-over-Neo4j
// library, over the same labels and relationships) and beside the raw Cypher plangraph sends, on
// whatever graph the configured Neo4j holds. Checks first that both servers answer the same
// content; then paired samples in rotated order, p50s and ratios; throughput at 1, 8, 32 clients;
// and the bytes the nested query pulls from Neo4j with the planner and with the DataLoader path.
// Both servers run in processes of their own, plangraph from its build (`npm run build`) as
// `plangraph serve` runs it; BENCH_SERVERS=in-process runs both inside the bench's own process
// instead (plangraph from its sources through tsx), as the bench did before.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { createApiServer } from '../src/api/server.ts';
import { createLogger } from '../src/api/logger.ts';
import { loadConfig } from '../src/config/env.ts';
import type { Executor } from '../src/store/executor.ts';
import { openStore } from '../src/store/open-store.ts';
import { recordRoundTrips, runRecorded } from '../tests/support/cypher-cases.ts';
import { throughput } from './api.ts';
import { startChildServer } from './child-server.ts';
import { openLeanClient, type LeanClient } from './http-client.ts';
import { contentOf, peerQueries } from './peer-queries.ts';
import { PEER_TYPE_DEFS } from './peer-typedefs.ts';
import { percentile, table } from './stats.ts';

type Run = () => Promise<unknown>;

/** n samples of each runner, the order rotated every round so drift falls on all alike. */
async function rotatedLatencies(runs: Run[], n: number): Promise<number[][]> {
  for (let i = 0; i < 20; i++) for (const r of runs) await r();
  const out = runs.map(() => [] as number[]);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < runs.length; k++) {
      const j = (i + k) % runs.length;
      const t0 = performance.now();
      await runs[j]!();
      out[j]!.push(performance.now() - t0);
    }
  }
  return out;
}

const poster = (client: LeanClient, path: string, query: string) => async () => {
  const body = await client.post(path, JSON.stringify({ query }));
  if (body.includes('"errors"')) throw new Error(`bench query failed: ${String(body).slice(0, 300)}`);
  return body;
};

/** Bytes of the rows Neo4j returned for one operation, through the planner or the DataLoaders. */
async function bytesPulled(executor: Executor, query: string, planner: boolean): Promise<number> {
  let bytes = 0;
  const counting: Executor = {
    ...executor,
    read: async (q) => {
      const rows = await executor.read(q);
      bytes += Buffer.byteLength(JSON.stringify(rows));
      return rows;
    },
  };
  await runRecorded({ name: 'bytes', query }, counting, { planner });
  return bytes;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Served {
  port: number;
  peerPort: number;
  where: string;
  stop(): Promise<void>;
}

/** plangraph and the peer, each listening on a port of its own (see the top of this file). */
async function startServers(): Promise<Served> {
  if (process.env.BENCH_SERVERS === 'in-process') {
    const config = loadConfig();
    const store = await openStore(config);
    const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD));
    const api = await createApiServer(config, store.executor, createLogger('silent'));
    await new Promise<void>((resolve) => api.http.listen(0, '127.0.0.1', () => resolve()));
    const peer = new ApolloServer({
      schema: await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema(),
    });
    const { url } = await startStandaloneServer(peer, { listen: { port: 0, host: '127.0.0.1' } });
    return {
      port: (api.http.address() as AddressInfo).port,
      peerPort: Number(new URL(url).port),
      where: "both servers in the bench's process, plangraph from its sources through tsx",
      stop: async () => {
        await api.stop();
        await peer.stop();
        await driver.close();
        await store.close();
      },
    };
  }
  const bin = path.join(ROOT, 'bin', 'plangraph.js');
  if (!existsSync(path.join(ROOT, 'dist', 'cli')))
    throw new Error('the peer bench serves plangraph from its build: run `npm run build` first');
  const quiet = { LOG_LEVEL: 'silent', NODE_ENV: 'production' };
  const mine = await startChildServer([bin, 'serve', '--port', '0', '--host', '127.0.0.1'], quiet);
  const theirs = await startChildServer(['--import', 'tsx', path.join(ROOT, 'bench', 'peer-server.ts')], quiet).catch(
    async (error: unknown) => {
      await mine.stop();
      throw error;
    },
  );
  return {
    port: mine.port,
    peerPort: theirs.port,
    where: 'each server in a process of its own, plangraph from its build (`plangraph serve`)',
    stop: async () => {
      await Promise.all([mine.stop(), theirs.stop()]);
    },
  };
}

/** Throughput rounds per server and client count (BENCH_ROUNDS), alternated between the two. */
const THROUGHPUT_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

export async function benchPeer(
  samples = Number(process.env.BENCH_SAMPLES ?? 300),
  seconds = Number(process.env.BENCH_SECONDS ?? 2),
): Promise<string> {
  const store = await openStore(loadConfig());
  const servers = await startServers().catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const { port, peerPort } = servers;
  const rows: string[][] = [];
  const rps: string[][] = [];
  const notes: string[] = [];
  try {
    const reports = (await store.executor.read({ text: 'MATCH (r:Report) RETURN count(r) AS n' }))[0]?.n;
    for (const q of await peerQueries(store.executor)) {
      const pg = await openLeanClient(port);
      const pe = await openLeanClient(peerPort);
      try {
        const a = JSON.parse(String(await poster(pg, '/graphql', q.plangraph)())).data;
        const b = JSON.parse(String(await poster(pe, '/', q.peer)())).data;
        const [ca, cb] = [contentOf(q.name, a), contentOf(q.name, b)];
        const same = ca.length === cb.length && ca.every((v, i) => v === cb[i]);
        if (!same) notes.push(`${q.name}: contents differ (${ca.length} vs ${cb.length} values)`);
        const trips = await recordRoundTrips({ name: q.name, query: q.plangraph }, store.executor);
        const raw = async () => {
          for (const trip of trips)
            await Promise.all(trip.map((s) => store.executor.read({ text: s.text, params: s.params })));
        };
        const [tg, tp, tr] = await rotatedLatencies(
          [poster(pg, '/graphql', q.plangraph), poster(pe, '/', q.peer), raw],
          samples,
        );
        const [g, p, r] = [percentile(tg!, 50), percentile(tp!, 50), percentile(tr!, 50)];
        rows.push([
          q.name,
          same ? 'yes' : '**no**',
          `${ca.length}`,
          g.toFixed(2),
          p.toFixed(2),
          r.toFixed(2),
          (g / p).toFixed(2),
          (g / r).toFixed(2),
          (p / r).toFixed(2),
          `${trips.flat().length}`,
        ]);
      } finally {
        pg.close();
        pe.close();
      }
      const t: string[] = [q.name];
      for (const c of [1, 8, 32]) {
        // Rounds alternate A B / B A so that a change in the machine's load falls on both servers;
        // each side's figure is its median round.
        const mine: number[] = [];
        const theirs: number[] = [];
        for (let round = 0; round < THROUGHPUT_ROUNDS; round++) {
          const a = () => throughput(`http://127.0.0.1:${port}/graphql`, q.plangraph, c, seconds);
          const b = () => throughput(`http://127.0.0.1:${peerPort}/`, q.peer, c, seconds);
          if (round % 2 === 0) {
            mine.push(await a());
            theirs.push(await b());
          } else {
            theirs.push(await b());
            mine.push(await a());
          }
        }
        const [m, p] = [percentile(mine, 50), percentile(theirs, 50)];
        t.push(`${m.toFixed(0)} / ${p.toFixed(0)} (${(m / p).toFixed(2)})`);
      }
      rps.push(t);
    }
    const nested = (await peerQueries(store.executor)).find((q) => q.name.startsWith('nested'))!;
    const before = await bytesPulled(store.executor, nested.plangraph, false);
    const after = await bytesPulled(store.executor, nested.plangraph, true);
    return [
      `### plangraph beside @neo4j/graphql 7.6.3 on ${String(reports)} reports`,
      '',
      `Servers: ${servers.where}.`,
      '',
      table(
        [
          'query',
          'same content',
          'values',
          'plangraph p50 ms',
          'peer p50 ms',
          'raw Cypher p50 ms',
          'plangraph/peer',
          'plangraph/raw',
          'peer/raw',
          'statements',
        ],
        rows,
      ),
      '',
      `Throughput, requests/s, plangraph / peer (ratio): each the median of ${THROUGHPUT_ROUNDS} rounds of ${seconds} s, alternated between the servers:`,
      '',
      table(['query', '1 client', '8 clients', '32 clients'], rps),
      '',
      `Bytes pulled from Neo4j by the nested query: ${before} with the DataLoader path (planner off), ${after} with the planner.`,
      ...(notes.length > 0 ? ['', ...notes] : []),
    ].join('\n');
  } finally {
    await servers.stop();
    await store.close();
  }
}

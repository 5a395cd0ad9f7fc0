// npm run soak: a mixed query load from 32 concurrent clients for 5 minutes against a served
// 1,000-report graph (loopback only, bounded in time and count). Reports requests, errors by code,
// p50/p95/p99 latency and the API process's memory after warm-up and at the end.
// SOAK_SECONDS, SOAK_CLIENTS, SOAK_REPORTS tune it; NEO4J_URI reuses a graph already loaded.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadReportGraph } from '../src/store/load-report.ts';
import { migrate } from '../src/store/migrate.ts';
import { openStore } from '../src/store/open-store.ts';
import { loadConfig, type Config } from '../src/config/env.ts';
import { ROOT } from '../tests/support/run-cli.ts';
import { createSecondNeo4j } from '../tests/support/second-neo4j.ts';
import { representativeQueries } from './api.ts';
import { percentile, table } from './stats.ts';
import { syntheticReports } from './synthetic.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 32);
const REPORTS = Number(process.env.SOAK_REPORTS ?? 1000);
const WARMUP_SECONDS = Math.min(30, Math.max(5, Math.round(SECONDS / 10)));
const MAX_REQUESTS = 5_000_000;

const rssOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function prepareGraph(): Promise<{ config: Config; dispose: () => Promise<void> }> {
  if (process.env.NEO4J_URI) return { config: loadConfig(), dispose: async () => undefined };
  const neo4j = await createSecondNeo4j({ heap: '2g', pagecache: '1g' });
  await neo4j.start();
  const store = await openStore(neo4j.config);
  await migrate(store.executor);
  const t0 = performance.now();
  let loaded = 0;
  for (const graph of syntheticReports(REPORTS)) {
    await loadReportGraph(store.executor, graph);
    if (++loaded % 100 === 0)
      console.error(`loaded ${loaded}/${REPORTS} reports (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await store.close();
  return { config: neo4j.config, dispose: () => neo4j.dispose() };
}

async function main() {
  const { config, dispose } = await prepareGraph();
  const child = spawn(
    process.execPath,
    ['--expose-gc', path.join(ROOT, 'bin', 'plangraph.js'), 'serve', '--port', '0'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NEO4J_URI: config.uri,
        NEO4J_USER: config.NEO4J_USER,
        NEO4J_PASSWORD: config.NEO4J_PASSWORD,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  try {
    let stderr = '';
    const heapSamples: number[] = [];
    /** Asks the server for its heap after a full GC (SIGUSR2) and waits for the answer. */
    const heapAfterGc = async (): Promise<number> => {
      const before = heapSamples.length;
      child.kill('SIGUSR2');
      for (let i = 0; i < 100 && heapSamples.length === before; i++) await new Promise((r) => setTimeout(r, 50));
      return heapSamples.at(-1) ?? NaN;
    };
    child.stderr!.on('data', (d: Buffer) => {
      for (const m of d.toString('utf8').matchAll(/"heapUsedMB":([\d.]+)/g)) heapSamples.push(Number(m[1]));
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr!.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        const m = /API on (http:\/\/[\d.]+:\d+)\/graphql/.exec(stderr);
        if (m) resolve(`${m[1]}/graphql`);
      });
      child.on('exit', () => reject(new Error(`serve exited: ${stderr}`)));
    });
    const store = await openStore(config);
    const queries = (await representativeQueries(store.executor)).map((q) => q.query);
    const terms = (
      await store.executor.read({ text: 'MATCH (p:Place) RETURN p.name AS name ORDER BY p.id LIMIT 50' })
    ).map((r) => String(r.name));
    await store.close();
    queries.push(
      ...['高标准农田', '岳口', '产业园', '高铁', ...terms.slice(0, 10)].map(
        (t) => `{ search(query: ${JSON.stringify(t)}, first: 10) { nodes { kind score } } }`,
      ),
    );
    queries.push(
      '{ indicators(where: {kind: [TARGET]}, orderBy: [{field: BASE_VALUE, direction: DESC}], first: 50) { totalCount nodes { id metric } } }',
    );
    queries.push('{ stats { byKind { kind count } } }');

    const latencies: number[] = [];
    const outcomes = new Map<string, number>();
    let rssWarm = 0;
    const start = performance.now();
    const deadline = start + SECONDS * 1000;
    const warmEnd = start + WARMUP_SECONDS * 1000;
    let sent = 0;
    const client = async (n: number) => {
      let i = n;
      while (performance.now() < deadline && sent < MAX_REQUESTS) {
        const query = queries[i++ % queries.length]!;
        sent += 1;
        const t0 = performance.now();
        let code = 'OK';
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query }),
          });
          const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
          if (body.errors) code = String(body.errors[0]?.extensions?.code ?? 'UNCODED');
        } catch {
          code = 'NETWORK';
        }
        const t1 = performance.now();
        if (t0 >= warmEnd) latencies.push(t1 - t0);
        outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
        if (!rssWarm && t1 >= warmEnd) rssWarm = rssOf(child.pid!);
      }
    };
    const rssStart = rssOf(child.pid!);
    let heapWarm = NaN;
    const warmSample = new Promise<void>((resolve) =>
      setTimeout(async () => {
        heapWarm = await heapAfterGc();
        resolve();
      }, WARMUP_SECONDS * 1000),
    );
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    await warmSample;
    const rssEnd = rssOf(child.pid!);
    const heapEnd = await heapAfterGc();
    const seconds = (performance.now() - start) / 1000;
    const total = [...outcomes.values()].reduce((a, b) => a + b, 0);
    console.log(
      `<!-- ${new Date().toISOString()} · node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} -->`,
    );
    console.log(
      `\n## Soak: ${CLIENTS} clients × ${SECONDS} s, ${REPORTS}-report graph, ${queries.length} query shapes\n`,
    );
    console.log(
      table(
        [
          'requests',
          'req/s',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'RSS at start MB',
          `RSS after ${WARMUP_SECONDS} s warm-up MB`,
          'RSS at end MB',
          'growth after warm-up',
        ],
        [
          [
            String(total),
            (total / seconds).toFixed(0),
            percentile(latencies, 50).toFixed(1),
            percentile(latencies, 95).toFixed(1),
            percentile(latencies, 99).toFixed(1),
            rssStart.toFixed(0),
            rssWarm.toFixed(0),
            rssEnd.toFixed(0),
            `${(((rssEnd - rssWarm) / rssWarm) * 100).toFixed(1)}%`,
          ],
        ],
      ),
    );
    console.log(
      `\nHeap after a full GC: ${heapWarm.toFixed(1)} MB after warm-up, ${heapEnd.toFixed(1)} MB at the end (${(((heapEnd - heapWarm) / heapWarm) * 100).toFixed(1)}%).`,
    );
    console.log(`\nOutcomes: ${[...outcomes.entries()].map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`API process alive at the end: ${child.exitCode === null ? 'yes' : `no (exit ${child.exitCode})`}`);
  } finally {
    child.kill('SIGTERM');
    await dispose();
  }
}

// --hostile runs the attack battery instead (bench/soak-hostile.ts).
if (process.argv.includes('--hostile')) await import('./soak-hostile.ts');
else await main();

// Ingest speed against a private Neo4j (its own home and ports, so no user data is touched):
// the seed, all of seeds/, and a synthetic corpus of 1,000 reports with throughput per window
// to show whether loading slows down as the graph grows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractReportGraph } from '../src/extract/pipeline.ts';
import { loadReportGraph, loadReportGraphs, MAX_TX_REPORTS, reportKey } from '../src/store/load-report.ts';
import { createExtractPool, defaultWorkerCount } from '../src/cli/extract/extract-pool.ts';
import { migrate } from '../src/store/migrate.ts';
import { openStore, type Store } from '../src/store/open-store.ts';
import { deleteReport } from '../src/store/delete-report.ts';
import { CORPUS_DIR, SEED, corpusFiles } from '../tests/support/fixtures.ts';
import { createSecondNeo4j } from '../tests/support/second-neo4j.ts';
import { percentile, table } from './stats.ts';
import { syntheticVariants } from './synthetic.ts';
import { benchApi } from './api.ts';
import { openExport } from '../src/store/export/stream-export.ts';
import { writeGraphML } from '../src/store/export/graphml.ts';
import { writeGexf } from '../src/store/export/gexf.ts';
import { writeCypherScript } from '../src/store/export/cypher-script.ts';
import { writeAdminCsv } from '../src/store/export/admin-csv.ts';
import type { Executor } from '../src/store/executor.ts';

/**
 * The server's CPU time so far (utime + stime from /proc, in ms), or null where it cannot be read:
 * on a shared machine it says what a load cost the server better than wall time does.
 */
function serverCpuMs(config: Config): number | null {
  try {
    const pid = readFileSync(path.join(config.neo4jHome, 'run', 'neo4j.pid'), 'utf8').trim();
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** Times each streaming export of the whole graph into a sink that discards (bytes counted), with peak RSS. */
async function benchExports(executor: Executor, nodes: number): Promise<string[][]> {
  const rows: string[][] = [];
  const discard = async (chunk: string) => void (bytes += chunk.length);
  let bytes = 0;
  const formats = {
    graphml: (src: Awaited<ReturnType<typeof openExport>>) => writeGraphML(src, discard),
    gexf: (src: Awaited<ReturnType<typeof openExport>>) => writeGexf(src, discard),
    cypher: (src: Awaited<ReturnType<typeof openExport>>) => writeCypherScript(src, discard),
    csv: (src: Awaited<ReturnType<typeof openExport>>) =>
      writeAdminCsv(src, { open: async () => ({ sink: discard, close: async () => undefined }) }).then(() => undefined),
  };
  for (const [name, write] of Object.entries(formats)) {
    bytes = 0;
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    await write(await openExport(executor, null));
    const ms = performance.now() - t0;
    clearInterval(timer);
    rows.push([
      String(nodes),
      name,
      (ms / 1000).toFixed(1),
      ((ms / nodes) * 10_000).toFixed(0),
      (bytes / 2 ** 20).toFixed(0),
      (peak / 2 ** 20).toFixed(0),
    ]);
  }
  return rows;
}
import { getConfig, type Config } from '../src/config/env.ts';

export async function withPrivateNeo4j<T>(work: (store: Store, config: Config) => Promise<T>): Promise<T> {
  if (process.env.BENCH_NEO4J === 'configured') {
    // A server that starts slowly (a loaded machine): the configured one, its data wiped first.
    const config = getConfig();
    const store = await openStore(config);
    try {
      await store.executor.write({ text: 'MATCH (n) DETACH DELETE n' });
      await migrate(store.executor);
      return await work(store, config);
    } finally {
      await store.close();
    }
  }
  const neo4j = await createSecondNeo4j({ heap: '2g', pagecache: '1g' });
  await neo4j.start();
  const store = await openStore(neo4j.config);
  try {
    await migrate(store.executor);
    return await work(store, neo4j.config);
  } finally {
    await store.close();
    await neo4j.dispose();
  }
}

/**
 * Ingest and API benchmarks on one private Neo4j: the API on the seed alone, ingest of the seed,
 * seeds/ and the synthetic corpus, then the API again on the grown graph.
 */
export async function benchGraph(total = Number(process.env.BENCH_REPORTS ?? 1000)): Promise<string> {
  return withPrivateNeo4j(async (store, config) => {
    const lines: string[] = [];
    const seed = extractReportGraph(readFileSync(SEED));
    await loadReportGraph(store.executor, seed);
    const apiSeed = process.env.BENCH_NO_API
      ? ''
      : await benchApi(config, store.executor, 'API on the seed graph (1 report)');
    await deleteReport(store.executor, seed.report.id);
    const seedTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      await loadReportGraph(store.executor, seed, { force: true });
      seedTimes.push(performance.now() - t0);
      await deleteReport(store.executor, seed.report.id);
    }
    lines.push(
      `Seed load (extracted graph → Neo4j, one transaction): median ${percentile(seedTimes.slice(2), 50).toFixed(0)} ms over 5 runs after 2 warm-ups`,
    );
    const files = [SEED, ...corpusFiles().map((f) => path.join(CORPUS_DIR, f))];
    const t0 = performance.now();
    const keys: string[] = [];
    for (const f of files) {
      const graph = extractReportGraph(readFileSync(f));
      keys.push(reportKey(graph));
      await loadReportGraph(store.executor, graph);
    }
    lines.push(`All of seeds/ (${files.length} reports, extract + load): ${(performance.now() - t0).toFixed(0)} ms`);

    const windows = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000].filter((w) => w <= total);
    const exportAt = [10_000, 40_000];
    const exportRows: string[][] = [];
    const rows: string[][] = [];
    // The texts first (untimed); then as `ingest` runs: the next batch is extracted in worker
    // threads while this one loads, MAX_TX_REPORTS reports a batch, grouped into transactions.
    const texts = [...syntheticVariants(total, keys)].map((v) => new TextEncoder().encode(v.text));
    const pool = createExtractPool(defaultWorkerCount());
    const extract = async (batch: Uint8Array[]) =>
      (await Promise.all(batch.map((b) => pool.extract(b)))).map((x) => {
        if (!x.ok) throw new Error(`a synthetic report failed to extract: ${String(x.error)}`);
        return x.graph;
      });
    let done = 0;
    let windowStart = performance.now();
    let windowCpu = serverCpuMs(config);
    let previous = 0;
    let paused = 0;
    const started = performance.now();
    try {
      let upcoming = extract(texts.slice(0, MAX_TX_REPORTS));
      for (let at = 0; at < texts.length; at += MAX_TX_REPORTS) {
        const batch = await upcoming;
        upcoming = extract(texts.slice(at + MAX_TX_REPORTS, at + 2 * MAX_TX_REPORTS));
        const outcomes = await loadReportGraphs(store.executor, batch);
        const failed = outcomes.filter((o) => !o.ok);
        if (failed.length) throw new Error(`${failed.length} synthetic reports failed to load`);
        done += batch.length;
        if (!windows.includes(done)) continue;
        const ms = performance.now() - windowStart;
        const count = done - previous;
        const cpu = serverCpuMs(config);
        const nodes = (await store.executor.read({ text: 'MATCH (n) RETURN count(n) AS n' }))[0]!.n;
        const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!;
        rows.push([
          `${previous + 1}–${done}`,
          String(count),
          (ms / count).toFixed(0),
          ((count / ms) * 1000).toFixed(1),
          cpu !== null && windowCpu !== null ? ((cpu - windowCpu) / count).toFixed(0) : '–',
          load,
          String(nodes),
        ]);
        console.error(`[bench] ${rows.at(-1)!.join(' | ')}`);
        previous = done;
        if (exportAt.length && Number(nodes) >= exportAt[0]!) {
          exportAt.shift();
          const p0 = performance.now();
          exportRows.push(...(await benchExports(store.executor, Number(nodes))));
          paused += performance.now() - p0;
          console.error(
            `[bench] exports ${exportRows
              .slice(-4)
              .map((r) => r.join(' '))
              .join(' / ')}`,
          );
        }
        windowStart = performance.now();
        windowCpu = serverCpuMs(config);
      }
      await upcoming;
    } finally {
      await pool.close();
    }
    lines.push(
      '',
      `Synthetic corpus: ${total} reports in ${((performance.now() - started - paused) / 1000).toFixed(1)} s (exports excluded), as \`ingest\` runs: ${defaultWorkerCount()} extraction worker(s) overlapping the load, ${MAX_TX_REPORTS} reports a batch`,
      '',
    );
    lines.push(
      table(
        [
          'reports',
          'count',
          'ms per report',
          'reports/s',
          'Neo4j CPU ms per report',
          'load (1 min)',
          'nodes in graph after',
        ],
        rows,
      ),
    );
    const finalNodes = Number((await store.executor.read({ text: 'MATCH (n) RETURN count(n) AS n' }))[0]!.n);
    exportRows.push(...(await benchExports(store.executor, finalNodes)));
    lines.push(
      '',
      'Streaming exports of the whole graph (into a sink that counts bytes; peak RSS of the bench process):',
      '',
      table(['nodes', 'format', 's', 'ms per 10k nodes', 'MiB written', 'peak RSS MiB'], exportRows),
    );
    if (process.env.BENCH_NO_API) return ['### Ingest', '', ...lines, '', apiSeed].join('\n');
    const reports = (await store.executor.read({ text: 'MATCH (r:Report) RETURN count(r) AS n' }))[0]!.n;
    const apiBig = await benchApi(config, store.executor, `API on the grown graph (${String(reports)} reports)`);
    return ['### Ingest', '', ...lines, '', apiSeed, '', apiBig].join('\n');
  });
}

// Ingest speed against a private Neo4j (its own home and ports, so no user data is touched):
// the seed, all of seeds/, and a synthetic corpus of 1,000 reports with throughput per window
// to show whether loading slows down as the graph grows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractReportGraph } from '../src/extract/pipeline.ts';
import { loadReportGraph, reportKey } from '../src/store/load-report.ts';
import { migrate } from '../src/store/migrate.ts';
import { openStore, type Store } from '../src/store/open-store.ts';
import { deleteReport } from '../src/store/delete-report.ts';
import { CORPUS_DIR, SEED, corpusFiles } from '../tests/support/fixtures.ts';
import { createSecondNeo4j } from '../tests/support/second-neo4j.ts';
import { percentile, table } from './stats.ts';
import { syntheticReports } from './synthetic.ts';
import { benchApi } from './api.ts';
import type { Config } from '../src/config/env.ts';

export async function withPrivateNeo4j<T>(work: (store: Store, config: Config) => Promise<T>): Promise<T> {
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
    const apiSeed = await benchApi(config, store.executor, 'API on the seed graph (1 report)');
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

    const windows = [10, 100, 250, 500, 750, 1000].filter((w) => w <= total);
    const rows: string[][] = [];
    let done = 0;
    let windowStart = performance.now();
    let previous = 0;
    const started = performance.now();
    for (const graph of syntheticReports(total, keys)) {
      await loadReportGraph(store.executor, graph);
      done += 1;
      if (windows.includes(done)) {
        const ms = performance.now() - windowStart;
        const count = done - previous;
        const nodes = (await store.executor.read({ text: 'MATCH (n) RETURN count(n) AS n' }))[0]!.n;
        rows.push([
          `${previous + 1}–${done}`,
          String(count),
          (ms / count).toFixed(0),
          ((count / ms) * 1000).toFixed(1),
          String(nodes),
        ]);
        previous = done;
        windowStart = performance.now();
      }
    }
    lines.push(
      '',
      `Synthetic corpus: ${total} reports in ${((performance.now() - started) / 1000).toFixed(1)} s (extract + load each)`,
      '',
    );
    lines.push(table(['reports', 'count', 'ms per report', 'reports/s', 'nodes in graph after'], rows));
    const reports = (await store.executor.read({ text: 'MATCH (r:Report) RETURN count(r) AS n' }))[0]!.n;
    const apiBig = await benchApi(config, store.executor, `API on the grown graph (${String(reports)} reports)`);
    return ['### Ingest', '', ...lines, '', apiSeed, '', apiBig].join('\n');
  });
}

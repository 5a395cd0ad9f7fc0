import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getConfig } from '#config/env.ts';
import { AppError, isAppError } from '#errors/app-error.ts';
import { startLocalNeo4j } from '#local-neo4j/server.ts';
import { createBulkCsvWriter } from '#store/bulk-csv.ts';
import { countDataNodes, importIntoLocalNeo4j, linkImportedReports, restoreEmptyValues } from '#store/bulk-import.ts';
import { reportKey } from '#store/load-report.ts';
import { migrate } from '#store/migrate.ts';
import { openStore } from '#store/open-store.ts';
import { ReportGraphSchema, type ReportGraph } from '#domain/report-graph.ts';
import type { CliIo } from '../command.ts';
import { createExtractPool, defaultWorkerCount } from '../extract/extract-pool.ts';
import { createProgress } from '../progress.ts';
import { resolveReportSources } from '../report-sources.ts';

/**
 * `ingest --bulk DIR…`: a first load through neo4j-admin import. Extracts every report in
 * worker threads, writes import CSVs with the properties `ingest` would store, stops the local
 * server, imports (replacing its database), starts it, and applies the migrations. Refuses a
 * database that holds data unless `force`. Of two versions of a report (same key), the later
 * file wins, as with `ingest`.
 * @returns the exit code: 0, or 5 when some files were not reports (the rest is loaded)
 */
export async function ingestBulk(args: string[], options: { force: boolean }, io: CliIo): Promise<number> {
  const config = getConfig();
  const log = (line: string) => io.err(line);
  const started = performance.now();
  let phaseStart = started;
  /** Each phase's time, so a slow first load shows where it went. */
  const phase = (what: string) => {
    const now = performance.now();
    io.err(`${what} in ${((now - phaseStart) / 1000).toFixed(1)} s`);
    phaseStart = now;
  };
  const sources = resolveReportSources(args);
  await startLocalNeo4j(config, log);
  let store = await openStore(config);
  try {
    const held = await countDataNodes(store.executor);
    if (held > 0 && !options.force)
      throw new AppError(
        `the database holds ${held} nodes; ingest --bulk replaces the whole database: pass --force to do that, or use ingest without --bulk to add to it`,
        'BAD_USER_INPUT',
      );
  } finally {
    await store.close();
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plangraph-bulk-'));
  const pool = createExtractPool(Math.max(1, defaultWorkerCount()));
  let failed = 0;
  try {
    const progress = createProgress(io, sources.length, 'extract');
    const results = sources.map((s) =>
      s.error ? Promise.resolve({ ok: false as const, error: s.error }) : pool.extract(s.bytes),
    );
    // The last file of each key wins; an identical report given twice is one report.
    const chosen = new Map<string, { file: string; graph: ReportGraph }>();
    for (const [i, pending] of results.entries()) {
      const x = await pending;
      const file = sources[i]!.file;
      if (!x.ok) {
        if (!isAppError(x.error)) throw x.error;
        failed += 1;
        progress.tick(`${file}: FAILED ${x.error.message} [${x.error.code}]`);
        continue;
      }
      const graph = ReportGraphSchema.parse(x.graph);
      chosen.set(reportKey(graph), { file, graph });
      progress.tick(`${file}: ${graph.report.id}`);
    }
    const csv = createBulkCsvWriter(dir);
    for (const { graph } of chosen.values()) csv.add(graph, reportKey(graph));
    const csvArgs = await csv.finish();
    phase(`extracted ${chosen.size} reports and wrote their import files`);
    io.err('importing with neo4j-admin');
    await importIntoLocalNeo4j(config, csvArgs, log);
    phase('stopped the server, imported and started it again');
    store = await openStore(config);
    try {
      await migrate(store.executor);
      await store.executor.write({ text: 'CALL db.awaitIndexes(600)' });
      phase('built the indexes');
      await restoreEmptyValues(store.executor);
      await linkImportedReports(store.executor);
      phase('restored empty values and linked reports across years');
    } finally {
      await store.close();
    }
    io.err(`bulk load done: ${chosen.size} reports in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (failed > 0) {
    io.err(`${failed} of ${sources.length} reports failed`);
    return 5;
  }
  return 0;
}

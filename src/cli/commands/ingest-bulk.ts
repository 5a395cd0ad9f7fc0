import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getConfig, type Config } from '#config/env.ts';
import { AppError, isAppError } from '#errors/app-error.ts';
import { isLocalDatabaseAbsent, localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from '#local-neo4j/server.ts';
import { createBulkCsvAssembler } from '#store/bulk-csv.ts';
import {
  assertLocalServer,
  buildImportedSchema,
  countDataNodes,
  importIntoLocalNeo4j,
  linkImportedReports,
} from '#store/bulk-import.ts';
import { openStore } from '#store/open-store.ts';
import type { CliIo } from '../command.ts';
import { bulkWorkerCount, createBulkPool } from '../extract/bulk-pool.ts';
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
  assertLocalServer(config);
  const sources = resolveReportSources(args);
  // The import needs the server stopped: it stops while the reports are extracted.
  const { stopping, restart } = await checkEmptyAndStop(config, options.force, log);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plangraph-bulk-'));
  const pool = createBulkPool(bulkWorkerCount(), dir);
  let failed = 0;
  let imported = false;
  try {
    const progress = createProgress(io, sources.length, 'extract');
    const results = sources.map((s) =>
      s.error ? Promise.resolve({ ok: false as const, error: s.error }) : pool.write(s.bytes),
    );
    // In the files' order: the last file of each key wins; an identical report given twice is one.
    const assembler = createBulkCsvAssembler(dir);
    for (const [i, pending] of results.entries()) {
      const x = await pending;
      const file = sources[i]!.file;
      if (!x.ok) {
        if (!isAppError(x.error)) throw x.error;
        failed += 1;
        progress.tick(`${file}: FAILED ${x.error.message} [${x.error.code}]`);
        continue;
      }
      assembler.add(x.report);
      progress.tick(`${file}: ${x.report.id}`);
    }
    const files = await assembler.finish(await pool.finish());
    phase(`extracted ${assembler.size} reports and wrote their import files`);
    await stopping;
    io.err('importing with neo4j-admin');
    imported = true;
    await importIntoLocalNeo4j(config, files.args, log);
    phase('stopped the server, imported and started it again');
    const store = await openStore(config);
    try {
      await buildImportedSchema(store.executor, files.escaped, () => linkImportedReports(store.executor));
      phase('built the indexes and linked reports across years');
    } finally {
      await store.close();
    }
    io.err(`bulk load done: ${assembler.size} reports in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await pool.terminate();
    rmSync(dir, { recursive: true, force: true });
    // Nothing was imported: the server runs again if it ran before.
    if (!imported && restart) await stopping.then(() => startLocalNeo4j(config, log)).catch(() => undefined);
  }
  if (failed > 0) {
    io.err(`${failed} of ${sources.length} reports failed`);
    return 5;
  }
  return 0;
}

/**
 * Whether the check for an empty database can change anything: a running server is always asked
 * (it answers at once, and its stop overlaps the extraction); a stopped one is started for it only
 * without --force, and only when its home has a database (a fresh home holds nothing).
 */
export function needsEmptinessCheck(s: { running: boolean; force: boolean; databaseAbsent: boolean }): boolean {
  return s.running || (!s.force && !s.databaseAbsent);
}

/**
 * Refuses a database that holds data unless `force`, and stops the server (the stop runs on
 * while the reports are extracted). The check needs a running server: a stopped one is started
 * for it only when it can matter, that is without --force on a home that has a database.
 * @returns the stop under way, and whether the server ran (or was started) before
 */
async function checkEmptyAndStop(config: Config, force: boolean, log: (line: string) => void) {
  const running = localNeo4jStatus(config).state === 'running';
  if (!needsEmptinessCheck({ running, force, databaseAbsent: isLocalDatabaseAbsent(config) }))
    return { stopping: Promise.resolve(false), restart: false };
  await startLocalNeo4j(config, log);
  const held = await heldNodes(config).catch((error: unknown) => {
    // A failed import leaves a database that does not come online; --force replaces it.
    if (!force || !isAppError(error) || error.code !== 'DB_UNAVAILABLE') throw error;
    log(`the database does not answer (${error.message}); --force replaces it`);
    return 0;
  });
  if (held > 0 && !force)
    throw new AppError(
      `the database holds ${held} nodes; ingest --bulk replaces the whole database: pass --force to do that, or use ingest without --bulk to add to it`,
      'BAD_USER_INPUT',
    );
  return { stopping: stopLocalNeo4j(config, log), restart: true };
}

async function heldNodes(config: Config): Promise<number> {
  const store = await openStore(config);
  try {
    return await countDataNodes(store.executor);
  } finally {
    await store.close();
  }
}

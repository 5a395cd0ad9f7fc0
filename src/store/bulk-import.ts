import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Config } from '#config/env.ts';
import { AppError } from '#errors/app-error.ts';
import { localNeo4jPaths } from '#local-neo4j/paths.ts';
import {
  adminToolArgs,
  localNeo4jStatus,
  prepareLocalNeo4jHome,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '#local-neo4j/server.ts';
import type { EscapedColumn } from './bulk-csv.ts';
import { linkCrossReportPrevious } from './cross-previous.ts';
import type { Executor } from './executor.ts';
import { unescapeLineBreaksCypher } from './line-breaks.ts';
import { migrate, readMigrations, schemaForEmptyDatabase } from './migrate.ts';

type Log = (line: string) => void;

/** How many nodes the database holds besides plangraph's migration records. */
export async function countDataNodes(executor: Executor): Promise<number> {
  const rows = await executor.read({ text: 'MATCH (n) WHERE NOT n:PlangraphMigration RETURN count(n) AS n' });
  return Number(rows[0]?.n ?? 0);
}

/** @throws AppError CONFIG when NEO4J_URI points at another server than the local one. */
export function assertLocalServer(config: Config): void {
  if (localNeo4jStatus(config).state === 'external')
    throw new AppError(
      'ingest --bulk runs neo4j-admin on the local server; NEO4J_URI points at another server (use ingest there)',
      'CONFIG',
    );
}

/** Where neo4j-admin finds its jars and the home (with conf/) whose database it writes. */
export interface AdminImportTarget {
  home: string;
  confDir: string;
  lib: string;
  logs: string;
  database: string;
}

/**
 * Runs `neo4j-admin database import full` into the target's database (replacing it) with the
 * given CSV arguments; the server must not be running on that home. The local server's own
 * jars carry the tool (neo4j-import-tool), run as its AdminTool.
 * @returns the tool's summary lines
 * @throws AppError NEO4J_LOCAL with the tool's last lines when it fails
 */
export async function runAdminImport(target: AdminImportTarget, csvArgs: string[], multiline = false): Promise<string> {
  const args = adminToolArgs(target.lib, [
    'database',
    'import',
    'full',
    target.database,
    '--overwrite-destination=true',
    `--multiline-fields=${multiline}`,
    '--array-delimiter=;',
    '--high-parallel-io=on',
    // The cause of a failure, not only "Error in input data".
    '--verbose',
    // Bad entries would be listed here (the default is import.report in the working directory).
    `--report-file=${path.join(target.logs, 'import.report')}`,
    ...csvArgs,
  ]);
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('java', args, {
      env: { ...process.env, NEO4J_HOME: target.home, NEO4J_CONF: target.confDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (d: Buffer) => {
      output.push(d.toString('utf8'));
      if (output.length > 400) output.shift();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', resolve);
  });
  const lines = output.join('').trim().split('\n');
  if (code !== 0) {
    // With --verbose the cause is a "Caused by:" line; without one, the last lines say what failed.
    const causes = lines.filter((l) => /^\s*Caused by:|IMPORT FAILED/.test(l)).slice(-3);
    throw new AppError(
      `neo4j-admin import failed (exit ${code}):\n${(causes.length > 0 ? causes : lines.slice(-15)).join('\n').trim()}`,
      'NEO4J_LOCAL',
    );
  }
  return lines.filter((l) => /IMPORT DONE|Imported:/.test(l)).join('; ') || 'import done';
}

/**
 * Runs `neo4j-admin database import full` on the local server's database with the given CSV
 * arguments (files whose fields are all on one line: line-breaks.ts): stops the server,
 * imports (replacing its database), and starts it again.
 * @throws AppError CONFIG when NEO4J_URI points at another server; NEO4J_LOCAL when the tool fails.
 */
export async function importIntoLocalNeo4j(config: Config, csvArgs: string[], log: Log): Promise<void> {
  assertLocalServer(config);
  const paths = localNeo4jPaths(config);
  await stopLocalNeo4j(config, log);
  // A home that was never started has neither the jars nor its neo4j.conf yet.
  prepareLocalNeo4jHome(config, log);
  let summary: string;
  try {
    summary = await runAdminImport({ ...paths, database: config.NEO4J_DATABASE }, csvArgs);
  } catch (error) {
    // The database may be half written: the server still starts, and the user reruns with --force.
    await startLocalNeo4j(config, log).catch(() => undefined);
    throw error;
  }
  log(summary);
  await startLocalNeo4j(config, log);
}

/** Elements unescaped per transaction: a batch of report texts is tens of megabytes. */
const UNESCAPE_BATCH = 1000;

const identifier = (name: string) => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new AppError(`not a label or property name: ${name}`, 'INTERNAL');
  return name;
};

/**
 * Puts back the line breaks that the import files escaped (line-breaks.ts), column by column, in
 * batches: node rows by their ids (the files' writer noted them; the id constraints must exist),
 * relationships, which have no id, found by one scan and rewritten by element id. Run before the
 * text indexes exist, so that no index is updated twice.
 * @returns how many properties were rewritten
 */
export async function unescapeImportedLineBreaks(executor: Executor, columns: EscapedColumn[]): Promise<number> {
  let rewritten = 0;
  for (const c of columns) {
    const label = identifier(c.label);
    const prop = identifier(c.property);
    const { expr, params } = unescapeLineBreaksCypher(`x.${prop}`);
    let ids: string[];
    let match: string;
    if (c.kind === 'nodes') {
      ids = c.ids;
      match = `MATCH (x:${label} {id: id})`;
    } else {
      const found = await executor.read({
        text: `MATCH ()-[x:${label}]->() WHERE x.${prop} CONTAINS $esc RETURN elementId(x) AS id`,
        params: { esc: params.esc },
      });
      ids = found.map((r) => String(r.id));
      match = `MATCH ()-[x:${label}]->() WHERE elementId(x) = id`;
    }
    for (let i = 0; i < ids.length; i += UNESCAPE_BATCH)
      await executor.write({
        text: `UNWIND $ids AS id ${match} SET x.${prop} = ${expr}`,
        params: { ...params, ids: ids.slice(i, i + UNESCAPE_BATCH) },
      });
    rewritten += ids.length;
  }
  return rewritten;
}

/** Full-text and text indexes: the slow ones to build (Lucene; trigrams). */
const isTextIndex = (statement: string) => /^CREATE\s+(FULLTEXT|TEXT)\s+INDEX/i.test(statement);

/**
 * The schema of a freshly imported database, built so that `meanwhile` (which needs the range
 * indexes) runs while the full-text and text indexes are populated: first every other schema
 * statement, in the migrations' order, and the wait for those indexes; then the escaped line
 * breaks put back; then the migrations proper beside `meanwhile`: the text indexes, and each
 * script recorded as `migrate` records it (its statements already run are not sent again, and
 * no data step runs: the files hold today's data); then the wait for every index, so that search
 * works when this returns.
 */
export async function buildImportedSchema(
  executor: Executor,
  escaped: EscapedColumn[],
  meanwhile: () => Promise<unknown>,
): Promise<void> {
  const first = schemaForEmptyDatabase().filter((st) => !isTextIndex(st));
  for (const text of first) await executor.write({ text });
  await executor.write({ text: 'CALL db.awaitIndexes(600)' });
  await unescapeImportedLineBreaks(executor, escaped);
  await Promise.all([
    migrate(executor, readMigrations(), { dataSteps: false, alreadyRun: new Set(first) }),
    meanwhile(),
  ]);
  await executor.write({ text: 'CALL db.awaitIndexes(600)' });
}

/**
 * After an import: the cross-report PREVIOUS links that `ingest` makes as each report arrives
 * (cross-previous.ts), made here for every report at once, in one transaction.
 * @returns how many links there are
 */
export async function linkImportedReports(executor: Executor): Promise<number> {
  const rows = await executor.read({ text: 'MATCH (r:Report) RETURN collect(r.id) AS ids' });
  const ids = (rows[0]?.ids as string[] | undefined) ?? [];
  return executor.transaction((tx) => linkCrossReportPrevious(tx, ids));
}

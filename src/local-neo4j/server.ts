import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import path from 'node:path';
import { memoryBytes, type Config } from '#config/env.ts';
import { LEGACY_PASSWORD, passwordFile } from '#config/local-password.ts';
import { AppError } from '#errors/app-error.ts';
import { adoptRecordedClassArchive, classArchiveArgs } from './class-archive.ts';
import { fetchNeo4j } from './fetch.ts';
import { localNeo4jPaths, type LocalNeo4jPaths } from './paths.ts';
import { isPortFree, isPortOpen } from './probe.ts';

export type LocalNeo4jStatus =
  | { state: 'external'; uri: string }
  | { state: 'running'; pid: number; uri: string; home: string }
  | { state: 'stopped'; home: string };

type Log = (line: string) => void;

const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';

/** The pid in the pid file, if that process is alive and is our Neo4j (never trust a bare pid). */
function readLivePid(paths: LocalNeo4jPaths): number | undefined {
  if (!existsSync(paths.pidFile)) return undefined;
  const pid = Number(readFileSync(paths.pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(ENTRY_POINT) && cmdline.includes(paths.home) ? pid : undefined;
  } catch {
    return undefined; // no such process
  }
}

/** Reports whether the local server runs, or that the user's own NEO4J_URI is in use. */
export function localNeo4jStatus(config: Config): LocalNeo4jStatus {
  if (config.external) return { state: 'external', uri: config.uri };
  const paths = localNeo4jPaths(config);
  const pid = readLivePid(paths);
  return pid === undefined
    ? { state: 'stopped', home: paths.home }
    : { state: 'running', pid, uri: config.uri, home: paths.home };
}

export function writeConf(config: Config, paths: LocalNeo4jPaths): void {
  const values: Record<string, string> = {
    BOLT_PORT: String(config.NEO4J_BOLT_PORT),
    HTTP_PORT: String(config.NEO4J_HTTP_PORT),
    HTTP_ENABLED: String(config.NEO4J_HTTP_ENABLED),
    HEAP: config.NEO4J_HEAP,
    PAGECACHE: config.NEO4J_PAGECACHE,
    // A quarter of the heap for the indexing buffer of an index being built (Neo4j's own: 50 MB).
    POPULATION_RAM_BUFFER_MB: String(Math.max(50, Math.floor(memoryBytes(config.NEO4J_HEAP) / 4 / 2 ** 20))),
  };
  const text = readFileSync(paths.confTemplate, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const v = values[key];
    if (v === undefined) throw new AppError(`neo4j.conf template uses unknown value {{${key}}}`, 'NEO4J_LOCAL');
    return v;
  });
  for (const dir of [paths.confDir, paths.data, paths.logs, path.dirname(paths.pidFile)])
    mkdirSync(dir, { recursive: true });
  writeFileSync(paths.conf, text);
}

/**
 * Makes the home usable by the server and by neo4j-admin: the jars fetched (first time only)
 * and conf/neo4j.conf written from the template and the config.
 */
export function prepareLocalNeo4jHome(config: Config, log: Log): void {
  const paths = localNeo4jPaths(config);
  fetchNeo4j(paths, log);
  writeConf(config, paths);
}

/** Whether the home has no database of that name yet (never started, never imported into). */
export function isLocalDatabaseAbsent(config: Config): boolean {
  return !existsSync(path.join(localNeo4jPaths(config).data, 'databases', config.NEO4J_DATABASE));
}

/** The java arguments that run neo4j-admin (the server's jars carry it) with `args`. */
export const adminToolArgs = (lib: string, args: string[]): string[] => [
  ...classArchiveArgs(lib, { record: false }),
  '-cp',
  `${lib}/*`,
  'org.neo4j.cli.AdminTool',
  ...args,
];

/**
 * Neo4j asks for a new password at first login; setting it before the first start avoids that.
 * Unless NEO4J_PASSWORD is set, it is the random one kept in <home>/password (config/local-password.ts).
 */
function setInitialPassword(config: Config, paths: LocalNeo4jPaths): void {
  if (existsSync(path.join(paths.data, 'dbms'))) return;
  const result = spawnSync('java', adminToolArgs(paths.lib, ['dbms', 'set-initial-password', config.NEO4J_PASSWORD]), {
    env: { ...process.env, NEO4J_HOME: paths.home, NEO4J_CONF: paths.confDir },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new AppError(
      `could not set the initial Neo4j password: ${(result.stderr || result.stdout).trim()}`,
      'NEO4J_LOCAL',
    );
  }
}

function logTail(paths: LocalNeo4jPaths, lines = 25): string {
  const parts = [paths.console, paths.userLog].filter(existsSync).map((f) => readFileSync(f, 'utf8'));
  return parts.join('\n').trim().split('\n').slice(-lines).join('\n');
}

async function assertPortsFree(config: Config): Promise<void> {
  const ports: ['Bolt' | 'HTTP', number][] = [['Bolt', config.NEO4J_BOLT_PORT]];
  if (config.NEO4J_HTTP_ENABLED) ports.push(['HTTP', config.NEO4J_HTTP_PORT]);
  for (const [name, port] of ports) {
    if (!(await isPortFree(port))) {
      throw new AppError(
        `port ${port} (Neo4j ${name}) is already in use by another process: free it, choose another port with NEO4J_${name.toUpperCase()}_PORT, or point NEO4J_URI at that server`,
        'NEO4J_LOCAL',
        { details: { port } },
      );
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until the server answers on Bolt and has logged that it started.
 * @throws AppError NEO4J_LOCAL with the log tail if the process dies or the time runs out.
 */
async function waitUntilReady(config: Config, paths: LocalNeo4jPaths, pid: number): Promise<void> {
  const deadline = Date.now() + config.NEO4J_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) throw new AppError(`Neo4j exited during start-up. Log tail:\n${logTail(paths)}`, 'NEO4J_LOCAL');
    const started = existsSync(paths.userLog) && readFileSync(paths.userLog, 'utf8').includes('Started.');
    if (started && (await isPortOpen(config.NEO4J_BOLT_PORT))) return;
    await sleep(250);
  }
  process.kill(pid, 'SIGKILL');
  rmSync(paths.pidFile, { force: true });
  throw new AppError(
    `Neo4j did not answer on Bolt within ${config.NEO4J_START_TIMEOUT_MS} ms. Log tail:\n${logTail(paths)}`,
    'NEO4J_LOCAL',
  );
}

/**
 * Starts the local Neo4j (fetching it first if needed) and waits until Bolt answers.
 * Does nothing when NEO4J_URI is set or the server already runs.
 * @returns whether this call started it.
 */
export async function startLocalNeo4j(config: Config, log: Log): Promise<boolean> {
  const status = localNeo4jStatus(config);
  if (status.state === 'external') {
    log(`NEO4J_URI is set: using ${status.uri}, starting nothing`);
    return false;
  }
  const paths = localNeo4jPaths(config);
  if (status.state === 'running') {
    await waitUntilReady(config, paths, status.pid);
    log(`Neo4j already running (pid ${status.pid}) at ${config.uri}`);
    return false;
  }
  await assertPortsFree(config);
  prepareLocalNeo4jHome(config, log);
  setInitialPassword(config, paths);
  if (config.NEO4J_PASSWORD === LEGACY_PASSWORD && !existsSync(passwordFile(paths.home)))
    log(
      `this Neo4j home was made with the old default password (${LEGACY_PASSWORD}): set NEO4J_PASSWORD, or change it with ALTER CURRENT USER SET PASSWORD and write the new one into ${passwordFile(paths.home)} (mode 0600)`,
    );
  rmSync(paths.userLog, { force: true }); // so that "Started." in it means this start
  const out = openSync(paths.console, 'w');
  const child = spawn(
    'java',
    [
      `-Xms${config.NEO4J_HEAP}`,
      `-Xmx${config.NEO4J_HEAP}`,
      '-XX:+UseG1GC',
      '-XX:-OmitStackTraceInFastThrow',
      '-Dio.netty.tryReflectionSetAccessible=true',
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      ...classArchiveArgs(paths.lib, { record: true, home: paths.home }),
      '-cp',
      `${paths.lib}/*`,
      ENTRY_POINT,
      `--home-dir=${paths.home}`,
      `--config-dir=${paths.confDir}`,
    ],
    { cwd: paths.home, detached: true, stdio: ['ignore', out, out] },
  );
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new AppError('could not launch java: is Java 17+ installed?', 'NEO4J_LOCAL');
  child.unref();
  writeFileSync(paths.pidFile, `${pid}\n`);
  log(`starting Neo4j (pid ${pid}), waiting for Bolt on ${config.uri}`);
  await waitUntilReady(config, paths, pid);
  log(`Neo4j is up at ${config.uri}`);
  return true;
}

/** Stops the local server by its own pid (never by process name). Returns whether it was running. */
export async function stopLocalNeo4j(config: Config, log: Log): Promise<boolean> {
  if (config.external) {
    log('NEO4J_URI is set: that server is not ours to stop');
    return false;
  }
  const paths = localNeo4jPaths(config);
  const pid = readLivePid(paths);
  if (pid === undefined) {
    rmSync(paths.pidFile, { force: true });
    log('Neo4j is not running');
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  const killed = isAlive(pid);
  if (killed) process.kill(pid, 'SIGKILL');
  rmSync(paths.pidFile, { force: true });
  if (!killed) adoptRecordedClassArchive(paths.lib, paths.home);
  log(`Neo4j stopped (pid ${pid})`);
  return true;
}

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { loadConfig } from '../../src/config/env.ts';
import { ROOT } from './run-cli.ts';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/local-neo4j/server.ts';

/**
 * Makes sure a Neo4j answers before any test runs: the user's NEO4J_URI if set, else the
 * local server, started here if it is not running (and stopped again afterwards, unless
 * PLANGRAPH_KEEP_NEO4J=1 asks to keep it for the next run).
 */
export default async function setup(): Promise<() => Promise<void>> {
  // Tests that spawn bin/plangraph.js run dist/: compile it from the sources under test first.
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  const config = loadConfig();
  const log = (line: string) => process.stderr.write(`[neo4j] ${line}\n`);
  const started = await startLocalNeo4j(config, log);
  return async () => {
    if (started && process.env.PLANGRAPH_KEEP_NEO4J !== '1') await stopLocalNeo4j(config, log);
  };
}

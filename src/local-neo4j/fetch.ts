import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { AppError } from '#errors/app-error.ts';
import type { LocalNeo4jPaths } from './paths.ts';

/** True when the server jars have been fetched (the first fetch is cached in .neo4j/lib). */
export function isNeo4jFetched(paths: LocalNeo4jPaths): boolean {
  return existsSync(paths.lib) && readdirSync(paths.lib).some((f) => f.startsWith('neo4j-server-'));
}

/**
 * Fetches org.neo4j:neo4j and its runtime dependencies from Maven Central into paths.lib,
 * unless they are there already.
 * @throws AppError NEO4J_LOCAL when Maven is missing or the fetch fails (with Maven's output tail).
 */
export function fetchNeo4j(paths: LocalNeo4jPaths, log: (line: string) => void): void {
  if (isNeo4jFetched(paths)) return;
  log(`fetching Neo4j jars with Maven into ${paths.lib} (first time only)`);
  const args = [
    '-q',
    '-B',
    '-f',
    paths.pom,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${paths.lib}`,
    '-DincludeScope=runtime',
  ];
  const result = spawnSync('mvn', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) {
    throw new AppError(
      `cannot run Maven (mvn): ${result.error.message}; install Maven or set NEO4J_URI`,
      'NEO4J_LOCAL',
      {
        cause: result.error,
      },
    );
  }
  if (result.status !== 0 || !isNeo4jFetched(paths)) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new AppError(`Maven could not fetch Neo4j (exit ${result.status}):\n${tail}`, 'NEO4J_LOCAL');
  }
}

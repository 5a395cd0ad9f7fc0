import path from 'node:path';
import type { Config } from '#config/env.ts';
import { PROJECT_ROOT } from '#config/env.ts';

/** Where each file of the locally managed Neo4j lives. */
export function localNeo4jPaths(config: Config) {
  const home = config.neo4jHome;
  return {
    home,
    lib: config.neo4jLib,
    pom: path.join(PROJECT_ROOT, 'neo4j', 'pom.xml'),
    confTemplate: path.join(PROJECT_ROOT, 'neo4j', 'neo4j.conf'),
    confDir: path.join(home, 'conf'),
    conf: path.join(home, 'conf', 'neo4j.conf'),
    data: path.join(home, 'data'),
    logs: path.join(home, 'logs'),
    pidFile: path.join(home, 'run', 'plangraph-neo4j.pid'),
    console: path.join(home, 'logs', 'console.log'),
    userLog: path.join(home, 'logs', 'neo4j.log'),
  };
}

export type LocalNeo4jPaths = ReturnType<typeof localNeo4jPaths>;

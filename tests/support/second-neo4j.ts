import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config/env.ts';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/local-neo4j/server.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A second, private local Neo4j (own home and ports) that a test may stop and start at will. */
export async function createSecondNeo4j(memory: { heap?: string; pagecache?: string } = {}) {
  const home = mkdtempSync(path.join(os.tmpdir(), 'plangraph-second-neo4j-'));
  const config: Config = loadConfig({
    PLANGRAPH_NEO4J_HOME: home,
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HTTP_PORT: String(await freePort()),
    NEO4J_HEAP: memory.heap ?? '512m',
    NEO4J_PAGECACHE: memory.pagecache ?? '128m',
    NEO4J_CONNECT_TIMEOUT_MS: '1000',
  });
  const log = () => undefined;
  return {
    config,
    uri: config.uri,
    start: () => startLocalNeo4j(config, log),
    stop: () => stopLocalNeo4j(config, log),
    async dispose() {
      await stopLocalNeo4j(config, log);
      rmSync(home, { recursive: true, force: true });
    },
  };
}

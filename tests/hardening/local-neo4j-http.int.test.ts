import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { localNeo4jPaths } from '../../src/local-neo4j/paths.ts';
import { writeConf } from '../../src/local-neo4j/server.ts';
import { openStore } from '../../src/store/open-store.ts';
import { createSecondNeo4j } from '../support/second-neo4j.ts';

// Issue 18, item 4: the local Neo4j's HTTP connector answered CORS with `*`, so any web page
// could send Cypher to it. It is off by default (NEO4J_HTTP_ENABLED), and when turned on its
// CORS names only its own origin.
describe('the local Neo4j HTTP connector', () => {
  let neo4j: Awaited<ReturnType<typeof createSecondNeo4j>>;
  beforeAll(async () => {
    neo4j = await createSecondNeo4j();
    await neo4j.start();
  }, 240_000);
  afterAll(() => neo4j?.dispose());

  test('is off by default: nothing listens on the HTTP port, while Bolt answers', async () => {
    const http = fetch(`http://127.0.0.1:${neo4j.config.NEO4J_HTTP_PORT}/db/neo4j/tx/commit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ statements: [{ statement: 'CREATE (:Pwned)' }] }),
    });
    await expect(http).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
    const store = await openStore(neo4j.config);
    try {
      expect(await store.executor.read({ text: 'MATCH (n:Pwned) RETURN count(n) AS n' })).toEqual([{ n: 0 }]);
    } finally {
      await store.close();
    }
  });

  test('when turned on, its CORS allows only its own origin, never *', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'plangraph-conf-'));
    try {
      const config = loadConfig({ PLANGRAPH_NEO4J_HOME: home, NEO4J_HTTP_ENABLED: 'true', NEO4J_HTTP_PORT: '7999' });
      const paths = localNeo4jPaths(config);
      writeConf(config, paths);
      const conf = readFileSync(paths.conf, 'utf8');
      expect(conf).toMatch(/^server\.http\.enabled=true$/m);
      expect(conf).toMatch(/^dbms\.security\.http_access_control_allow_origin=http:\/\/127\.0\.0\.1:7999$/m);
      const off = loadConfig({ PLANGRAPH_NEO4J_HOME: home });
      writeConf(off, paths);
      expect(readFileSync(paths.conf, 'utf8')).toMatch(/^server\.http\.enabled=false$/m);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

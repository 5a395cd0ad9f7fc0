import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { classArchiveFile } from '../../src/local-neo4j/class-archive.ts';
import { localNeo4jPaths } from '../../src/local-neo4j/paths.ts';
import { localNeo4jStatus } from '../../src/local-neo4j/server.ts';
import { openStore } from '../../src/store/open-store.ts';
import { createSecondNeo4j } from '../support/second-neo4j.ts';

// The local server's JVM maps the classes of an earlier run (class-archive.ts): the first server
// stopped without an archive leaves one, and every later start uses it.
describe('the local Neo4j and its class archive', () => {
  let neo4j: Awaited<ReturnType<typeof createSecondNeo4j>>;
  beforeAll(async () => {
    neo4j = await createSecondNeo4j();
  }, 60_000);
  afterAll(() => neo4j?.dispose());

  test('after a stop there is an archive; the next start maps it, without a warning, and answers', async () => {
    const paths = localNeo4jPaths(neo4j.config);
    await neo4j.start();
    await neo4j.stop();
    const archive = classArchiveFile(paths.lib);
    expect(existsSync(archive)).toBe(true);
    await neo4j.start();
    const status = localNeo4jStatus(neo4j.config);
    if (status.state !== 'running') throw new Error(`expected a running server, got ${status.state}`);
    const cmdline = readFileSync(`/proc/${status.pid}/cmdline`, 'utf8').split('\0');
    expect(cmdline).toContain(`-XX:SharedArchiveFile=${archive}`);
    // A JVM that cannot map the archive says so on its console.
    expect(readFileSync(paths.console, 'utf8')).not.toMatch(/\[(warning|error)\]\[cds/);
    const store = await openStore(neo4j.config);
    try {
      expect(await store.executor.read({ text: 'RETURN 1 AS one' })).toEqual([{ one: 1 }]);
    } finally {
      await store.close();
    }
  }, 240_000);
});

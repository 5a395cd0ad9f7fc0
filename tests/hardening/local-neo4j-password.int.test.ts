import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { LEGACY_PASSWORD, passwordFile } from '../../src/config/local-password.ts';
import { openStore } from '../../src/store/open-store.ts';
import { createSecondNeo4j } from '../support/second-neo4j.ts';

// Issue 18, item 4: the local server used the documented default password plangraph-dev. On
// first start it now gets a random one, kept in its home for the owner only.
describe("the local Neo4j's password", () => {
  let neo4j: Awaited<ReturnType<typeof createSecondNeo4j>>;
  beforeAll(async () => {
    neo4j = await createSecondNeo4j();
    await neo4j.start();
  }, 240_000);
  afterAll(() => neo4j?.dispose());

  test('is generated at first start, kept in <home>/password with mode 0600, and is not the old default', () => {
    const file = passwordFile(neo4j.config.neo4jHome);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, 'utf8').trim();
    expect(password).not.toBe(LEGACY_PASSWORD);
    // 192 random bits in hex: never a leading "-", which neo4j-admin set-initial-password took for an option.
    expect(password).toMatch(/^[0-9a-f]{48}$/);
    expect(neo4j.config.NEO4J_PASSWORD).toBe(password);
  });

  test('commands connect with it; the old default is refused', async () => {
    const store = await openStore(neo4j.config);
    try {
      expect(await store.executor.read({ text: 'RETURN 1 AS ok' })).toEqual([{ ok: 1 }]);
    } finally {
      await store.close();
    }
    const legacy = loadConfig({
      PLANGRAPH_NEO4J_HOME: neo4j.config.neo4jHome,
      NEO4J_BOLT_PORT: String(neo4j.config.NEO4J_BOLT_PORT),
      NEO4J_PASSWORD: LEGACY_PASSWORD,
      NEO4J_CONNECT_TIMEOUT_MS: '2000',
    });
    await expect(openStore(legacy)).rejects.toMatchObject({ code: 'DB_AUTH' });
  });

  test('a home made before (data, no password file) keeps the old default; NEO4J_PASSWORD wins and writes nothing', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'plangraph-old-home-'));
    try {
      mkdirSync(path.join(home, 'data', 'dbms'), { recursive: true });
      expect(loadConfig({ PLANGRAPH_NEO4J_HOME: home }).NEO4J_PASSWORD).toBe(LEGACY_PASSWORD);
      expect(existsSync(passwordFile(home))).toBe(false);
      const fresh = path.join(home, 'fresh');
      expect(loadConfig({ PLANGRAPH_NEO4J_HOME: fresh, NEO4J_PASSWORD: 'chosen-by-me' }).NEO4J_PASSWORD).toBe(
        'chosen-by-me',
      );
      expect(existsSync(passwordFile(fresh))).toBe(false);
      // Read twice, the generated password is the same one.
      const generated = loadConfig({ PLANGRAPH_NEO4J_HOME: fresh });
      expect(generated.NEO4J_PASSWORD).toBe(generated.NEO4J_PASSWORD);
      expect(readFileSync(passwordFile(fresh), 'utf8').trim()).toBe(generated.NEO4J_PASSWORD);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSecondNeo4j } from '../support/second-neo4j.ts';
import { startTestApi, type TestApi } from '../support/api.ts';

// Neo4j stops and starts under a running API server: a private second instance, so the shared
// test database is untouched.
describe('the API while Neo4j stops and starts', () => {
  let neo4j: Awaited<ReturnType<typeof createSecondNeo4j>>;
  let api: TestApi;
  beforeAll(async () => {
    neo4j = await createSecondNeo4j();
    await neo4j.start();
    api = await startTestApi({
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: neo4j.config.NEO4J_PASSWORD,
      NEO4J_CONNECT_TIMEOUT_MS: '1000',
    });
  }, 240_000);
  afterAll(async () => {
    await api?.stop();
    await neo4j?.dispose();
  });

  const readyz = async () => (await fetch(`${api.url}/readyz`)).status;
  // Not `stats`: it is cached for 30 s, so it would answer from memory during the outage.
  const statsCodes = async () =>
    (await api.gql('{ indicators(first: 1) { totalCount } }')).body.errors?.map((e) => e.extensions?.code) ?? [];

  /** Polls /readyz for up to a minute; the status it settled on. */
  const readyWithin = async () => {
    let status = 0;
    for (let i = 0; i < 60 && status !== 200; i++) {
      status = await readyz();
      if (status !== 200) await new Promise((r) => setTimeout(r, 1000));
    }
    return status;
  };

  test('readyz goes 200 → 503 → 200 and queries recover without restarting the API', async () => {
    // Neo4j's default database may still be coming online when the server reports started: /readyz
    // says 503 until it answers, which is what it is for.
    expect(await readyWithin()).toBe(200);
    expect(await statsCodes()).toEqual([]);

    await neo4j.stop();
    expect(await readyz()).toBe(503);
    expect(await statsCodes()).toEqual(['DB_UNAVAILABLE']);
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    expect((await api.gql('{ version }')).body.data).toEqual({ version: expect.any(String) });

    await neo4j.start();
    expect(await readyWithin()).toBe(200);
    expect(await statsCodes()).toEqual([]);
  }, 240_000);
});

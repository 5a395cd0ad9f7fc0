import { Neo4jError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mapNeo4jError } from '../../src/store/map-error.ts';
import { startTestApi, type TestApi } from '../support/api.ts';

// Issue 18, Weak "Errors": every refusal is a 4xx with a client code, internal text never
// reaches a client, credentials in NEO4J_URI are never shown.
describe('error answers', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ GRAPHQL_INTROSPECTION: 'false' });
  });
  afterAll(() => api?.stop());

  const send = async (body: unknown) => {
    const res = await api.post(JSON.stringify(body));
    const json = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    return { status: res.status, code: json.errors?.[0]?.extensions?.code, message: json.errors?.[0]?.message ?? '' };
  };

  test('a syntax error is 400 GRAPHQL_PARSE_FAILED', async () => {
    expect(await send({ query: '{ version' })).toMatchObject({ status: 400, code: 'GRAPHQL_PARSE_FAILED' });
  });

  test('too many tokens is 400 QUERY_TOO_COMPLEX', async () => {
    const r = await send({ query: `{ version ${'__typename '.repeat(5000)} }` });
    expect(r).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX' });
  });

  test.each([
    ['a mutation', { query: 'mutation { version }' }],
    ['a subscription', { query: 'subscription { version }' }],
    ['an unknown persisted query', { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }],
    [
      'a persisted query with a wrong hash',
      { query: '{ version }', extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } },
    ],
    ['a persisted query of another version', { extensions: { persistedQuery: { version: 9, sha256Hash: 'a' } } }],
  ])('%s is a 4xx with a client code', async (_, body) => {
    const r = await send(body);
    expect(r.status, JSON.stringify(r)).toBeGreaterThanOrEqual(400);
    expect(r.status, JSON.stringify(r)).toBeLessThan(500);
    expect(r.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(r.code).toMatch(/^[A-Z_]+$/);
  });

  test('with introspection off, an enum typo does not suggest the values', async () => {
    const r = await send({ query: '{ indicators(where: {kind: [TARGT]}) { totalCount } }' });
    expect(r.status).toBe(400);
    expect(r.message).not.toMatch(/did you mean|"TARGET"/i);
  });
});

describe('database errors', () => {
  test('DB_ERROR is a documented code whose message never carries the driver text', async () => {
    const raw = new Neo4jError(
      'secret internals of the database',
      'Neo.DatabaseError.General.UnknownError',
      'N/A',
      'N/A',
    );
    const api = await startTestApi({}, (inner) => ({
      ...inner,
      read: () => Promise.reject(mapNeo4jError(raw, 'bolt://x')),
    }));
    try {
      const { body } = await api.gql('{ indicators(first: 1) { totalCount } }');
      expect(body.errors?.[0]?.extensions?.code).toBe('DB_ERROR');
      expect(JSON.stringify(body)).not.toMatch(/secret internals/);
    } finally {
      await api.stop();
    }
  });

  test('/readyz and DB_UNAVAILABLE never show the password of NEO4J_URI', async () => {
    const api = await startTestApi({
      NEO4J_URI: 'bolt://neo4j:hunter2secret@127.0.0.1:1',
      NEO4J_CONNECT_TIMEOUT_MS: '500',
    });
    try {
      const ready = await fetch(`${api.url}/readyz`);
      expect(ready.status).toBe(503);
      const readyText = await ready.text();
      expect(readyText).not.toMatch(/hunter2secret/);
      expect(readyText).toMatch(/127\.0\.0\.1:1/);
      const { body } = await api.gql('{ indicators(first: 1) { totalCount } }');
      expect(body.errors?.[0]?.extensions?.code).toBe('DB_UNAVAILABLE');
      expect(JSON.stringify(body)).not.toMatch(/hunter2secret/);
    } finally {
      await api.stop();
    }
  });
});

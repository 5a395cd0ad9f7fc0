import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHttpApi } from '../support/http-api.ts';

// Issue 16: with introspection off, error messages must not name what the schema holds. A hidden
// suggestion left "[Suggestion hidden]?" behind, and enum values were still suggested.
// Each with the name a suggestion would reveal (one the query does not spell out).
const TYPOS: [name: string, hidden: string, query: string, variables?: Record<string, unknown>][] = [
  ['field', '"version"', '{ versio }'],
  ['nested field', '"node', '{ search(query: "x") { nod } }'],
  ['argument', '"kinds"', '{ search(query: "x", kind: [PROJECT]) { __typename } }'],
  ['enum literal', '"PROJECT"', '{ search(query: "x", kinds: [PROJEC]) { __typename } }'],
  [
    'enum variable',
    '"PROJECT"',
    'query($k: [NodeKind!]) { search(query: "x", kinds: $k) { __typename } }',
    { k: ['PROJEC'] },
  ],
  ['type', '"NodeKind"', 'query($k: NodeKnd) { version }'],
  ['fragment type', '"SearchHit"', 'fragment f on SearchHt { __typename } { version ...f }'],
];

describe('error messages with introspection off', () => {
  let server: Awaited<ReturnType<typeof startHttpApi>>;
  beforeAll(async () => {
    server = await startHttpApi({ GRAPHQL_INTROSPECTION: 'false' });
  });
  afterAll(() => server?.api.stop());

  test.each(TYPOS)(
    'a %s typo gets a 400 that suggests nothing and leaves no stray "?"',
    async (_, hidden, query, variables) => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      expect(res.status).toBe(400);
      const { errors } = (await res.json()) as { errors: { message: string }[] };
      expect(errors.length).toBeGreaterThan(0);
      for (const { message } of errors) {
        expect(message).not.toMatch(/did you mean|suggestion/i);
        expect(message).not.toMatch(/\?\s*$/);
        expect(message).not.toContain(hidden);
      }
    },
  );
});

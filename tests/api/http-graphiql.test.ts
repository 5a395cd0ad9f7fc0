import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHttpApi } from '../support/http-api.ts';

// Issue 16: opening /graphql in a browser, the URL the README gives, showed a CSRF error.
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8';
const PAGE = '<!doctype html><title>plangraph · GraphQL IDE</title><script src="graphiql-ABCDEF12.js"></script>';

describe('GET /graphql', () => {
  let server: Awaited<ReturnType<typeof startHttpApi>>;
  beforeAll(async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'explorer-'));
    writeFileSync(path.join(root, 'graphiql.html'), PAGE);
    server = await startHttpApi({}, { staticRoot: root });
  });
  afterAll(() => server?.api.stop());

  test("from a browser's address bar it serves the offline GraphiQL page, not a CSRF error", async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(PAGE);
  });

  test('a GraphQL client over GET (preflight header or JSON content type) still gets its answer', async () => {
    const query = `${server.url}/graphql?query=${encodeURIComponent('{ version }')}`;
    for (const headers of <Record<string, string>[]>[
      { 'apollo-require-preflight': 'true' },
      { 'apollo-require-preflight': 'true', accept: BROWSER_ACCEPT },
      { 'content-type': 'application/json', accept: BROWSER_ACCEPT },
    ]) {
      const res = await fetch(query, { headers });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data: { version: string } }).data.version).toBeTruthy();
    }
  });

  test('a GET that asks for JSON without the preflight header is still refused by CSRF prevention', async () => {
    for (const accept of ['application/json', '*/*']) {
      const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ version }')}`, {
        headers: { accept },
      });
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/CSRF/);
    }
  });
});

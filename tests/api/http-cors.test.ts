import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { startHttpApi } from '../support/http-api.ts';

// Issue 16, CORS: pages of the CORS_ORIGINS origins may call the API; none by default.
const FRONT = 'http://front.example:8080';
const preflight = (url: string, origin: string) =>
  fetch(`${url}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,apollo-require-preflight',
    },
  });
const post = (url: string, origin: string) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ version }' }),
  });

describe('CORS_ORIGINS', () => {
  let listed: Awaited<ReturnType<typeof startHttpApi>>;
  let any: Awaited<ReturnType<typeof startHttpApi>>;
  let none: Awaited<ReturnType<typeof startHttpApi>>;
  beforeAll(async () => {
    listed = await startHttpApi({ CORS_ORIGINS: `${FRONT}, https://other.example` });
    any = await startHttpApi({ CORS_ORIGINS: '*' });
    none = await startHttpApi();
  });
  afterAll(async () => {
    await Promise.all([listed, any, none].map((s) => s?.api.stop()));
  });

  test('a listed origin gets its preflight answered 204 with the GraphQL headers, and no credentials', async () => {
    const res = await preflight(listed.url, FRONT);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(FRONT);
    const allowed = res.headers.get('access-control-allow-headers')!.split(',');
    expect(allowed).toEqual(expect.arrayContaining(['content-type', 'apollo-require-preflight']));
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const answer = await post(listed.url, FRONT);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(FRONT);
    expect(answer.headers.get('vary')).toMatch(/origin/i);
    expect(((await answer.json()) as { data: { version: string } }).data.version).toBeTruthy();
  });

  test('an origin not listed gets no allow-origin, so its browser keeps the answer from the page', async () => {
    for (const origin of ['http://evil.example', 'http://front.example:8081', 'https://front.example:8080']) {
      expect((await preflight(listed.url, origin)).headers.get('access-control-allow-origin')).toBeNull();
      expect((await post(listed.url, origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  test('* allows every origin, never with credentials', async () => {
    const res = await preflight(any.url, 'http://anywhere.example');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  test('by default no origin is allowed (same origin only)', async () => {
    expect((await preflight(none.url, FRONT)).headers.get('access-control-allow-origin')).toBeNull();
    expect((await post(none.url, FRONT)).headers.get('access-control-allow-origin')).toBeNull();
  });

  test("CSRF prevention stays on: a listed origin's simple GET without the preflight header is refused", async () => {
    const res = await fetch(`${listed.url}/graphql?query=${encodeURIComponent('{ version }')}`, {
      headers: { origin: FRONT, accept: 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/);
  });

  test('a value that is not an origin is a CONFIG error naming it', () => {
    for (const bad of ['front.example', 'http://front.example/', 'http://front.example/app', 'ftp://x.example']) {
      expect(() => loadConfig({ CORS_ORIGINS: `${FRONT},${bad}` })).toThrowError(
        expect.objectContaining({ code: 'CONFIG', message: expect.stringContaining(`CORS_ORIGINS: "${bad}"`) }),
      );
    }
    expect(loadConfig({ CORS_ORIGINS: ` ${FRONT} ,https://b.example` }).CORS_ORIGINS).toEqual([
      FRONT,
      'https://b.example',
    ]);
    expect(loadConfig({}).CORS_ORIGINS).toEqual([]);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPersistedOperations, sha256 } from '../../src/api/persisted-operations.ts';
import { startHttpApi } from '../support/http-api.ts';

// Issue 16: a persisted-operations allow-list, for deployments that want one. The manifest is in
// the format of graphql-codegen client-preset's persisted-documents.json.
const VERSION = 'query Version { version }';
const OTHER = '{ version }';
const dir = mkdtempSync(path.join(os.tmpdir(), 'persisted-'));
const manifest = path.join(dir, 'persisted-documents.json');
writeFileSync(manifest, JSON.stringify({ [sha256(VERSION)]: VERSION }));

type Answer = { status: number; body: { data?: { version: string }; errors?: { extensions: { code: string } }[] } };

describe('PERSISTED_OPERATIONS', () => {
  let locked: Awaited<ReturnType<typeof startHttpApi>>;
  let open: Awaited<ReturnType<typeof startHttpApi>>;
  const post = async (url: string, body: unknown): Promise<Answer> => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  };
  const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
  const refused = { status: 400, body: { errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } }] } };

  beforeAll(async () => {
    locked = await startHttpApi({ PERSISTED_OPERATIONS: manifest });
    open = await startHttpApi();
  });
  afterAll(async () => {
    await Promise.all([locked?.api.stop(), open?.api.stop()]);
  });

  test('an operation of the manifest runs: by its hash alone, over POST or GET, or by its text', async () => {
    const hash = sha256(VERSION);
    expect(await post(locked.url, byHash(hash))).toMatchObject({
      status: 200,
      body: { data: { version: expect.any(String) } },
    });
    expect(await post(locked.url, { query: VERSION, ...byHash(hash) })).toMatchObject({ status: 200 });
    expect(await post(locked.url, { query: VERSION })).toMatchObject({ status: 200 });
    const get = await fetch(
      `${locked.url}/graphql?extensions=${encodeURIComponent(JSON.stringify(byHash(hash).extensions))}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    expect(get.status).toBe(200);
    expect(((await get.json()) as Answer['body']).data?.version).toBeTruthy();
  });

  test('anything else is a 400 PERSISTED_QUERY_NOT_ALLOWED', async () => {
    for (const body of [
      { query: OTHER },
      { query: `${VERSION} ` },
      byHash(sha256(OTHER)),
      { query: OTHER, ...byHash(sha256(VERSION)) },
      { query: OTHER, ...byHash(sha256(OTHER)) },
      {},
      [{ query: VERSION }],
      { query: 42 },
    ])
      expect(await post(locked.url, body)).toMatchObject(refused);
    const get = await fetch(`${locked.url}/graphql?query=${encodeURIComponent(OTHER)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    expect(await get.json()).toMatchObject(refused.body);
  });

  test('off by default: any query runs', async () => {
    expect(await post(open.url, { query: OTHER })).toMatchObject({ status: 200 });
  });

  test('a manifest that is not one, or whose hashes do not match, is a CONFIG error naming the file', () => {
    const bad = path.join(dir, 'bad.json');
    for (const text of ['not json', '[]', '{}', JSON.stringify({ [sha256(OTHER)]: VERSION })]) {
      writeFileSync(bad, text);
      expect(() => loadPersistedOperations(bad)).toThrowError(
        expect.objectContaining({ code: 'CONFIG', message: expect.stringContaining(`PERSISTED_OPERATIONS: ${bad}`) }),
      );
    }
    expect(() => loadPersistedOperations(path.join(dir, 'missing.json'))).toThrowError(/PERSISTED_OPERATIONS/);
  });
});

/// <reference lib="dom" />
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { LEGACY_PASSWORD } from '../../src/config/local-password.ts';
import { loadReportGraph } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { launchChromium } from '../support/chromium.ts';
import { extractSeed } from '../support/graphs.ts';
import { wipeData } from '../support/wipe.ts';

// Issue 16 (a front end on another origin draws a neighbourhood from the API) and issue 18 item 4
// (a page on another origin must not reach the local Neo4j), in Debian's headless Chromium.
const NEIGHBORHOOD = 'query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 60) { nodes { id } edges { id } } }';

// The front end: reads ?api= and ?id=, fetches the neighbourhood, writes its counts into the DOM.
const FRONT_PAGE = `<!doctype html><meta charset="utf-8"><title>front</title><p id="result">loading</p>
<script type="module">
const params = new URLSearchParams(location.search);
const out = document.getElementById('result');
try {
  const res = await fetch(params.get('api'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: ${JSON.stringify(NEIGHBORHOOD)}, variables: { id: params.get('id') } }),
  });
  const { data } = await res.json();
  out.textContent = 'nodes ' + data.neighborhood.nodes.length + ' edges ' + data.neighborhood.edges.length;
} catch (error) {
  out.textContent = 'failed: ' + error.name;
}
</script>`;

// A hostile page: Cypher to the local Neo4j over its HTTP port, and over Bolt's WebSocket with
// the neo4j-driver browser build (the old default password, and no password).
const NEO4J_PAGE = `<!doctype html><meta charset="utf-8"><title>evil</title><script src="/neo4j-web.min.js"></script>
<script type="module">
const params = new URLSearchParams(location.search);
const results = {};
try {
  const res = await fetch('http://127.0.0.1:' + params.get('http') + '/db/neo4j/tx/commit', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Basic ' + btoa('neo4j:${LEGACY_PASSWORD}') },
    body: JSON.stringify({ statements: [{ statement: 'CREATE (:Pwned)' }] }),
  });
  results.http = 'answered ' + res.status;
} catch (error) {
  results.http = 'failed: ' + error.name;
}
for (const [name, auth] of [['legacy', neo4j.auth.basic('neo4j', '${LEGACY_PASSWORD}')], ['none', neo4j.auth.basic('neo4j', '')]]) {
  const driver = neo4j.driver('bolt://127.0.0.1:' + params.get('bolt'), auth, { connectionTimeout: 5000 });
  try {
    await driver.executeQuery('CREATE (:Pwned) RETURN 1');
    results[name] = 'ran';
  } catch (error) {
    results[name] = String(error.code ?? error.name) + ': ' + String(error.message).slice(0, 200);
  } finally {
    await driver.close();
  }
}
window.results = results;
</script>`;

const NEO4J_WEB = readFileSync(createRequire(import.meta.url).resolve('neo4j-driver/lib/browser/neo4j-web.min.js'));

/** A static server for the pages, on a port of its own: another origin than the API's. */
async function startOrigin(): Promise<{ origin: string; server: http.Server }> {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/neo4j-web.min.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(NEO4J_WEB);
    else if (path === '/neo4j.html') res.writeHead(200, { 'content-type': 'text/html' }).end(NEO4J_PAGE);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(FRONT_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

declare global {
  interface Window {
    results?: Record<string, string>;
  }
}

describe('pages on other origins, in a real browser', () => {
  let allowed: Awaited<ReturnType<typeof startOrigin>>;
  let other: Awaited<ReturnType<typeof startOrigin>>;
  let api: TestApi;
  let browser: Browser;
  const seed = extractSeed();
  const id = seed.places[0]!.id;

  beforeAll(async () => {
    allowed = await startOrigin();
    other = await startOrigin();
    api = await startTestApi({ CORS_ORIGINS: allowed.origin });
    await migrate(api.store.executor);
    await wipeData(api.store.executor);
    await loadReportGraph(api.store.executor, seed);
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    for (const o of [allowed, other]) await new Promise((resolve) => o?.server.close(resolve));
  });

  const openFront = async (origin: string) => {
    const page = await browser.newPage();
    await page.goto(`${origin}/?api=${encodeURIComponent(`${api.url}/graphql`)}&id=${encodeURIComponent(id)}`);
    await page.waitForFunction(() => document.getElementById('result')?.textContent !== 'loading');
    const text = await page.textContent('#result');
    await page.close();
    return text;
  };

  test('a page of an origin in CORS_ORIGINS draws a neighbourhood from the API', async () => {
    const { body } = await api.gql<{ neighborhood: { nodes: unknown[]; edges: unknown[] } }>(NEIGHBORHOOD, { id });
    const { nodes, edges } = body.data!.neighborhood;
    expect(nodes.length).toBeGreaterThan(1);
    expect(await openFront(allowed.origin)).toBe(`nodes ${nodes.length} edges ${edges.length}`);
  });

  test('the same page on an origin not in CORS_ORIGINS cannot read the answer', async () => {
    expect(await openFront(other.origin)).toBe('failed: TypeError');
  });

  test('a page on another origin cannot reach the local Neo4j: no HTTP port, and Bolt wants the password', async () => {
    const config = loadConfig();
    const page = await browser.newPage();
    await page.goto(`${other.origin}/neo4j.html?http=${config.NEO4J_HTTP_PORT}&bolt=${config.NEO4J_BOLT_PORT}`);
    await page.waitForFunction(() => window.results !== undefined, undefined, { timeout: 30_000 });
    const results = (await page.evaluate(() => window.results))!;
    await page.close();
    expect(results.http).toBe('failed: TypeError');
    // The WebSocket reached Bolt (the answer is an authentication refusal, not a network error).
    expect(results.legacy).toMatch(/Unauthorized|authentication/i);
    expect(results.none).toMatch(/Unauthorized|authentication/i);
    expect(await api.store.executor.read({ text: 'MATCH (n:Pwned) RETURN count(n) AS n' })).toEqual([{ n: 0 }]);
  });
});

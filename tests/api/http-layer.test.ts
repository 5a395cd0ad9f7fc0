import { mkdtempSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApolloServer } from '../../src/api/apollo.ts';
import { createHttpServer } from '../../src/api/http-server.ts';
import { createLogger, lineDestination } from '../../src/api/logger.ts';
import { createApiMetrics } from '../../src/api/metrics.ts';
import { loadConfig } from '../../src/config/env.ts';
import type { Executor } from '../../src/store/executor.ts';
import { instrumentExecutor } from '../../src/store/metrics.ts';

// The HTTP layer alone: a real Apollo Server and express app over an executor that answers the
// readiness probe, and an explorer build made of a few files in a temporary directory.
const executor: Executor = instrumentExecutor(
  {
    read: async () => {
      await new Promise((resolve) => setTimeout(resolve, readDelayMs));
      return [{ ok: 1 }];
    },
    write: async () => [],
    transaction: () => Promise.reject(new Error('read-only')),
  },
  100,
);
let readDelayMs = 0;
const SCRIPT = `console.log(${JSON.stringify('探索'.repeat(2000))});\n`;

describe('the HTTP layer', () => {
  let server: http.Server;
  let url: string;
  const lines: Record<string, unknown>[] = [];
  const apollo = createApolloServer({ introspection: true, logger: createLogger('silent') });

  beforeAll(async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'explorer-'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><script src="app-ABCDEF12.js"></script>');
    writeFileSync(path.join(root, 'app-ABCDEF12.js'), SCRIPT);
    await apollo.start();
    const logger = createLogger(
      'info',
      lineDestination((line) => lines.push(JSON.parse(line))),
    );
    server = createHttpServer({
      apollo,
      executor,
      config: loadConfig({}),
      logger,
      metrics: createApiMetrics(),
      staticRoot: root,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await apollo.stop();
  });

  /** One raw HTTP/1.1 exchange, so request targets no URL class accepts can be sent as they are. */
  const raw = (target: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
      let answer = '';
      socket.on('data', (d) => (answer += d.toString()));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
      socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    });

  test('request targets no URL parser accepts are a 400, and the server keeps answering', async () => {
    for (const target of ['//[', 'http://[', 'http://a:b:c/', '/graphql?%']) {
      const answer = await raw(target);
      expect(answer.split('\r\n')[0], target).toMatch(/^HTTP\/1.1 (400|404)/);
    }
    expect((await raw('//[')).split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  test('explorer files come gzip- or brotli-compressed, with an ETag that answers 304', async () => {
    const gz = await fetch(`${url}/app-ABCDEF12.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.status).toBe(200);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // fetch decodes the body itself; the byte count proves the wire form was smaller.
    expect(await gz.text()).toBe(SCRIPT);
    const etag = gz.headers.get('etag');
    expect(etag).toBeTruthy();
    // fetch would add `cache-control: no-cache` to a conditional request, which rules out a 304.
    const again = await rawBytes('/app-ABCDEF12.js', 'gzip', { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);

    const br = await rawBytes('/app-ABCDEF12.js', 'br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    const gzipped = await rawBytes('/app-ABCDEF12.js', 'gzip');
    expect(gzipped.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);
    expect(gunzipSync(gzipped.body).toString()).toBe(SCRIPT);
  });

  test('a client that accepts no encoding gets the bytes as they are, and the answer still varies by encoding', async () => {
    const plain = await rawBytes('/app-ABCDEF12.js', '');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
  });

  test('index.html is revalidated on every load', async () => {
    const index = await fetch(`${url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    const etag = index.headers.get('etag')!;
    expect((await rawBytes('/', 'identity', { 'if-none-match': etag })).status).toBe(304);
    expect((await fetch(`${url}/../etc/passwd`)).status).toBe(404);
  });

  test('GraphQL answers carry no-store, their length and a request id; one log line each', async () => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'identity' },
      body: JSON.stringify({ query: 'query Version { version }', operationName: 'Version' }),
    });
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    const requestId = res.headers.get('x-request-id');
    const line = lines.find((l) => l.requestId === requestId);
    expect(line).toMatchObject({
      msg: 'request',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operationName: 'Version',
    });
    expect(typeof line?.durationMs).toBe('number');
  });

  test('a text/plain POST is refused by CSRF prevention, a big body is 413, bad JSON 400', async () => {
    const plain = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{ version }',
    });
    expect(plain.status).toBe(400);
    const big = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ version }', pad: 'x'.repeat(70_000) }),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const bad = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(bad.status).toBe(400);
  });

  test('/metrics is Prometheus text: requests by operation and code, latency histograms, Neo4j pool', async () => {
    for (let i = 0; i < 3; i++)
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query Counted { version }', operationName: 'Counted' }),
      });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const res = await fetch(`${url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0.0.4/);
    const text = await res.text();
    const families = parsePrometheusTextFormat(text);
    const byName = new Map(families.map((f) => [f.name, f]));
    const requests = byName.get('plangraph_http_requests_total');
    expect(requests?.type).toBe('COUNTER');
    const counted = requests?.metrics.find((m) => m.labels?.operation === 'Counted');
    expect(counted).toMatchObject({ labels: { route: '/graphql', code: '200' }, value: '3' });
    const latency = byName.get('plangraph_http_request_duration_seconds');
    expect(latency?.type).toBe('HISTOGRAM');
    expect(Object.keys(latency?.metrics[0]?.buckets ?? {})).toContain('+Inf');
    // The parser merges a histogram's labelled series into one; the per-operation count is read
    // from its _count line.
    expect(text).toMatch(/^plangraph_http_request_duration_seconds_count\{[^}]*operation="Counted"[^}]*\} 3$/m);
    // The readiness probe borrowed a connection for one read and gave it back.
    expect(byName.get('plangraph_neo4j_connections_in_use')?.metrics).toContainEqual({
      labels: { mode: 'read' },
      value: '0',
    });
    expect(byName.get('plangraph_neo4j_pool_max_size')?.metrics).toEqual([{ value: '100' }]);
    expect(byName.get('plangraph_neo4j_query_duration_seconds')?.type).toBe('HISTOGRAM');
  });

  test('a client that goes away aborts its request signal, and the log line says so', async () => {
    readDelayMs = 300;
    const controller = new AbortController();
    const pending = fetch(`${url}/readyz`, { signal: controller.signal }).catch(() => 'aborted');
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toBe('aborted');
    await new Promise((resolve) => setTimeout(resolve, 400));
    readDelayMs = 0;
    expect(lines.filter((l) => l.path === '/readyz').at(-1)).toMatchObject({ aborted: true });
  });

  /** A GET whose body is kept as the bytes on the wire (fetch would decode it). */
  function rawBytes(target: string, encoding: string, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      import('node:http').then(({ get }) =>
        get(`${url}${target}`, { headers: { 'accept-encoding': encoding, ...headers } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        }).on('error', reject),
      );
    });
  }
});

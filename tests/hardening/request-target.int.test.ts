import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServeProcess, type ServeProcess } from '../support/serve-process.ts';

/** A small seeded generator (mulberry32): the same run every time, any failure reproducible. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}

/** Sends raw bytes on a fresh socket; resolves with whatever came back before the server closed. */
function sendRaw(port: number, request: Buffer, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('end', done);
    socket.on('close', done);
    socket.on('error', done);
    socket.write(request);
  });
}

const statusOf = (answer: string) => /^HTTP\/1\.[01] (\d{3}) /.exec(answer)?.[1];

const METHODS = [
  'GET',
  'POST',
  'HEAD',
  'OPTIONS',
  'PUT',
  'DELETE',
  'PATCH',
  'TRACE',
  'CONNECT',
  'PROPFIND',
  'get',
  'G%T',
  'X',
];
const PREFIXES = [
  '/',
  '//',
  '///',
  'http://',
  'https://',
  'HTTP://',
  '*',
  '',
  '/graphql',
  '/graphql?',
  '/readyz',
  '/healthz',
  '/assets/',
  '/..',
  'http://a:b:c/',
  '//[',
  'http://[',
  'mailto:',
  'file://',
  '\\\\',
  '%',
  '/%ff',
  '/%',
];
const PIECES = [
  '[',
  ']',
  '@',
  ':',
  '%',
  '%ff',
  '%00',
  '%2e%2e/',
  '%zz',
  '/',
  '//',
  '?',
  '#',
  '\\',
  '..',
  '&',
  '=',
  'query={version}',
  'a',
  'ü',
  '中',
  '\u0000',
  '\t',
  ' ',
  '\u007f',
  '\uff0f',
  '::1',
  '0x7f',
  '65536',
  ':99999',
  'user:pw@',
  '[::1]',
  '[v1.x]',
];
const HEADER_NAMES = [
  'host',
  'content-type',
  'accept',
  'origin',
  'x-apollo-operation-name',
  'apollo-require-preflight',
  'cookie',
  'accept-encoding',
  'upgrade',
  'connection',
  'expect',
  'x-forwarded-for',
  'X-Ä',
  'bad header',
  '',
];
const HEADER_VALUES = [
  '',
  'application/json',
  'text/plain',
  '*/*',
  'null',
  'http://evil.example',
  'websocket',
  'upgrade',
  '100-continue',
  '[',
  '中文',
  'a'.repeat(300),
  '\u0000',
  'gzip, br',
  'keep-alive',
];

/** One random request: method, target, version, headers, and (for POSTs) a framed body. */
function randomRequest(seed: number): Buffer {
  const r = random(seed);
  let target = r.pick(PREFIXES);
  for (let i = r.int(6); i > 0; i--) target += r.pick(PIECES);
  const version = r.pick(['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 ', 'http/1.1']);
  const method = r.pick(METHODS);
  const headers: string[] = [`Host: ${r.pick(['127.0.0.1', 'localhost', '[', 'a:b:c', ''])}`];
  for (let i = r.int(4); i > 0; i--) headers.push(`${r.pick(HEADER_NAMES)}: ${r.pick(HEADER_VALUES)}`);
  headers.push('Connection: close');
  let body = '';
  if (method === 'POST' && r.int(2) === 0) {
    body = r.pick([
      '{"query":"{ version }"}',
      '{"query":',
      '[]',
      'null',
      '{"query":"mutation { x }"}',
      'query={version}',
      '中',
    ]);
  }
  headers.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return Buffer.from(`${method} ${target} ${version}\r\n${headers.join('\r\n')}\r\n\r\n${body}`, 'utf8');
}

// Issue 18, item 1: one request target (`//[`) threw outside the request handler's try and
// ended the API process. Every request line, whatever its target, method or headers, must get an
// HTTP answer, and the real `plangraph serve` process must never exit.
describe('raw request lines against a served API', () => {
  let serve: ServeProcess;
  beforeAll(async () => {
    serve = await startServeProcess({ LOG_LEVEL: 'silent' });
  }, 60_000);
  afterAll(() => serve?.stop());

  test.each([
    ['GET //[ HTTP/1.1'],
    ['GET http://[ HTTP/1.1'],
    ['GET http://a:b:c/ HTTP/1.1'],
    ['GET /%ff HTTP/1.1'],
    ['GET //[/graphql?query={version} HTTP/1.1'],
  ])('%s gets 400 with a client code, and the process lives on', async (line) => {
    const answer = await sendRaw(serve.port, Buffer.from(`${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    expect(statusOf(answer), answer).toBe('400');
    expect(answer).toMatch(/"code":"BAD_REQUEST"/);
    expect(serve.child.exitCode).toBeNull();
    expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
  });

  test('10,000 random request lines: every one gets an HTTP answer, none ends the process', async () => {
    const runs = Number(process.env.REQUEST_FUZZ_RUNS ?? 10_000);
    const statuses = new Map<string, number>();
    const unanswered: string[] = [];
    let next = 1;
    const worker = async () => {
      while (next <= runs && serve.child.exitCode === null) {
        const seed = next++;
        const request = randomRequest(seed);
        const status = statusOf(await sendRaw(serve.port, request));
        if (status === undefined)
          unanswered.push(`seed ${seed}: ${JSON.stringify(request.toString('latin1').slice(0, 200))}`);
        statuses.set(status ?? 'none', (statuses.get(status ?? 'none') ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    if (process.env.PLANGRAPH_REPORT)
      console.log(`request lines: ${runs}, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(serve.child.exitCode, serve.stderr().slice(-2000)).toBeNull();
    expect(unanswered.slice(0, 10)).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(runs);
    // No request target may reach an internal error either.
    expect(statuses.get('500') ?? 0).toBe(0);
    expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
  }, 300_000);
});

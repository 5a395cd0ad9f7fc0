import net from 'node:net';

// Raw HTTP/1.x request lines for fuzzing a served API (tests/hardening/request-target.int.test.ts,
// npm run soak -- --hostile).

/** A small seeded generator (mulberry32): the same run every time, any failure reproducible. */
export function random(seed: number) {
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
export function sendRaw(port: number, request: Buffer, timeoutMs = 10_000): Promise<string> {
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

export const statusOf = (answer: string) => /^HTTP\/1\.[01] (\d{3}) /.exec(answer)?.[1];

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
export function randomRequest(seed: number): Buffer {
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

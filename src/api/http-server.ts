import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Config } from '#config/env.ts';
import { redactUri } from '#config/redact-uri.ts';
import type { Executor } from '#store/executor.ts';
import type { ApiContext } from './context.ts';
import type { Logger } from './logger.ts';
import { LIMITS } from './protection.ts';
import { createRequestContext } from './request-context.ts';
import { serveStatic } from './static-files.ts';

export interface HttpDeps {
  apollo: ApolloServer<ApiContext>;
  executor: Executor;
  config: Config;
  logger: Logger;
  maxBodyBytes?: number;
  /** How long /readyz waits for Neo4j before saying 503. */
  readyTimeoutMs?: number;
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) {
      reject(new BodyTooLarge());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

const errorBody = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

/** True when Neo4j answers a trivial query within the timeout. */
async function isReady(executor: Executor, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = executor.read({ text: 'RETURN 1 AS ok' }).then(
    () => true,
    () => false,
  );
  const ready = await Promise.race([probe, timeout]);
  clearTimeout(timer);
  return ready;
}

async function handleGraphql(
  deps: HttpDeps,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  requestId: string,
) {
  let body: unknown = undefined;
  if (req.method === 'POST') {
    const raw = await readBody(req, deps.maxBodyBytes ?? LIMITS.maxBodyBytes);
    if ((req.headers['content-type'] ?? '').includes('application/json')) {
      try {
        body = raw.length > 0 ? JSON.parse(raw) : {};
      } catch {
        sendJson(res, 400, errorBody('the request body is not valid JSON', 'BAD_REQUEST'));
        return null;
      }
    } else body = raw;
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  // Issue 18: a client that disconnects cancels its request's Neo4j work. (Port note: one
  // AbortController per request, aborted on the response's 'close' before it finished.)
  const clientGone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) clientGone.abort();
  });
  const response = await deps.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: async () => createRequestContext(deps.executor, deps.config, requestId, clientGone.signal),
  });
  // Answers come from a graph that re-ingest can change: no shared cache may keep them (Apollo's
  // cache-control plugin, which would compute per-field hints, is off; see apollo.ts).
  const outHeaders: Record<string, string> = { 'x-request-id': requestId, 'cache-control': 'no-store' };
  for (const [key, value] of response.headers) outHeaders[key] = value;
  // A complete body has a known length: no chunked framing for the client to undo.
  if (response.body.kind === 'complete') outHeaders['content-length'] = String(Buffer.byteLength(response.body.string));
  res.writeHead(response.status ?? 200, outHeaders);
  if (response.body.kind === 'complete') res.end(response.body.string);
  else {
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
  const operationName =
    body && typeof body === 'object' && 'operationName' in body
      ? (body as { operationName?: unknown }).operationName
      : url.searchParams.get('operationName');
  return typeof operationName === 'string' ? operationName : null;
}

/**
 * The request target as a URL, or null when it cannot be parsed. `new URL` throws on targets
 * such as `//[` (read as a protocol-relative authority), and a throw here would escape the
 * request handler and end the process. A path whose percent-escapes do not decode (`/%ff`) is
 * refused here too (issue 18): decoding it later, for a static file, threw a 500.
 */
function parseRequestTarget(target: string | undefined): URL | null {
  try {
    const url = new URL(target ?? '/', 'http://localhost');
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return null;
  }
}

/**
 * CONNECT requests never reach the request handler: without a 'connect' listener Node drops the
 * socket unanswered. Issue 18: every request gets an answer, so this one gets a 405.
 * (Port note: any HTTP framework on node:http needs the same listener on its server.)
 */
function refuseConnect(server: http.Server): http.Server {
  server.on('connect', (_req: http.IncomingMessage, socket: Duplex) => {
    const text = JSON.stringify(errorBody('CONNECT is not supported', 'METHOD_NOT_ALLOWED'));
    socket.on('error', () => undefined);
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\ncontent-type: application/json; charset=utf-8\r\nconnection: close\r\ncontent-length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
    );
  });
  return server;
}

/**
 * The HTTP server (not listening yet): POST/GET /graphql, /healthz (liveness), /readyz (503
 * while Neo4j is unreachable), and the explorer's static files. One log line per request.
 */
export function createHttpServer(deps: HttpDeps): http.Server {
  const server = http.createServer(async (req, res) => {
    const started = performance.now();
    const requestId = randomUUID();
    const url = parseRequestTarget(req.url);
    let operationName: string | null = null;
    try {
      if (url === null) {
        // `//[`, `http://[`, `http://a:b:c/`, `/%ff`: a target no URL parser accepts is the client's fault.
        sendJson(res, 400, errorBody('the request target is not a valid URL path', 'BAD_REQUEST'));
        return;
      }
      if (url.pathname === '/healthz') sendJson(res, 200, { status: 'ok' });
      else if (url.pathname === '/readyz') {
        const ready = await isReady(deps.executor, deps.readyTimeoutMs ?? 2000);
        // Issue 18: the URI without its password (port note: keep redactUri).
        sendJson(res, ready ? 200 : 503, {
          status: ready ? 'ready' : 'unavailable',
          neo4j: redactUri(deps.config.uri),
        });
      } else if (url.pathname === '/graphql') operationName = await handleGraphql(deps, req, res, url, requestId);
      else if (!(await serveStatic(req, res, url)))
        sendJson(res, 404, errorBody(`no such path: ${url.pathname}`, 'NOT_FOUND'));
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendJson(
          res,
          413,
          errorBody(
            `the request body is larger than ${deps.maxBodyBytes ?? LIMITS.maxBodyBytes} bytes`,
            'PAYLOAD_TOO_LARGE',
          ),
        );
      } else {
        deps.logger.error('request failed', { requestId, stack: error instanceof Error ? error.stack : String(error) });
        if (!res.headersSent) sendJson(res, 500, errorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
        else res.end();
      }
    } finally {
      deps.logger.info('request', {
        requestId,
        method: req.method,
        path: url?.pathname ?? String(req.url).slice(0, 200),
        status: res.statusCode,
        operationName,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      });
    }
  });
  return refuseConnect(server);
}

import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import type { Config } from '#config/env.ts';
import { redactUri } from '#config/redact-uri.ts';
import type { Executor } from '#store/executor.ts';
import type { ApiContext } from './context.ts';
import { createCors } from './cors.ts';
import type { Logger } from './logger.ts';
import type { ApiMetrics } from './metrics.ts';
import { allowListOnly, type PersistedOperations } from './persisted-operations.ts';
import { LIMITS } from './protection.ts';
import { createRequestContext } from './request-context.ts';
import { createStaticFiles, EXPLORER_DIR } from './static-files.ts';

export interface HttpDeps {
  apollo: ApolloServer<ApiContext>;
  executor: Executor;
  config: Config;
  logger: Logger;
  metrics?: ApiMetrics;
  maxBodyBytes?: number;
  /** How long /readyz waits for Neo4j before saying 503. */
  readyTimeoutMs?: number;
  /** PERSISTED_OPERATIONS: when given, /graphql runs only these operations. */
  persistedOperations?: PersistedOperations;
  /** The explorer build to serve at / (tests point it elsewhere). */
  staticRoot?: string;
}

/** What the first middleware attaches to every request (res.locals). */
interface RequestState {
  requestId: string;
  started: number;
  /** Aborted when the client goes away before the answer is complete. */
  signal: AbortSignal;
  operationName: string | null;
}

const state = (res: Response) => res.locals as RequestState;

const errorBody = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

function sendError(res: Response, status: number, message: string, code: string): void {
  res.status(status).set('cache-control', 'no-store').json(errorBody(message, code));
}

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

/** Targets that parsed lately: nearly every request asks /graphql, and the server and the app both check. */
const CHECKED_TARGETS = new Set<string>();

/**
 * True when the request target parses as a URL. `new URL` (and url.parse, which the router and
 * Apollo's integration use) throws on targets such as `http://[`; checked first so such a target
 * is a 400 and never reaches code that would throw.
 */
function isParsableTarget(target: string): boolean {
  if (CHECKED_TARGETS.has(target)) return true;
  try {
    // A path whose percent-escapes do not decode (`/%ff`) is refused too: decoding it later, for
    // a static file, threw a 500.
    decodeURIComponent(new URL(target, 'http://localhost').pathname);
    if (target.length <= 256) {
      if (CHECKED_TARGETS.size >= 256) CHECKED_TARGETS.clear();
      CHECKED_TARGETS.add(target);
    }
    return true;
  } catch {
    return false;
  }
}

function operationNameOf(req: Request): string | null {
  const body: unknown = req.body;
  const name =
    body && typeof body === 'object' && 'operationName' in body ? body.operationName : req.query.operationName;
  return typeof name === 'string' ? name : null;
}

/** Request id, abort signal, and one log line (plus metrics) when the answer is done. */
function trackRequests(deps: HttpDeps): RequestHandler {
  return (req, res, next) => {
    const controller = new AbortController();
    const s: RequestState = {
      requestId: randomUUID(),
      started: performance.now(),
      signal: controller.signal,
      operationName: null,
    };
    Object.assign(res.locals, s);
    const parsable = isParsableTarget(req.originalUrl);
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(new Error('the client closed the connection'));
      const durationMs = Math.round((performance.now() - s.started) * 10) / 10;
      const { operationName } = state(res);
      deps.logger.info(
        {
          requestId: s.requestId,
          method: req.method,
          path: parsable ? req.path : req.originalUrl.slice(0, 200),
          status: res.statusCode,
          operationName,
          durationMs,
          aborted: controller.signal.aborted || undefined,
        },
        'request',
      );
      // A route's pattern, never the raw path: static files and unknown paths are one series each.
      const route =
        (req.route as { path?: string } | undefined)?.path ?? (res.statusCode === 404 ? 'unmatched' : 'static');
      deps.metrics?.observeRequest(route, operationName, res.statusCode, durationMs / 1000);
    });
    if (!parsable) {
      sendError(res, 400, 'the request target is not a valid URL path', 'BAD_REQUEST');
      return;
    }
    next();
  };
}

/**
 * The compression middleware, for requests that accept an encoding: one without
 * Accept-Encoding can only get identity, and compression's per-response work (wrapping the
 * writes, negotiating at the headers) is about 40–90 µs of a nested query's answer. The answer
 * still says it varies by Accept-Encoding, as compression would say, so a cache keeps the two apart.
 */
function compressionWhenAccepted(): RequestHandler {
  const compress = compression();
  return (req, res, next) => {
    if (req.headers['accept-encoding']) {
      compress(req, res, next);
      return;
    }
    res.vary('Accept-Encoding');
    next();
  };
}

/**
 * A browser opening /graphql (a GET that prefers HTML, with no GraphQL client's headers) gets the
 * offline GraphiQL page of the explorer build, not Apollo's CSRF refusal. Clients that send
 * `apollo-require-preflight` or a JSON content type, or ask for JSON, reach Apollo as before.
 */
function graphiqlOnBrowserGet(deps: HttpDeps): RequestHandler {
  return (req, res, next) => {
    // A POST is never the browser's page load; it skips the content negotiation below.
    if (req.method !== 'GET') {
      next();
      return;
    }
    const isClient =
      req.get('apollo-require-preflight') !== undefined ||
      req.get('x-apollo-operation-name') !== undefined ||
      /json/i.test(req.get('content-type') ?? '');
    const prefersHtml =
      req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
    if (isClient || !prefersHtml) {
      next();
      return;
    }
    res.set('cache-control', 'no-cache').set('x-content-type-options', 'nosniff');
    res.sendFile('graphiql.html', { root: deps.staticRoot ?? EXPLORER_DIR }, (error?: Error) => {
      if (error && !res.headersSent)
        sendError(res, 404, 'the GraphQL IDE is not built (npm run build:explorer)', 'NOT_FOUND');
    });
  };
}

function graphqlRoute(deps: HttpDeps): RequestHandler[] {
  const limit = deps.maxBodyBytes ?? LIMITS.maxBodyBytes;
  const apollo = expressMiddleware(deps.apollo, {
    // The request's deadline, byte budget and the client-disconnect signal (issue 18).
    context: async ({ res }) =>
      createRequestContext(deps.executor, deps.config, state(res).requestId, state(res).signal),
  });
  return [
    graphiqlOnBrowserGet(deps),
    express.json({ limit }),
    // Any other body (text/plain, forms) reaches Apollo as text, so its CSRF prevention decides.
    express.text({ limit, type: () => true }),
    (req, res, next) => {
      // body-parser leaves req.body unset on a GET; Apollo's integration wants it present.
      req.body ??= undefined;
      state(res).operationName = operationNameOf(req);
      res.set('x-request-id', state(res).requestId);
      // Answers come from a graph that re-ingest can change: no shared cache may keep them (Apollo's
      // cache-control plugin, which would compute per-field hints, is off; see apollo.ts).
      res.set('cache-control', 'no-store');
      next();
    },
    ...(deps.persistedOperations
      ? [
          allowListOnly(deps.persistedOperations, (res, message) =>
            sendError(res, 400, message, 'PERSISTED_QUERY_NOT_ALLOWED'),
          ),
        ]
      : []),
    apollo,
  ];
}

function handleErrors(deps: HttpDeps): ErrorRequestHandler {
  const limit = deps.maxBodyBytes ?? LIMITS.maxBodyBytes;
  return (error: { type?: string; status?: number; stack?: string }, _req, res, _next) => {
    if (res.headersSent) {
      res.end();
      return;
    }
    if (error.type === 'entity.too.large')
      sendError(res, 413, `the request body is larger than ${limit} bytes`, 'PAYLOAD_TOO_LARGE');
    else if (error.type === 'entity.parse.failed')
      sendError(res, 400, 'the request body is not valid JSON', 'BAD_REQUEST');
    else if (error.status !== undefined && error.status >= 400 && error.status < 500)
      sendError(res, error.status, 'the request is malformed', 'BAD_REQUEST');
    else {
      deps.logger.error({ requestId: state(res).requestId, stack: error.stack ?? String(error) }, 'request failed');
      sendError(res, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
    }
  };
}

/** The express application: every route of the API, usable without a server (tests, replicas). */
export function createHttpApp(deps: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Express's own ETag on res.send would let a no-store GraphQL answer be 304'd; static files
  // have serve-static's.
  app.set('etag', false);
  app.use(trackRequests(deps));
  // gzip or brotli by Accept-Encoding, for anything over 1 KB of a compressible type.
  app.use(compressionWhenAccepted());
  app.get('/healthz', (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await isReady(deps.executor, deps.readyTimeoutMs ?? 2000);
    res
      .status(ready ? 200 : 503)
      .set('cache-control', 'no-store')
      .json({ status: ready ? 'ready' : 'unavailable', neo4j: redactUri(deps.config.uri) });
  });
  if (deps.metrics) {
    const { metrics } = deps;
    app.get('/metrics', async (_req, res) => {
      res
        .set('content-type', metrics.contentType)
        .set('cache-control', 'no-store')
        .send(await metrics.render());
    });
  }
  app.use('/graphql', createCors(deps.config.CORS_ORIGINS));
  app.all('/graphql', ...graphqlRoute(deps));
  app.use(createStaticFiles(deps.staticRoot));
  app.use((req, res) => sendError(res, 404, `no such path: ${req.path}`, 'NOT_FOUND'));
  app.use(handleErrors(deps));
  return app;
}

/**
 * The HTTP server (not listening yet): POST/GET /graphql, /healthz (liveness), /readyz (503
 * while Neo4j is unreachable), /metrics, and the explorer's static files. One log line per request.
 */
/**
 * CONNECT requests never reach the request handler: without a 'connect' listener Node drops the
 * socket unanswered. Every request gets an answer (issue 18), so this one gets a 405.
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

export function createHttpServer(deps: HttpDeps): http.Server {
  const app = createHttpApp(deps);
  // Express's router skips every middleware for a target its URL parser rejects (`http://[`) and
  // answers a 404 page of its own; such a target is refused here, before the app, as a 400.
  return refuseConnect(
    http.createServer((req, res) => {
      if (isParsableTarget(req.url ?? '/')) {
        app(req, res);
        return;
      }
      const text = JSON.stringify(errorBody('the request target is not a valid URL path', 'BAD_REQUEST'));
      res.writeHead(400, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
      deps.logger.info({ method: req.method, path: String(req.url).slice(0, 200), status: 400 }, 'request');
    }),
  );
}

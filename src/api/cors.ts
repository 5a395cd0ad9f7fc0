import cors from 'cors';
import type { RequestHandler } from 'express';
import type { Config } from '#config/env.ts';

/**
 * CORS for /graphql (the `cors` middleware): pages of the CORS_ORIGINS origins may call the API;
 * with none (the default) browsers keep it same-origin. This does not widen what the API can be
 * made to do: it has no mutations, and no credentials are ever allowed (no cookies, no
 * Authorization, so `*` never means "with the user's session"). Preflights are answered 204 with
 * the headers a GraphQL client sends; Apollo's CSRF prevention still refuses simple (unpreflighted)
 * requests, whatever their origin.
 */
export function createCors(origins: Config['CORS_ORIGINS']): RequestHandler {
  if (origins !== '*' && origins.length === 0) return (_req, _res, next) => next();
  return cors({
    origin: origins === '*' ? '*' : origins,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'apollo-require-preflight', 'x-apollo-operation-name'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    credentials: false,
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
}

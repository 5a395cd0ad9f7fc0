import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '#errors/app-error.ts';

/** The allow-list: sha256 (hex) of each operation's text → that text. */
export type PersistedOperations = ReadonlyMap<string, string>;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const Manifest = z.record(z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in hex'), z.string().min(1));

/**
 * Reads PERSISTED_OPERATIONS: a manifest in the format of graphql-codegen client-preset's
 * persisted-documents.json, `{"<sha256>": "<query text>"}`. Every key must be the sha256 of its text.
 * @throws AppError CONFIG naming the file and what is wrong with it.
 */
export function loadPersistedOperations(file: string): PersistedOperations {
  const where = path.resolve(file);
  const fail = (why: string): never => {
    throw new AppError(`bad configuration: PERSISTED_OPERATIONS: ${where} ${why}`, 'CONFIG');
  };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(where, 'utf8'));
  } catch (error) {
    fail(`cannot be read as JSON (${(error as Error).message})`);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) return fail('is not a {"<sha256>": "<query>"} manifest');
  const entries = Object.entries(parsed.data);
  if (entries.length === 0) fail('lists no operation');
  for (const [hash, text] of entries)
    if (sha256(text) !== hash) fail(`has ${hash}, which is not the sha256 of its text`);
  return new Map(entries);
}

/**
 * Apollo's persisted-query cache over the manifest (read-only: nothing registers), so a request
 * that names an operation by `extensions.persistedQuery.sha256Hash` alone gets its text.
 * Apollo prefixes its keys with `apq:`.
 */
export function manifestCache(operations: PersistedOperations) {
  return {
    get: async (key: string) => operations.get(key.replace(/^apq:/, '')),
    set: async () => undefined,
    delete: async () => undefined,
  };
}

interface GraphQLParams {
  query?: unknown;
  extensions?: unknown;
}

/** The query text and persisted-query hash of a POST body or GET parameters, as Apollo reads them. */
function paramsOf(req: Parameters<RequestHandler>[0]): GraphQLParams | undefined {
  if (req.method === 'GET' || req.method === 'HEAD') {
    const q = req.query as Record<string, unknown>;
    let extensions: unknown;
    try {
      extensions = typeof q.extensions === 'string' ? JSON.parse(q.extensions) : undefined;
    } catch {
      return undefined;
    }
    return { query: q.query, extensions };
  }
  const body: unknown = req.body;
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as GraphQLParams) : undefined;
}

/** True when the request names an operation of the manifest (by hash, or by its exact text). */
export function isAllowed(operations: PersistedOperations, params: GraphQLParams | undefined): boolean {
  if (params === undefined) return false;
  const hash = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery
    ?.sha256Hash;
  const query = typeof params.query === 'string' ? params.query : undefined;
  if (params.query !== undefined && query === undefined) return false;
  if (typeof hash === 'string') return operations.has(hash) && (query === undefined || sha256(query) === hash);
  return hash === undefined && query !== undefined && operations.has(sha256(query));
}

/**
 * With PERSISTED_OPERATIONS set, /graphql runs only the manifest's operations: anything else is
 * a 400 PERSISTED_QUERY_NOT_ALLOWED before Apollo sees it (issue 16).
 */
export function allowListOnly(
  operations: PersistedOperations,
  refuse: (res: Parameters<RequestHandler>[1], message: string) => void,
): RequestHandler {
  return (req, res, next) => {
    if (isAllowed(operations, paramsOf(req))) {
      next();
      return;
    }
    refuse(
      res,
      'this server runs only the operations of its persisted-operations manifest: send one of them, or its sha256 as extensions.persistedQuery.sha256Hash',
    );
  };
}

import { z } from 'zod';
import { AppError } from '#errors/app-error.ts';
import type { Label } from '#store/model.ts';
import { DEFAULT_MIN_CONFIDENCE } from '#store/read/confidence.ts';

/** Largest page a list returns; larger `first` values are refused with BAD_USER_INPUT. */
export const MAX_PAGE = 100;
/** A connection's page when neither `first` nor `last` is given. */
export const DEFAULT_PAGE = 20;
/** Largest node count of a visualization query. */
export const MAX_GRAPH_NODES = 500;

/**
 * Checks resolver arguments with zod, once, at the GraphQL edge.
 * @throws AppError BAD_USER_INPUT naming the argument and the rule.
 */
export function parseArgs<S extends z.ZodType>(schema: S, args: unknown): z.infer<S> {
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError(
      `invalid argument ${issue.path.join('.') || ''}: ${issue.message}`.replace(/ :/, ':'),
      'BAD_USER_INPUT',
      {
        details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
      },
    );
  }
  return parsed.data;
}

// A cursor is an opaque base64url of JSON ["k1", order, ...key values, id]: the row's values of
// the list's order keys (ORDER BY and n.id), so the next page starts after that row whatever was
// added or removed meanwhile (keyset, not offset). `order` names the list and its orderBy: a
// cursor is refused under another order, where its values would mean nothing.
const CURSOR_VERSION = 'k1';
/** Longest cursor accepted: key values are ids, titles and numbers. */
export const MAX_CURSOR = 2000;

export const encodeCursor = (order: string, keys: readonly unknown[]) =>
  Buffer.from(JSON.stringify([CURSOR_VERSION, order, ...keys])).toString('base64url');

const badCursor = (why: string) =>
  new AppError(`invalid cursor: ${why}; use a startCursor or endCursor of this list`, 'BAD_USER_INPUT');
const isKeyValue = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/**
 * The key values a cursor holds, checked against the list's order and key count.
 * @throws AppError BAD_USER_INPUT for a malformed cursor, one of another list or order, or an
 * offset cursor of plangraph before keyset cursors (refused, not guessed: an offset no longer
 * names the same row once the data changed).
 */
export function decodeCursor(cursor: string, order: string, keyCount: number): unknown[] {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (/^o:\d+$/.test(text))
    throw badCursor('cursor from an older version (an offset cursor), start from the first page');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badCursor('not a plangraph cursor');
  }
  if (!Array.isArray(parsed) || parsed[0] !== CURSOR_VERSION) throw badCursor('not a plangraph cursor');
  if (parsed[1] !== order) throw badCursor('cursor from another list or order');
  const keys = parsed.slice(2);
  if (keys.length !== keyCount || !keys.every(isKeyValue) || typeof keys.at(-1) !== 'string')
    throw badCursor('not a plangraph cursor');
  return keys;
}

/**
 * A row's place in a list that is computed per request (targetProgress), under the same
 * versioned format: positional, so it is only valid while the data stays the same.
 */
export const encodeRowCursor = (list: string, offset: number) => encodeCursor(list, [offset, 'row']);
/** @throws AppError BAD_USER_INPUT as decodeCursor. */
export function decodeRowCursor(cursor: string, list: string): number {
  const [offset] = decodeCursor(cursor, list, 2);
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw badCursor('not a plangraph cursor');
  return offset;
}

const PageSize = z.number().int().min(0).max(MAX_PAGE, `first and last may be at most ${MAX_PAGE}`).nullish();
const Cursor = z.string().max(MAX_CURSOR, 'not a plangraph cursor').nullish();

/** first/after forward, last/before backward (Relay); a page is 20 rows unless asked. */
export const PageArgs = z
  .object({ first: PageSize, after: Cursor, last: PageSize, before: Cursor })
  .refine((a) => a.first == null || a.last == null, {
    message: 'give first or last, not both',
    path: ['last'],
  })
  .transform((a) => ({
    size: a.last ?? a.first ?? DEFAULT_PAGE,
    backward: a.last != null,
    after: a.after ?? null,
    before: a.before ?? null,
  }));

/** A link confidence threshold, 0 to 1; absent means the documented default. */
export const MinConfidence = z
  .number()
  .min(0, 'minConfidence is a confidence from 0 to 1')
  .max(1, 'minConfidence is a confidence from 0 to 1')
  .nullish()
  .transform((v) => v ?? DEFAULT_MIN_CONFIDENCE);

const ConfidenceArgs = z.object({ minConfidence: MinConfidence });

/** Keeps the links (rows with a `rel.confidence`) at `minConfidence` or above. */
export function atConfidence<T extends { rel: Record<string, unknown> | null }>(rows: T[], args: unknown): T[] {
  const { minConfidence } = parseArgs(ConfidenceArgs, args ?? {});
  return rows.filter((r) => Number(r.rel?.confidence ?? 0) >= minConfidence);
}

/** Bounded free text: long enough for any real name, short enough to keep queries cheap. */
export const Text = z.string().max(200, 'at most 200 characters');
export const Id = z.string().min(1).max(300, 'not a plangraph id');

export const lower = (v: string) => v.toLowerCase();
export const KIND_TO_LABEL: Record<string, Label> = {
  REPORT: 'Report',
  SECTION: 'Section',
  INDICATOR: 'Indicator',
  GOAL: 'Goal',
  PROJECT: 'Project',
  PLACE: 'Place',
  ENTERPRISE: 'Enterprise',
};
export const labelToKind = (label: Label) => label.toUpperCase() as 'REPORT';
export const kindsToLabels = (kinds: readonly string[] | null | undefined): Label[] | null =>
  kinds && kinds.length > 0 ? kinds.map((k) => KIND_TO_LABEL[k]!) : null;

import { z } from 'zod';
import { AppError } from '#errors/app-error.ts';
import type { Label } from '#store/model.ts';
import { DEFAULT_MIN_CONFIDENCE } from '#store/read/confidence.ts';

/** Largest page a list returns; larger `first` values are refused with BAD_USER_INPUT. */
export const MAX_PAGE = 100;
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

// A cursor is an opaque base64url of the row offset: lists have a total order (…, id), so an
// offset names the same place between pages.
export const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

export function decodeCursor(cursor: string): number {
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new AppError('invalid cursor: use the endCursor of a previous page', 'BAD_USER_INPUT');
  return Number(m[1]);
}

export const PageArgs = z.object({
  first: z
    .number()
    .int()
    .min(0)
    .max(MAX_PAGE, `first may be at most ${MAX_PAGE}`)
    .nullish()
    .transform((v) => v ?? 20),
  after: z.string().max(64).nullish(),
});

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

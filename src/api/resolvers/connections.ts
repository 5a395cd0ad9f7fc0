import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import { metricKeyEntry } from '#domain/metric-keys.ts';
import type { Label } from '#store/model.ts';
import { listNodes, listOrder, type ListKind, type Where } from '#store/read/lists.ts';
import type { ApiContext } from '../context.ts';
import { readConnection } from '../planner/read-root.ts';
import { tag, type Row } from '../models.ts';
import { PageArgs, Text, Id, decodeCursor, encodeCursor, parseArgs } from './args.ts';

const OrderBy = z
  .array(z.object({ field: z.string().max(40), direction: z.enum(['ASC', 'DESC']).nullish() }))
  .max(5)
  .nullish();

// One loose schema for every list's `where`: each field's GraphQL type already fixed its shape;
// this bounds strings and numbers and normalises enum values to the stored spelling.
const WhereSchema = z
  .object({
    kind: z
      .array(z.string())
      .max(3)
      .transform((ks) => ks.map((k) => k.toLowerCase())),
    type: z
      .array(z.string())
      .max(12)
      .transform((ts) => ts.map((t) => t.toLowerCase())),
    year: z.number().int().min(1900).max(2200),
    yearFrom: z.number().int().min(1900).max(2200),
    yearTo: z.number().int().min(1900).max(2200),
    planYear: z.number().int().min(1900).max(2200),
    level: z.number().int().min(1).max(4),
    valueMin: z.number(),
    valueMax: z.number(),
    baseValueMin: z.number(),
    baseValueMax: z.number(),
    threshold: z.boolean(),
    served: z.boolean(),
    serves: z.boolean(),
    reportId: Id,
    sectionId: Id,
    placeId: Id,
    within: Id,
    parentId: Id,
    enterpriseId: Id,
    nameContains: Text,
    titleContains: Text,
    metricContains: Text,
    metricKey: Text.refine(
      (k) => metricKeyEntry(k) !== undefined,
      'not a metricKey of the dictionary (the metricKeys query lists them)',
    ),
    regionName: Text,
    regionLevel: Text,
    regionCode: Text,
    unit: Text,
    baseUnit: Text,
    qualifier: Text,
    action: Text,
    part: Text,
    code: Text,
  })
  .partial();
// Built once (see explore.ts): a schema per call would recompile zod's parser per request.
const NullishWhere = WhereSchema.nullish();

export interface ConnectionArgs {
  where?: unknown;
  orderBy?: unknown;
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * Runs a list query and shapes it as a cursor connection (edges, nodes, pageInfo, totalCount).
 * Pages are keyset pages: a cursor holds its row's order key values, and the next page is the
 * rows after them (`first`/`after`), or the rows before (`last`/`before`), read in one query
 * with one row more than asked, which tells whether another page follows. With `info` (and the
 * planner on), the page, its count and every field selected below it come from one planned
 * statement; without, the page and count statements of listNodes, and the fields below through
 * DataLoaders.
 * @throws AppError BAD_USER_INPUT for first with last, a page size out of range, or a bad cursor.
 */
export async function connection<T extends Row>(
  ctx: ApiContext,
  kind: ListKind,
  label: Label,
  args: ConnectionArgs,
  fixed: Where = {},
  info?: GraphQLResolveInfo,
) {
  const page = parseArgs(PageArgs, { first: args.first, after: args.after, last: args.last, before: args.before });
  const where = { ...parseArgs(NullishWhere, args.where ?? null), ...fixed };
  const orderBy = (parseArgs(OrderBy, args.orderBy ?? null) ?? []).map((o) => ({
    field: o.field,
    direction: o.direction ?? 'ASC',
  }));
  const order = `${kind}:${orderBy.map((o) => `${o.field}.${o.direction}`).join(',')}`;
  const keyCount = listOrder(kind, orderBy).length;
  const query = {
    where,
    orderBy,
    limit: page.size + 1,
    backward: page.backward,
    after: page.after ? decodeCursor(page.after, order, keyCount) : null,
    before: page.before ? decodeCursor(page.before, order, keyCount) : null,
  };
  let read: { nodes: T[]; keys: unknown[][]; totalCount: number | null };
  if (info && ctx.loaders.planner) read = await readConnection<T>(ctx, info, kind, label, query);
  else {
    const result = await listNodes(ctx.executor, kind, query);
    const nodes = result.nodes.map((n) => tag<T>(label, n));
    for (const n of nodes) ctx.loaders.nodes[label].prime(n.id, n);
    read = { nodes, keys: result.keys, totalCount: result.totalCount };
  }
  // One row more than the page was read, on the side the page moves towards.
  const more = read.nodes.length > page.size;
  const cut = <X>(xs: X[]) => (!more ? xs : page.backward ? xs.slice(1) : xs.slice(0, page.size));
  const nodes = cut(read.nodes);
  const keys = cut(read.keys);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(order, keys[i]!), node }));
  return {
    edges,
    nodes,
    totalCount: read.totalCount ?? -1, // -1 only when totalCount was not selected
    // Relay: the side the page moves towards is exact; the other side says whether the page
    // started from a cursor there (rows existed past it when that cursor was handed out).
    pageInfo: {
      hasNextPage: page.backward ? page.before !== null : more,
      hasPreviousPage: page.backward ? more : page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

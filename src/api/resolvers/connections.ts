import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import type { Label } from '#store/model.ts';
import { listNodes, type ListKind, type Where } from '#store/read/lists.ts';
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
    reportId: Id,
    sectionId: Id,
    placeId: Id,
    within: Id,
    parentId: Id,
    enterpriseId: Id,
    nameContains: Text,
    titleContains: Text,
    metricContains: Text,
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
}

/**
 * Runs a list query and shapes it as a cursor connection (edges, nodes, pageInfo, totalCount).
 * With `info` (and the planner on), the page, its count and every field selected below it come
 * from one planned statement; without, the page and count statements of listNodes, and the
 * fields below through DataLoaders.
 */
export async function connection<T extends Row>(
  ctx: ApiContext,
  kind: ListKind,
  label: Label,
  args: ConnectionArgs,
  fixed: Where = {},
  info?: GraphQLResolveInfo,
) {
  const page = parseArgs(PageArgs, { first: args.first, after: args.after });
  const where = { ...parseArgs(NullishWhere, args.where ?? null), ...fixed };
  const orderBy = (parseArgs(OrderBy, args.orderBy ?? null) ?? []).map((o) => ({
    field: o.field,
    direction: o.direction ?? 'ASC',
  }));
  const offset = page.after ? decodeCursor(page.after) + 1 : 0;
  if (info && ctx.loaders.planner)
    return readConnection<T>(ctx, info, kind, label, { where, orderBy, offset, limit: page.first });
  const result = await listNodes(ctx.executor, kind, { where, orderBy, offset, limit: page.first });
  const nodes = result.nodes.map((n) => tag<T>(label, n));
  for (const n of nodes) ctx.loaders.nodes[label].prime(n.id, n);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    edges,
    nodes,
    totalCount: result.totalCount,
    pageInfo: {
      hasNextPage: offset + nodes.length < result.totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

import { z } from 'zod';
import { AppError } from '#errors/app-error.ts';
import { labelForId } from '#store/ids.ts';
import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { neighborhood, paths, reachableCount, type Subgraph, type SubgraphShape } from '#store/read/graph.ts';
import { readNodeWithRelation, type RelationName } from '#store/read/relations.ts';
import { searchNodes, toLuceneQuery } from '#store/read/search.ts';
import { readStats } from '#store/read/stats.ts';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type { ApiContext } from '../context.ts';
import { collectSubfields } from '../planner/collect-fields.ts';
import { planContextOf, readSearch, searchConnection } from '../planner/read-root.ts';
import {
  tag,
  type GraphModel,
  type PlaceRow,
  type ProjectRow,
  type ReportRow,
  type Row,
  type TargetRow,
  type TraceLinkModel,
} from '../models.ts';
import { Id, MinConfidence, MAX_GRAPH_NODES, MAX_PAGE, kindsToLabels, labelToKind, parseArgs } from './args.ts';
import { highlightMatch } from './highlight.ts';
import { decodeSearchCursor } from './search-cursor.ts';
import { loadNode, tagged } from './shared.ts';

const Kinds = z.array(z.string()).max(7).nullish();
const SearchArgs = z.object({
  query: z
    .string()
    .max(200, 'at most 200 characters')
    .refine((q) => q.trim().length > 0, 'must not be empty'),
  kinds: Kinds,
  reportId: Id.nullish(),
  within: Id.nullish(),
  year: z.number().int().min(1900).max(2200).nullish(),
  first: z.number().int().min(1).max(MAX_PAGE, `first may be at most ${MAX_PAGE}`).nullish(),
  // A cursor is short: a score and an id.
  after: z.string().max(600).nullish(),
});
const NeighborhoodArgs = z.object({
  id: Id,
  depth: z.number().int().min(1).max(3, 'depth may be at most 3').nullish(),
  limit: z.number().int().min(1).max(MAX_GRAPH_NODES, `limit may be at most ${MAX_GRAPH_NODES}`).nullish(),
  kinds: Kinds,
  minConfidence: MinConfidence,
});
const PathArgs = z.object({
  from: Id,
  to: Id,
  maxHops: z.number().int().min(1).max(6, 'maxHops may be at most 6').nullish(),
  limit: z.number().int().min(1).max(MAX_GRAPH_NODES, `limit may be at most ${MAX_GRAPH_NODES}`).nullish(),
  minConfidence: MinConfidence,
});

// Schemas are built once: zod compiles a parser for each object schema on first use, which
// costs more than the parse itself when done per request.
const TraceArgs = z.object({ id: Id, minConfidence: MinConfidence });

const toGraph = (g: Subgraph, countReachable: GraphModel['countReachable'] = null): GraphModel => ({
  truncated: g.truncated,
  nodes: g.nodes.map((n) => ({ ...n, kind: labelToKind(n.kind) })),
  edges: g.edges,
  countReachable,
});

/** What a Graph answer selects: its edges, its nodes' labels, its nodes' or edges' properties (the rest is not read). */
function subgraphShape(info: GraphQLResolveInfo): SubgraphShape {
  const sc = planContextOf(info);
  const type = (name: string) => info.schema.getType(name) as GraphQLObjectType;
  const graph = [...collectSubfields(sc, type('Graph'), info.fieldNodes).values()];
  const lists = (name: string) => graph.filter((nodes) => nodes[0]!.name.value === name);
  const asks = (list: string, itemType: string, field: string) =>
    lists(list).some((nodes) =>
      [...collectSubfields(sc, type(itemType), nodes).values()].some((f) => f[0]!.name.value === field),
    );
  return {
    edges: lists('edges').length > 0,
    nodeLabels: asks('nodes', 'GraphNode', 'label'),
    nodeProperties: asks('nodes', 'GraphNode', 'properties'),
    edgeProperties: asks('edges', 'GraphEdge', 'properties'),
  };
}

/** A hit's report: a report is its own, a node with a reportId has it, shared nodes have none. */
const reportOfHit = (ctx: ApiContext, node: Row) =>
  node.__label === 'Report'
    ? loadNode<ReportRow>(ctx, 'Report', node.id)
    : loadNode<ReportRow>(ctx, 'Report', (node.reportId as string | undefined) ?? null);

/** The node an id names, or NOT_FOUND. */
async function requireNode(ctx: ApiContext, id: string): Promise<Row> {
  const label = labelForId(id);
  const node = label ? await loadNode<Row>(ctx, label, id) : null;
  if (!node) throw new AppError(`no node with id ${id}`, 'NOT_FOUND');
  return node;
}

const SERVES_FROM: Partial<Record<string, RelationName>> = {
  Project: 'projectServes',
  Indicator: 'indicatorServedBy',
  Goal: 'goalServedBy',
};

/**
 * The id names its label, so the root and its links are read together: one round trip of
 * latency, not two. A missing root is still NOT_FOUND (its links are then empty anyway).
 */
async function trace(ctx: ApiContext, id: string, minConfidence: number) {
  const label = labelForId(id);
  const relation = label ? SERVES_FROM[label] : undefined;
  if (!relation) {
    const root = await requireNode(ctx, id);
    throw new AppError(
      `trace starts from a target (indicator or goal) or a project; ${id} is a ${root.__label}`,
      'BAD_USER_INPUT',
    );
  }
  const read = await readNodeWithRelation(ctx.executor, label!, id, relation);
  if (!read) throw new AppError(`no node with id ${id}`, 'NOT_FOUND');
  const root = tag<Row>(label!, read.node);
  const related = read.related;
  const strong = related.filter((r) => Number(r.rel?.confidence ?? 0) >= minConfidence);
  const links: TraceLinkModel[] = strong.map((r) =>
    root.__label === 'Project'
      ? { project: root as ProjectRow, target: tagged(r) as TargetRow, rel: r.rel ?? {} }
      : { project: tagged(r) as ProjectRow, target: root as TargetRow, rel: r.rel ?? {} },
  );
  return { root, links };
}

export const exploreResolvers: Resolvers = {
  Query: {
    search: async (_, args, ctx, info) => {
      const a = parseArgs(SearchArgs, args);
      const after = a.after ? decodeSearchCursor(a.after) : null;
      const lucene = toLuceneQuery(a.query);
      const spec = {
        lucene: lucene ?? '',
        labels: kindsToLabels(a.kinds),
        reportId: a.reportId,
        within: a.within,
        year: a.year,
        first: a.first ?? 20,
        after,
      };
      if (!lucene) return searchConnection([], 0, 0);
      if (ctx.loaders.planner) return readSearch(ctx, info, a.query, spec);
      const page = await searchNodes(ctx.executor, spec);
      const hits = page.rows.map((r) => ({
        node: tag<Row>(r.label, r.node),
        score: r.score,
        highlight: highlightMatch(r.node, a.query),
      }));
      return searchConnection(hits, page.totalCount, page.before);
    },
    trace: (_, args, ctx) => {
      const a = parseArgs(TraceArgs, args);
      return trace(ctx, a.id, a.minConfidence);
    },
    neighborhood: async (_, args, ctx, info) => {
      const a = parseArgs(NeighborhoodArgs, args);
      const [depth, limit, kinds] = [a.depth ?? 1, a.limit ?? 100, kindsToLabels(a.kinds)];
      const g = await neighborhood(ctx.executor, a.id, depth, limit, kinds, a.minConfidence, subgraphShape(info));
      // Untruncated, the answer is all there is; otherwise the same walk is counted, only if asked.
      return toGraph(g, () =>
        g.truncated
          ? reachableCount(ctx.executor, a.id, depth, kinds, a.minConfidence)
          : Promise.resolve(g.nodes.length),
      );
    },
    paths: async (_, args, ctx) => {
      const a = parseArgs(PathArgs, args);
      return toGraph(await paths(ctx.executor, a.from, a.to, a.maxHops ?? 4, a.limit ?? 10, a.minConfidence));
    },
    stats: async (_, __, ctx) => {
      const s = await readStats(ctx.executor);
      return {
        byKind: s.byKind.map((k) => ({ kind: k.kind.toUpperCase() as 'REPORT', count: Number(k.count) })),
        byReport: s.byReport,
        byPlace: s.byPlace,
      };
    },
  },
  Graph: {
    reachable: (g) => g.countReachable?.() ?? null,
  },
  SearchHit: {
    kind: (h) => labelToKind(h.node.__label),
    report: (h, _, ctx) => reportOfHit(ctx, h.node),
  },
  SearchEdge: {
    kind: (h) => labelToKind(h.node.__label),
    report: (h, _, ctx) => reportOfHit(ctx, h.node),
  },
  Trace: {
    links: (t) => t.links,
  },
  TraceLink: {
    confidence: (l) => Number(l.rel.confidence ?? 0),
    evidence: (l) => ({
      sectionId: (l.rel.sectionId as string) ?? null,
      text: String(l.rel.text ?? ''),
      start: Number(l.rel.start),
      end: Number(l.rel.end),
    }),
  },
  ReportStats: {
    report: async (s, _, ctx) => (await loadNode<ReportRow>(ctx, 'Report', s.reportId))!,
  },
  PlaceStats: {
    place: async (s, _, ctx) => (await loadNode<PlaceRow>(ctx, 'Place', s.placeId))!,
  },
};

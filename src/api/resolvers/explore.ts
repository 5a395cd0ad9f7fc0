import { z } from 'zod';
import { AppError } from '#errors/app-error.ts';
import { labelForId } from '#store/ids.ts';
import { neighborhood, paths, type Subgraph } from '#store/read/graph.ts';
import { readTargetProgress } from '#store/read/progress.ts';
import { searchNodes } from '#store/read/search.ts';
import { readStats } from '#store/read/stats.ts';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type { ApiContext } from '../context.ts';
import {
  tag,
  type PlaceRow,
  type ProjectRow,
  type ReportRow,
  type Row,
  type TargetRow,
  type TraceLinkModel,
} from '../models.ts';
import { Id, MAX_GRAPH_NODES, MAX_PAGE, kindsToLabels, labelToKind, parseArgs } from './args.ts';
import { highlightMatch } from './highlight.ts';
import { changeBetween, loadNode, tagged } from './shared.ts';

const Kinds = z.array(z.string()).max(7).nullish();
const SearchArgs = z.object({
  query: z
    .string()
    .max(200, 'at most 200 characters')
    .refine((q) => q.trim().length > 0, 'must not be empty'),
  kinds: Kinds,
  first: z.number().int().min(1).max(MAX_PAGE, `first may be at most ${MAX_PAGE}`).nullish(),
});
const NeighborhoodArgs = z.object({
  id: Id,
  depth: z.number().int().min(1).max(3, 'depth may be at most 3').nullish(),
  limit: z.number().int().min(1).max(MAX_GRAPH_NODES, `limit may be at most ${MAX_GRAPH_NODES}`).nullish(),
  kinds: Kinds,
});
const PathArgs = z.object({
  from: Id,
  to: Id,
  maxHops: z.number().int().min(1).max(6, 'maxHops may be at most 6').nullish(),
  limit: z.number().int().min(1).max(MAX_GRAPH_NODES, `limit may be at most ${MAX_GRAPH_NODES}`).nullish(),
});

const toGraph = (g: Subgraph) => ({
  truncated: g.truncated,
  nodes: g.nodes.map((n) => ({ ...n, kind: labelToKind(n.kind) })),
  edges: g.edges,
});

/** The node an id names, or NOT_FOUND. */
async function requireNode(ctx: ApiContext, id: string): Promise<Row> {
  const label = labelForId(id);
  const node = label ? await loadNode<Row>(ctx, label, id) : null;
  if (!node) throw new AppError(`no node with id ${id}`, 'NOT_FOUND');
  return node;
}

async function trace(ctx: ApiContext, id: string) {
  const root = await requireNode(ctx, id);
  let links: TraceLinkModel[];
  if (root.__label === 'Project') {
    links = (await ctx.loaders.relation('projectServes').load(id)).map((r) => ({
      project: root as ProjectRow,
      target: tagged(r) as TargetRow,
      rel: r.rel ?? {},
    }));
  } else if (root.__label === 'Indicator' || root.__label === 'Goal') {
    const name = root.__label === 'Indicator' ? 'indicatorServedBy' : 'goalServedBy';
    links = (await ctx.loaders.relation(name).load(id)).map((r) => ({
      project: tagged(r) as ProjectRow,
      target: root as TargetRow,
      rel: r.rel ?? {},
    }));
  } else
    throw new AppError(
      `trace starts from a target (indicator or goal) or a project; ${id} is a ${root.__label}`,
      'BAD_INPUT',
    );
  return { root, links };
}

export const exploreResolvers: Resolvers = {
  Query: {
    search: async (_, args, ctx) => {
      const { query, kinds, first } = parseArgs(SearchArgs, args);
      const rows = await searchNodes(ctx.executor, query, kindsToLabels(kinds), first ?? 20);
      return rows.map((r) => ({
        node: tag<Row>(r.label, r.node),
        score: r.score,
        highlight: highlightMatch(r.node, query),
      }));
    },
    trace: (_, args, ctx) => trace(ctx, parseArgs(z.object({ id: Id }), args).id),
    targetProgress: async (_, args, ctx) => {
      const { reportId } = parseArgs(z.object({ reportId: Id }), args);
      if (!(await loadNode<ReportRow>(ctx, 'Report', reportId)))
        throw new AppError(`no report with id ${reportId}`, 'NOT_FOUND');
      return (await readTargetProgress(ctx.executor, reportId)).map((row) => {
        const target = tag<TargetRow>(row.targetLabel, row.target);
        const previous = row.previous && row.previousLabel ? tag<TargetRow>(row.previousLabel, row.previous) : null;
        return {
          target,
          previous,
          change: previous ? changeBetween(target, previous) : null,
          confidence: row.rel ? Number(row.rel.confidence) : null,
        };
      });
    },
    neighborhood: async (_, args, ctx) => {
      const a = parseArgs(NeighborhoodArgs, args);
      return toGraph(await neighborhood(ctx.executor, a.id, a.depth ?? 1, a.limit ?? 100, kindsToLabels(a.kinds)));
    },
    paths: async (_, args, ctx) => {
      const a = parseArgs(PathArgs, args);
      return toGraph(await paths(ctx.executor, a.from, a.to, a.maxHops ?? 4, a.limit ?? 10));
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
  SearchHit: {
    kind: (h) => labelToKind(h.node.__label),
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

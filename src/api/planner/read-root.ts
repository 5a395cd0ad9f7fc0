// Root fields through the planner: the selection set becomes one plan, the store runs it as one
// statement, and the answer comes back as the resolver parents of the whole subtree.
import type { FieldNode, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { collectSubfields } from './collect-fields.ts';
import type { Label } from '#store/model.ts';
import { readPlan } from '#store/read/compile/compile-plan.ts';
import type { ListKind, OrderBy, PageWindow, Where } from '#store/read/lists.ts';
import type { SearchSpec } from '#store/read/search.ts';
import type { ApiContext } from '../context.ts';
import type { Row, SearchEdgeModel, SearchHitModel } from '../models.ts';
import { encodeSearchCursor } from '../resolvers/search-cursor.ts';
import { highlightMatch } from '../resolvers/highlight.ts';
import { HIGHLIGHT_PROPS } from './fields.ts';
import { concreteTypes, planNode, type PlanContext } from './plan-node.ts';

export const planContextOf = (info: GraphQLResolveInfo): PlanContext => ({
  schema: info.schema,
  fragments: info.fragments,
  variables: info.variableValues,
});

const typeOf = (info: GraphQLResolveInfo, name: string) => info.schema.getType(name) as GraphQLObjectType;
const subfields = (info: GraphQLResolveInfo, type: GraphQLObjectType, nodes: readonly FieldNode[]) =>
  collectSubfields(planContextOf(info), type, nodes);

/** A node by id and everything selected below it, in one statement; null when there is none. */
export async function readNodeById(ctx: ApiContext, info: GraphQLResolveInfo, label: Label, id: string) {
  const planning = planNode(planContextOf(info), [typeOf(info, label)], info.fieldNodes);
  const result = await readPlan(ctx.executor, { kind: 'byId', label, id, node: planning.plan });
  return result.items[0] ? planning.build(result.items[0].node) : null;
}

export interface ListQuery extends PageWindow {
  where: Where;
  orderBy: OrderBy[];
  limit: number;
}

/**
 * A connection's rows (nodes in the list's order, their order key values, the count) in one
 * statement; connections.ts shapes them into edges and pageInfo. The count of every match runs
 * only when totalCount is selected.
 */
export async function readConnection<T extends Row>(
  ctx: ApiContext,
  info: GraphQLResolveInfo,
  list: ListKind,
  label: Label,
  query: ListQuery,
) {
  const connection = concreteTypes(info.schema, info.returnType)[0]!;
  const nodeFields: FieldNode[] = [];
  let count = false;
  for (const nodes of subfields(info, connection, info.fieldNodes).values()) {
    const name = nodes[0]!.name.value;
    if (name === 'nodes') nodeFields.push(...nodes);
    else if (name === 'totalCount') count = true;
    else if (name === 'edges') {
      const edge = concreteTypes(info.schema, connection.getFields().edges!.type)[0]!;
      for (const e of subfields(info, edge, nodes).values()) if (e[0]!.name.value === 'node') nodeFields.push(...e);
    }
  }
  const planning = planNode(planContextOf(info), [typeOf(info, label)], nodeFields);
  const result = await readPlan(ctx.executor, { kind: 'list', list, ...query, count, node: planning.plan });
  return {
    nodes: result.items.map((i) => planning.build(i.node) as T),
    keys: result.items.map((i) => i.keys ?? []),
    totalCount: result.totalCount,
  };
}

/** A page of hits shaped as a SearchConnection; `before` is the number of hits ahead of the page. */
export function searchConnection(hits: SearchHitModel[], totalCount: number, before: number) {
  const edges: SearchEdgeModel[] = hits.map((h) => ({
    ...h,
    cursor: encodeSearchCursor({ score: h.score, id: h.node.id }),
  }));
  return {
    edges,
    nodes: hits,
    totalCount,
    pageInfo: {
      hasNextPage: before + hits.length < totalCount,
      hasPreviousPage: before > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** How many of the index's best hits a page of `first` without a total reads first. */
const searchWindow = (first: number) => Math.max(200, first * 10);

/**
 * A page of ranked hits with only the selected fields of each node, its total and its position,
 * in one statement. A hit's report (when selected) is read by its loader from the hit's reportId.
 */
export async function readSearch(ctx: ApiContext, info: GraphQLResolveInfo, query: string, search: SearchSpec) {
  const connection = typeOf(info, 'SearchConnection');
  const nodeFields: FieldNode[] = [];
  let highlight = false;
  let report = false;
  let counted = false;
  const hitFields = (type: GraphQLObjectType, nodes: readonly FieldNode[]) => {
    for (const fields of subfields(info, type, nodes).values()) {
      const name = fields[0]!.name.value;
      if (name === 'node') nodeFields.push(...fields);
      else if (name === 'highlight') highlight = true;
      else if (name === 'report') report = true;
    }
  };
  for (const nodes of subfields(info, connection, info.fieldNodes).values()) {
    const name = nodes[0]!.name.value;
    if (name === 'edges') hitFields(typeOf(info, 'SearchEdge'), nodes);
    else if (name === 'nodes') hitFields(typeOf(info, 'SearchHit'), nodes);
    else if (name === 'totalCount' || name === 'pageInfo') counted = true;
  }
  const hit = typeOf(info, 'SearchHit');
  const types = concreteTypes(info.schema, hit.getFields().node!.type);
  const extra = [...(highlight ? HIGHLIGHT_PROPS : []), ...(report ? ['reportId'] : [])];
  const planning = planNode(planContextOf(info), types, nodeFields, extra);
  // Without a total to give, a first page reads only the index's best hits (SearchSpec.window).
  const windowed = counted ? search : { ...search, window: searchWindow(search.first) };
  const result = await readPlan(ctx.executor, { kind: 'search', search: windowed, node: planning.plan });
  const hits = result.items.map((i): SearchHitModel => {
    const node: Row = planning.build(i.node);
    return { node, score: i.score ?? 0, highlight: highlight ? highlightMatch(node, query) : '' };
  });
  return searchConnection(hits, result.totalCount ?? 0, result.before ?? 0);
}

import type { CypherQuery, Executor } from '../../executor.ts';
import { LISTS, listPreludes } from '../lists.ts';
import { searchStatement } from '../search.ts';
import { mapNode } from './map-rows.ts';
import type { PlannedRoot, RootPlan } from './plan.ts';
import { Scope, projectNode } from './compile-node.ts';

/** A list's WHERE and ORDER BY over `n`, with its filter values as parameters of `scope`. */
function listClauses(plan: Extract<RootPlan, { kind: 'list' }>, scope: Scope) {
  const spec = LISTS[plan.list];
  const conditions: string[] = [];
  const params = new Map<string, string>();
  for (const [key, value] of Object.entries(plan.where)) {
    const filter = spec.filters[key];
    if (value === undefined || value === null || !filter) continue; // zod at the API lets known keys only
    params.set(key, scope.param(value).slice(1));
    conditions.push(filter(value, params.get(key)!));
  }
  const prelude = listPreludes(spec, plan.where, (key) => params.get(key)!);
  const order = plan.orderBy.flatMap((o) => (spec.orders[o.field] ? [`${spec.orders[o.field]} ${o.direction}`] : []));
  // n.id last: a total order, so offset cursors are stable between pages.
  const orderBy = [...(order.length > 0 ? order : spec.defaultOrder), 'n.id'].join(', ');
  return {
    match: `${prelude ? `${prelude} ` : ''}MATCH (n:${spec.label})${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''}`,
    orderBy,
    filtered: conditions.length > 0,
  };
}

/**
 * One statement for one root field: the page, its nested relations (COLLECT subqueries) and,
 * when asked, the count of every match. Values travel as parameters; labels, types and property
 * names come from the model and the planner's tables.
 */
export function compilePlan(plan: RootPlan): CypherQuery {
  const scope = new Scope();
  switch (plan.kind) {
    case 'byId': {
      const text = `MATCH (n:${plan.label} {id: ${scope.param(plan.id)}}) RETURN ${projectNode('n', plan.node, scope)} AS node`;
      return { text, params: scope.params };
    }
    case 'list': {
      const { match, orderBy, filtered } = listClauses(plan, scope);
      const offset = scope.param(plan.offset);
      const limit = scope.param(plan.limit);
      if (!plan.count) {
        const text = `${match} WITH n ORDER BY ${orderBy} SKIP ${offset} LIMIT ${limit} RETURN ${projectNode('n', plan.node, scope)} AS node`;
        return { text, params: scope.params };
      }
      if (!filtered) {
        // Unfiltered: the count comes from the count store, the page from a top-k sort.
        const text = `CALL () { ${match} RETURN count(n) AS total } CALL () { ${match} WITH n ORDER BY ${orderBy} SKIP ${offset} LIMIT ${limit} RETURN collect(${projectNode('n', plan.node, scope)}) AS nodes } RETURN total, nodes`;
        return { text, params: scope.params };
      }
      // Filtered: one scan; the matches are sorted once, counted, and only the page is projected.
      const end = scope.param(plan.offset + plan.limit);
      const text = `${match} WITH n ORDER BY ${orderBy} WITH collect(n) AS matches RETURN size(matches) AS total, [n IN matches[${offset}..${end}] | ${projectNode('n', plan.node, scope)}] AS nodes`;
      return { text, params: scope.params };
    }
    case 'search': {
      // Every hit is filtered and counted (totalCount), only the page is projected (search.ts).
      const text = searchStatement(
        plan.search,
        (v) => scope.param(v),
        (n) => projectNode(n, plan.node, scope),
      );
      return { text, params: scope.params };
    }
    default: {
      const never: never = plan;
      throw new Error(`unknown plan ${JSON.stringify(never)}`);
    }
  }
}

/** Runs a plan's one statement and maps its rows back (PlannedRoot). */
export async function readPlan(executor: Executor, plan: RootPlan): Promise<PlannedRoot> {
  const rows = await executor.read(compilePlan(plan));
  if (plan.kind === 'list' && plan.count) {
    const row = rows[0] ?? { total: 0, nodes: [] };
    const nodes = (row.nodes as Record<string, unknown>[]) ?? [];
    return {
      items: nodes.map((n) => ({ node: mapNode(n, plan.node), score: null })),
      totalCount: Number(row.total ?? 0),
    };
  }
  if (plan.kind === 'search') {
    const row = rows[0] ?? { total: 0, from: 0, nodes: [], scores: [] };
    const scores = (row.scores as number[]) ?? [];
    return {
      items: ((row.nodes as Record<string, unknown>[]) ?? []).map((n, i) => ({
        node: mapNode(n, plan.node),
        score: Number(scores[i]),
      })),
      totalCount: Number(row.total ?? 0),
      before: Number(row.from ?? 0),
    };
  }
  return {
    items: rows.map((r) => ({
      node: mapNode(r.node as Record<string, unknown>, plan.node),
      score: r.score === undefined ? null : Number(r.score),
    })),
    totalCount: null,
  };
}

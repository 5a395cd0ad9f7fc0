import type { CypherQuery, Executor } from '../../executor.ts';
import { LISTS, listPreludes } from '../lists.ts';
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
      const q = scope.param(plan.lucene);
      const first = scope.param(plan.first);
      const candidates = scope.param(Math.min(1000, plan.first * 10));
      const project = `RETURN ${projectNode('n', plan.node, scope)} AS node, score`;
      const query = (options: string) =>
        `CALL db.index.fulltext.queryNodes('plangraph_text', ${q}${options}) YIELD node, score`;
      if (!plan.labels) {
        const text = `${query(`, {limit: ${candidates}}`)} WITH node AS n, score ORDER BY score DESC, n.id LIMIT ${first} ${project}`;
        return { text, params: scope.params };
      }
      // A kind filter: the bounded candidates first; only when they hold fewer than `first` of
      // the kinds while the index has more does the same statement read every hit.
      const labels = scope.param(plan.labels);
      const enough = `size(wanted) >= ${first} OR size(hits) < ${candidates}`;
      const text = `${query(`, {limit: ${candidates}}`)} WITH collect({node: node, score: score}) AS hits WITH hits, [h IN hits WHERE any(l IN labels(h.node) WHERE l IN ${labels})] AS wanted CALL (hits, wanted) { WITH hits, wanted WHERE ${enough} UNWIND wanted AS h RETURN h.node AS hit, h.score AS score UNION ALL WITH hits, wanted WHERE NOT (${enough}) ${query('')} WITH node, score WHERE any(l IN labels(node) WHERE l IN ${labels}) RETURN node AS hit, score } WITH hit AS n, score ORDER BY score DESC, n.id LIMIT ${first} ${project}`;
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
  return {
    items: rows.map((r) => ({
      node: mapNode(r.node as Record<string, unknown>, plan.node),
      score: r.score === undefined ? null : Number(r.score),
    })),
    totalCount: null,
  };
}

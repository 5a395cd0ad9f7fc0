import type { CypherQuery, Executor } from '../../executor.ts';
import { LISTS, keysOf, orderClause, pageClauses } from '../lists.ts';
import { mapNode } from './map-rows.ts';
import type { PlannedRoot, RootPlan } from './plan.ts';
import { Scope, projectNode } from './compile-node.ts';

/** A list's WHERE, its cursor conditions and read order over `n`, with values as parameters of `scope`. */
function listClauses(plan: Extract<RootPlan, { kind: 'list' }>, scope: Scope) {
  const spec = LISTS[plan.list];
  const conditions: string[] = [];
  for (const [key, value] of Object.entries(plan.where)) {
    const filter = spec.filters[key];
    if (value === undefined || value === null || !filter) continue; // zod at the API lets known keys only
    conditions.push(filter(value, scope.param(value).slice(1)));
  }
  const page = pageClauses(plan.list, plan.orderBy, plan, (v) => scope.param(v));
  const where = (cs: string[]) => (cs.length > 0 ? ` WHERE ${cs.join(' AND ')}` : '');
  return {
    match: `MATCH (n:${spec.label})${where(conditions)}`,
    pageMatch: `MATCH (n:${spec.label})${where([...conditions, ...page.conditions])}`,
    cursor: page.conditions.join(' AND '),
    orderBy: orderClause(page.readOrder),
    keys: `__k: ${keysOf(page.keys)}`,
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
      const { match, pageMatch, cursor, orderBy, keys, filtered } = listClauses(plan, scope);
      const limit = scope.param(plan.limit);
      const project = () => projectNode('n', plan.node, scope, [keys]);
      if (!plan.count) {
        const text = `${pageMatch} WITH n ORDER BY ${orderBy} LIMIT ${limit} RETURN ${project()} AS node`;
        return { text, params: scope.params };
      }
      if (!filtered) {
        // Unfiltered: the count comes from the count store, the page from a top-k sort.
        const text = `CALL () { ${match} RETURN count(n) AS total } CALL () { ${pageMatch} WITH n ORDER BY ${orderBy} LIMIT ${limit} RETURN collect(${project()}) AS nodes } RETURN total, nodes`;
        return { text, params: scope.params };
      }
      // Filtered: one scan; the matches are sorted once, counted, and only the page is projected.
      const page = cursor ? `[n IN matches WHERE ${cursor}][..${limit}]` : `matches[..${limit}]`;
      const text = `${match} WITH n ORDER BY ${orderBy} WITH collect(n) AS matches RETURN size(matches) AS total, [n IN ${page} | ${project()}] AS nodes`;
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

/** Runs a plan's one statement and maps its rows back (PlannedRoot); a backward page comes back in order. */
export async function readPlan(executor: Executor, plan: RootPlan): Promise<PlannedRoot> {
  const rows = await executor.read(compilePlan(plan));
  const item = (n: Record<string, unknown>, score: unknown) => ({
    node: mapNode(n, plan.node),
    score: score === undefined ? null : Number(score),
    keys: (n.__k as unknown[] | undefined) ?? null,
  });
  if (plan.kind === 'list') {
    const counted = plan.count ? (rows[0] ?? { total: 0, nodes: [] }) : null;
    const nodes = counted
      ? ((counted.nodes as Record<string, unknown>[]) ?? [])
      : rows.map((r) => r.node as Record<string, unknown>);
    const items = nodes.map((n) => item(n, undefined));
    if (plan.backward) items.reverse();
    return { items, totalCount: counted ? Number(counted.total ?? 0) : null };
  }
  return { items: rows.map((r) => item(r.node as Record<string, unknown>, r.score)), totalCount: null };
}

import type { CypherQuery, Executor } from '../../executor.ts';
import { LISTS, keysOf, listPreludes, orderClause, pageClauses } from '../lists.ts';
import { isWindowExact, searchStatement } from '../search.ts';
import { mapNode } from './map-rows.ts';
import type { NodePlan, PlannedRoot, RootPlan } from './plan.ts';
import { Scope, projectNode } from './compile-node.ts';

/** A list's WHERE, its cursor conditions and read order over `n`, with values as parameters of `scope`. */
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
  const page = pageClauses(plan.list, plan.orderBy, plan, (v) => scope.param(v));
  const where = (cs: string[]) => (cs.length > 0 ? ` WHERE ${cs.join(' AND ')}` : '');
  const prelude = listPreludes(spec, plan.where, (key) => params.get(key)!);
  const head = `${prelude ? `${prelude} ` : ''}MATCH (n:${spec.label})`;
  return {
    match: `${head}${where(conditions)}`,
    pageMatch: `${head}${where([...conditions, ...page.conditions])}`,
    cursor: page.conditions.join(' AND '),
    orderBy: orderClause(page.readOrder),
    keys: `__k: ${keysOf(page.keys)}`,
    filtered: conditions.length > 0,
  };
}

const BY_ID = new WeakMap<NodePlan, Map<string, { text: string; params: Record<string, unknown>; id: string }>>();

/**
 * One statement for one root field: the page, its nested relations (COLLECT subqueries) and,
 * when asked, the count of every match. Values travel as parameters; labels, types and property
 * names come from the model and the planner's tables.
 */
export function compilePlan(plan: RootPlan): CypherQuery {
  const scope = new Scope();
  switch (plan.kind) {
    case 'byId': {
      // The statement depends only on the label and the node plan (the API reuses a repeated
      // query's plan), the id is its first parameter: compile once, fill in the id.
      let byLabel = BY_ID.get(plan.node);
      if (!byLabel) BY_ID.set(plan.node, (byLabel = new Map()));
      let compiled = byLabel.get(plan.label);
      if (!compiled) {
        const id = scope.param(null);
        const text = `MATCH (n:${plan.label} {id: ${id}}) RETURN ${projectNode('n', plan.node, scope)} AS node`;
        byLabel.set(plan.label, (compiled = { text, params: scope.params, id: id.slice(1) }));
      }
      return { text: compiled.text, params: { ...compiled.params, [compiled.id]: plan.id } };
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
  if (plan.kind === 'search') {
    // A windowed page that a tie at the window's edge may have cut is read again, unbounded.
    if (plan.search.window !== undefined && rows[0] && !isWindowExact(rows[0], plan.search.first))
      return readPlan(executor, { ...plan, search: { ...plan.search, window: undefined } });
    const row = rows[0] ?? { total: 0, from: 0, nodes: [], scores: [] };
    const scores = (row.scores as number[]) ?? [];
    return {
      items: ((row.nodes as Record<string, unknown>[]) ?? []).map((n, i) => item(n, scores[i])),
      totalCount: row.total === null ? null : Number(row.total ?? 0),
      before: Number(row.from ?? 0),
    };
  }
  return { items: rows.map((r) => item(r.node as Record<string, unknown>, r.score)), totalCount: null };
}

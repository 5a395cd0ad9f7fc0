// targetProgress: each plan-year target beside last year's achievement of the same metric or
// designation, in one report or across every report, filtered and sorted by the change, in one
// statement whose projections come from the planner (only the fields asked for).
import type { CypherQuery, Executor } from '../executor.ts';
import { Scope, projectNode } from './compile/compile-node.ts';
import { mapNode } from './compile/map-rows.ts';
import type { NodePlan, PlannedNode } from './compile/plan.ts';
import { regionWithin } from './within.ts';

export type ChangeDirection = 'UP' | 'DOWN' | 'SAME';

export interface ProgressWhere {
  reportId?: string | null;
  regionName?: string | null;
  /** A place id: reports whose region is it or lies under it. */
  within?: string | null;
  year?: number | null;
  metricKey?: string | null;
  change?: ChangeDirection | null;
}

export interface ProgressOrder {
  field: 'CHANGE' | 'CHANGE_RATIO' | 'YEAR' | 'REGION';
  direction: 'ASC' | 'DESC';
}

export interface ProgressPlan {
  where: ProgressWhere;
  orderBy: ProgressOrder[];
  offset: number;
  limit: number;
  /** The targets' plan (Indicator and Goal) and their previous figures'. */
  target: NodePlan;
  previous: NodePlan;
}

export interface ProgressRow {
  target: PlannedNode;
  previous: PlannedNode | null;
  rel: Record<string, unknown> | null;
}

// The change as the sort sees it: in base units (the same on both sides, like for like).
const ORDERS: Record<ProgressOrder['field'], string> = {
  CHANGE: 'delta',
  CHANGE_RATIO: 'ratio',
  YEAR: 't.year',
  REGION: 'rep.regionName',
};
const COMPARE: Record<ChangeDirection, string> = { UP: '>', DOWN: '<', SAME: '=' };
const LIKE_FOR_LIKE = 'a.baseUnit = t.baseUnit AND (a.period IS NULL) = (t.period IS NULL)';

/**
 * One statement: the targets (kind `target`) that pass the filters, each with its previous
 * figure like for like only (an indicator's must share its base unit and be a single-year figure
 * when the target is one, a period figure when it is one; an annual target never stands beside a
 * five-year total). Goals come along unless a filter only indicators have (metricKey, change)
 * is set. Default order: newest plan year, region, report, position in the report.
 */
export function compileProgress(plan: ProgressPlan): CypherQuery {
  const scope = new Scope();
  const w = plan.where;
  const factConditions = ["t.kind = 'target'"];
  if (w.reportId) factConditions.push(`t.reportId = ${scope.param(w.reportId)}`);
  if (w.year !== undefined && w.year !== null) factConditions.push(`t.year = ${scope.param(w.year)}`);
  const reportConditions: string[] = [];
  if (w.regionName) reportConditions.push(`rep.regionName = ${scope.param(w.regionName)}`);
  if (w.within) reportConditions.push(regionWithin('rep', scope.param(w.within)));
  const repWhere = reportConditions.length > 0 ? ` WHERE ${reportConditions.join(' AND ')}` : '';
  const indicatorConditions = [...factConditions];
  if (w.metricKey) indicatorConditions.push(`t.metricKey = ${scope.param(w.metricKey)}`);
  // A change filter needs a previous figure: a plain MATCH with the comparison in its WHERE (the
  // planner filters while it expands), not an OPTIONAL MATCH filtered afterwards.
  const change = w.change ?? null;
  const previous =
    change === null
      ? `OPTIONAL MATCH (t)-[r:PREVIOUS]->(a:Indicator) WHERE ${LIKE_FOR_LIKE}`
      : `MATCH (t)-[r:PREVIOUS]->(a:Indicator) WHERE ${LIKE_FOR_LIKE} AND t.baseNumber ${COMPARE[change]} a.baseNumber`;
  const indicators = (out: 'RETURN' | 'WITH') => `MATCH (t:Indicator) WHERE ${indicatorConditions.join(' AND ')}
    MATCH (rep:Report {id: t.reportId})${repWhere}
    ${previous}
    ${out} t, rep, r, a, t.baseNumber - a.baseNumber AS delta,
      CASE WHEN a.baseNumber = 0 THEN null ELSE toFloat(t.baseNumber) / a.baseNumber END AS ratio`;
  const onlyIndicators = Boolean(w.metricKey) || change !== null;
  const goals = `MATCH (t:Goal) WHERE ${factConditions.join(' AND ')}
    MATCH (rep:Report {id: t.reportId})${repWhere}
    OPTIONAL MATCH (t)-[r:PREVIOUS]->(a:Goal)
    RETURN t, rep, r, a, null AS delta, null AS ratio`;
  const rows = onlyIndicators ? indicators('WITH') : `CALL () { ${indicators('RETURN')} UNION ALL ${goals} }`;
  const order = plan.orderBy.map((o) => `${ORDERS[o.field]} ${o.direction}`);
  const lead = plan.orderBy[0];
  if (change !== null && lead?.field === 'CHANGE') {
    // Sorted by the change first, where every row has one: the page lies among the rows whose
    // change is at or beyond the page's last, so only those are joined to their report and
    // sorted by every key (the full sort read five properties of every match).
    const [offset, limit] = [scope.param(plan.offset), scope.param(plan.limit)];
    const beyond = lead.direction === 'ASC' ? ['max', '<='] : ['min', '>='];
    const reportFirst = repWhere !== '';
    const text = `MATCH (t:Indicator)-[r:PREVIOUS]->(a:Indicator)
      WHERE ${indicatorConditions.join(' AND ')} AND ${LIKE_FOR_LIKE} AND t.baseNumber ${COMPARE[change]} a.baseNumber
      ${reportFirst ? `MATCH (rep:Report {id: t.reportId})${repWhere}` : ''}
      WITH collect({t: t, r: r, a: a${reportFirst ? ', rep: rep' : ''}, delta: t.baseNumber - a.baseNumber}) AS rows
      CALL (rows) { UNWIND rows AS x WITH x.delta AS delta ORDER BY delta ${lead.direction} LIMIT ${offset} + ${limit} RETURN ${beyond[0]}(delta) AS edge }
      UNWIND rows AS x WITH x WHERE x.delta ${beyond[1]} edge
      WITH x.t AS t, x.r AS r, x.a AS a, x.delta AS delta${reportFirst ? ', x.rep AS rep' : ''}
      ${reportFirst ? '' : 'MATCH (rep:Report {id: t.reportId})'}
      WITH t, rep, r, a, delta, CASE WHEN a.baseNumber = 0 THEN null ELSE toFloat(t.baseNumber) / a.baseNumber END AS ratio
      WITH t, rep, r, a, delta, ratio ORDER BY ${[...order, 'rep.planYear DESC', 'rep.regionName', 'rep.id', 't.start', 't.id'].join(', ')} SKIP ${offset} LIMIT ${limit}
      RETURN ${projectNode('t', plan.target, scope)} AS target, ${projectNode('a', plan.previous, scope)} AS previous, r { .confidence } AS rel`;
    return { text: text.replace(/\s+/g, ' '), params: scope.params };
  }
  // A total order (…, t.id), so offset cursors name the same place between pages.
  const orderBy = [...order, 'rep.planYear DESC', 'rep.regionName', 'rep.id', 't.start', 't.id'].join(', ');
  const text = `${rows}
    WITH t, rep, r, a, delta, ratio ORDER BY ${orderBy} SKIP ${scope.param(plan.offset)} LIMIT ${scope.param(plan.limit)}
    RETURN ${projectNode('t', plan.target, scope)} AS target,
      CASE WHEN a IS NULL THEN null ELSE ${projectNode('a', plan.previous, scope)} END AS previous,
      r { .confidence } AS rel`;
  return { text: text.replace(/\s+/g, ' '), params: scope.params };
}

/** Runs compileProgress's statement and maps its rows back. */
export async function readTargetProgress(executor: Executor, plan: ProgressPlan): Promise<ProgressRow[]> {
  const rows = await executor.read(compileProgress(plan));
  return rows.map((r) => ({
    target: mapNode(r.target as Record<string, unknown>, plan.target),
    previous: r.previous ? mapNode(r.previous as Record<string, unknown>, plan.previous) : null,
    rel: (r.rel as Record<string, unknown> | null) ?? null,
  }));
}

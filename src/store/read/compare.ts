// compare: one canonical metric across regions, one headline indicator per region, in one
// statement whose projections come from the planner (only the fields asked for).
import type { CypherQuery, Executor } from '../executor.ts';
import { Scope, projectNode } from './compile/compile-node.ts';
import { mapNode } from './compile/map-rows.ts';
import type { NodePlan, PlannedNode } from './compile/plan.ts';
import { headlineOrder, headlineWeight } from './headline.ts';
import { regionWithin } from './within.ts';

export type CompareKind = 'target' | 'achievement' | 'long_term_target';

export interface ComparePlan {
  metricKey: string;
  year: number;
  kind: CompareKind;
  /** The base units of the key's unit family: only these compare. */
  baseUnits: string[];
  within: string | null;
  first: number;
  indicator: NodePlan;
  report: NodePlan;
  /** The report's region (a Place), when asked for. */
  region: NodePlan | null;
  /** The section of the indicator's evidence, when asked for. */
  section: NodePlan | null;
}

export interface CompareRow {
  regionName: string;
  indicator: PlannedNode;
  report: PlannedNode;
  region: PlannedNode | null;
  section: PlannedNode | null;
}

// Which report of a region speaks for the year: a plan-year target is set in the report of that
// plan year; an achievement is stated in the next year's report, whose review year it is; a
// long-term target in any report up to that year, the latest first.
const REPORT_FITS: Record<CompareKind, string> = {
  target: 'rep.planYear = $year',
  achievement: 'rep.reviewYear = $year',
  long_term_target: 'rep.planYear <= $year',
};

/**
 * One statement: the indicators of the key, kind and year (single-year figures for targets and
 * achievements, never thresholds, only in the key's unit family), the best one per region: from
 * the report that fits (REPORT_FITS, the latest of several), and in it the headline statement
 * (headline.ts). Rows are ordered by region name.
 */
export function compileCompare(plan: ComparePlan): CypherQuery {
  const scope = new Scope();
  const key = scope.param(plan.metricKey);
  const year = scope.param(plan.year);
  const kind = scope.param(plan.kind);
  const units = scope.param(plan.baseUnits);
  const period = plan.kind === 'long_term_target' ? '' : ' AND n.period IS NULL';
  const within = plan.within ? ` AND ${regionWithin('rep', scope.param(plan.within))}` : '';
  const fits = REPORT_FITS[plan.kind].replace('$year', year);
  const extras: string[] = [];
  if (plan.region)
    extras.push(
      `head(COLLECT { MATCH (pl:Place {id: 'place:' + rep.regionCode}) RETURN ${projectNode('pl', plan.region, scope)} }) AS region`,
    );
  if (plan.section)
    extras.push(
      `head(COLLECT { MATCH (es:Section {id: n.sectionId}) RETURN ${projectNode('es', plan.section, scope)} }) AS section`,
    );
  const text = `MATCH (n:Indicator) WHERE n.metricKey = ${key} AND n.year = ${year} AND n.kind = ${kind}
      AND n.baseUnit IN ${units} AND NOT n.threshold${period}
    MATCH (rep:Report {id: n.reportId}) WHERE ${fits}${within}
    WITH n, rep, ${headlineWeight('n')} AS weight ORDER BY rep.planYear DESC, ${headlineOrder('n', 'weight')}
    WITH coalesce(rep.regionCode, rep.regionName) AS place, head(collect({n: n, rep: rep})) AS best
    WITH best.n AS n, best.rep AS rep ORDER BY rep.regionName, rep.id LIMIT ${scope.param(plan.first)}
    RETURN rep.regionName AS regionName, ${projectNode('n', plan.indicator, scope)} AS indicator,
      ${projectNode('rep', plan.report, scope)} AS report${extras.map((e) => `, ${e}`).join('')}`;
  return { text: text.replace(/\s+/g, ' '), params: scope.params };
}

/** Runs compileCompare's statement and maps its rows back. */
export async function readCompare(executor: Executor, plan: ComparePlan): Promise<CompareRow[]> {
  const rows = await executor.read(compileCompare(plan));
  return rows.map((r) => ({
    regionName: String(r.regionName),
    indicator: mapNode(r.indicator as Record<string, unknown>, plan.indicator),
    report: mapNode(r.report as Record<string, unknown>, plan.report),
    region: plan.region && r.region ? mapNode(r.region as Record<string, unknown>, plan.region) : null,
    section: plan.section && r.section ? mapNode(r.section as Record<string, unknown>, plan.section) : null,
  }));
}

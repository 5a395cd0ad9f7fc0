import type { Executor } from '../executor.ts';
import type { Label } from '../model.ts';

export interface ProgressRow {
  targetLabel: Label;
  target: Record<string, unknown>;
  previousLabel: Label | null;
  previous: Record<string, unknown> | null;
  rel: Record<string, unknown> | null;
}

export const PROGRESS_QUERY = `
  MATCH (t:Indicator {reportId: $id}) WHERE t.kind = 'target'
  OPTIONAL MATCH (t)-[r:PREVIOUS]->(a:Indicator)
    WHERE a.baseUnit = t.baseUnit AND (a.period IS NULL) = (t.period IS NULL)
  RETURN 'Indicator' AS targetLabel, t { .* } AS target, CASE WHEN a IS NULL THEN null ELSE 'Indicator' END AS previousLabel,
         a { .* } AS previous, r { .* } AS rel, t.start AS at
  UNION ALL
  MATCH (t:Goal {reportId: $id}) WHERE t.kind = 'target'
  OPTIONAL MATCH (t)-[r:PREVIOUS]->(a:Goal)
  RETURN 'Goal' AS targetLabel, t { .* } AS target, CASE WHEN a IS NULL THEN null ELSE 'Goal' END AS previousLabel,
         a { .* } AS previous, r { .* } AS rel, t.start AS at`;

/**
 * Each plan-year target of a report beside last year's achievement of the same metric or
 * designation, like for like only: an indicator's previous figure must share its base unit and be
 * a single-year figure when the target is one, a period figure when it is one (an annual target
 * never stands beside a five-year total).
 */
export async function readTargetProgress(executor: Executor, reportId: string): Promise<ProgressRow[]> {
  const rows = await executor.read({ text: PROGRESS_QUERY, params: { id: reportId } });
  return rows
    .sort((x, y) => Number(x.at) - Number(y.at))
    .map((r) => ({
      targetLabel: r.targetLabel as Label,
      target: r.target as Record<string, unknown>,
      previousLabel: (r.previousLabel as Label | null) ?? null,
      previous: (r.previous as Record<string, unknown> | null) ?? null,
      rel: (r.rel as Record<string, unknown> | null) ?? null,
    }));
}

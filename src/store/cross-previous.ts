// PREVIOUS across a region's reports. A report for plan year Y+1 states Y's achievements; the
// report for Y stated Y's targets. The later statement points to the earlier one:
//
//   (achievement Y, in report Y+1)-[:PREVIOUS {crossReport: true}]->(target Y, in report Y)
//
// so an achievement's `previous` is the target it answers and `change` (achievement − target)
// says by how much it beat or missed it, while a target's `previous` stays last year's
// achievement in its own report (the extractor's in-report PREVIOUS). Together they form one
// chain per metric: target Y+1 → achievement Y → target Y → achievement Y−1 …
//
// Like for like only: the same canonical metricKey, the same base unit, single-year figures on
// both sides (no period), no thresholds; of several candidates on either side the headline one
// (headline.ts). The link carries the later report's id, so deleting or re-ingesting that report
// removes it with its other links; deleting the earlier report removes it with its indicators.
// Whichever of the two reports is loaded first, loading the second one links them.
import type { TxRunner } from './executor.ts';
import { headlineOrder, headlineWeight } from './read/headline.ts';

/** The confidence of a cross-report PREVIOUS: the same canonical metric, base unit and year. */
export const CROSS_REPORT_CONFIDENCE = 0.9;

const REGION = (r: string) => `coalesce(${r}.regionCode, ${r}.regionName)`;

const LINK_QUERY = `
  UNWIND $ids AS id
  MATCH (r:Report {id: id})
  CALL (r) {
    MATCH (e:Report {planYear: r.planYear - 1}) WHERE ${REGION('e')} = ${REGION('r')} RETURN r AS later, e AS earlier
    UNION
    MATCH (l:Report {planYear: r.planYear + 1}) WHERE ${REGION('l')} = ${REGION('r')} RETURN l AS later, r AS earlier
  }
  WITH DISTINCT later, earlier
  MATCH (a:Indicator {reportId: later.id})
    WHERE a.kind = 'achievement' AND a.year = earlier.planYear AND a.period IS NULL AND a.metricKey IS NOT NULL AND NOT a.threshold
  WITH later, earlier, a, ${headlineWeight('a')} AS aw ORDER BY ${headlineOrder('a', 'aw')}
  WITH later, earlier, a.metricKey AS key, a.baseUnit AS unit, head(collect(a)) AS a
  MATCH (t:Indicator {reportId: earlier.id})
    WHERE t.kind = 'target' AND t.year = earlier.planYear AND t.period IS NULL AND t.metricKey = key AND t.baseUnit = unit AND NOT t.threshold
  WITH later, earlier, a, t, ${headlineWeight('t')} AS tw ORDER BY ${headlineOrder('t', 'tw')}
  WITH later, earlier, a, head(collect(t)) AS t
  MERGE (a)-[p:PREVIOUS {crossReport: true}]->(t)
  SET p.reportId = later.id, p.confidence = $confidence, p.sectionId = t.sectionId, p.start = t.start,
      p.end = t.end, p.text = t.text,
      p.note = 'across reports: the ' + a.metricKey + ' achievement of ' + toString(a.year) + ' in ' + later.id
        + ' answers the target of ' + earlier.id + ' (same canonical metric and base unit)'
  RETURN count(p) AS linked`;

/**
 * Links the achievements of each given report and of its region's neighbouring years with the
 * targets they answer (see the file's comment). Idempotent: a link already there is kept.
 * @returns how many cross-report links the reports now take part in (new or kept)
 */
export async function linkCrossReportPrevious(tx: Pick<TxRunner, 'run'>, reportIds: string[]): Promise<number> {
  if (reportIds.length === 0) return 0;
  const rows = await tx.run({ text: LINK_QUERY, params: { ids: reportIds, confidence: CROSS_REPORT_CONFIDENCE } });
  return Number(rows[0]?.linked ?? 0);
}

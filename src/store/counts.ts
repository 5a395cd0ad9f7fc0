import type { Executor } from './executor.ts';
import { LABELS, REL_TYPES } from './model.ts';
import { REPORT_COUNTS } from './read/report-counts.ts';

export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

/**
 * Counts nodes by label and relationships by type, over the whole database or one report
 * (its own nodes plus the shared nodes its sections mention; its own links, without the
 * cross-report PREVIOUS links that join it to its region's other reports).
 */
export async function countGraph(executor: Executor, reportId?: string): Promise<GraphCounts> {
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  if (!reportId) {
    for (const label of LABELS) {
      const rows = await executor.read({ text: `MATCH (n:${label}) RETURN count(n) AS n` });
      nodes[label] = Number(rows[0]?.n ?? 0);
    }
    for (const type of REL_TYPES) {
      const rows = await executor.read({ text: `MATCH ()-[r:${type}]->() RETURN count(r) AS n` });
      relationships[type] = Number(rows[0]?.n ?? 0);
    }
    return { nodes, relationships };
  }
  const rows = await executor.read({
    text: `MATCH (r:Report {id: $id})
           ${REPORT_COUNTS}
           RETURN sections, indicators, goals, projects, places, enterprises`,
    params: { id: reportId },
  });
  const row = rows[0] ?? {};
  Object.assign(nodes, {
    Report: rows.length,
    Section: Number(row.sections ?? 0),
    Indicator: Number(row.indicators ?? 0),
    Goal: Number(row.goals ?? 0),
    Project: Number(row.projects ?? 0),
    Place: Number(row.places ?? 0),
    Enterprise: Number(row.enterprises ?? 0),
  });
  const rels = await executor.read({
    text: `MATCH ()-[r]->() WHERE r.reportId = $id AND r.crossReport IS NULL RETURN type(r) AS type, count(r) AS n
           UNION ALL
           MATCH (:Report {id: $id})-[r:HAS_SECTION]->() RETURN type(r) AS type, count(r) AS n
           UNION ALL
           MATCH (:Section {reportId: $id})-[r:HAS_SUBSECTION|STATES]->() RETURN type(r) AS type, count(r) AS n`,
    params: { id: reportId },
  });
  for (const type of REL_TYPES) relationships[type] = 0;
  for (const r of rels) relationships[String(r.type)] = (relationships[String(r.type)] ?? 0) + Number(r.n);
  return { nodes, relationships };
}

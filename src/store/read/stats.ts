import type { Executor } from '../executor.ts';
import { LABELS } from '../model.ts';
import { REPORT_COUNTS } from './report-counts.ts';

export interface StatsRows {
  byKind: { kind: string; count: number }[];
  byReport: {
    reportId: string;
    title: string;
    sections: number;
    indicators: number;
    goals: number;
    projects: number;
    places: number;
    enterprises: number;
  }[];
  byPlace: { placeId: string; name: string; type: string; mentions: number; reports: number }[];
}

export const STATS_QUERIES = {
  // One literal label per branch, so each count comes from the count store.
  byKind: LABELS.map((l) => `MATCH (n:${l}) RETURN '${l}' AS kind, count(n) AS count`).join(' UNION ALL '),
  byReport: `MATCH (r:Report)
    ${REPORT_COUNTS}
    RETURN r.id AS reportId, r.title AS title, sections, indicators, goals, projects, places, enterprises
    ORDER BY r.planYear DESC, r.regionName`,
  byPlace: `MATCH (s:Section)-[:MENTIONS]->(p:Place)
    WITH p, count(*) AS mentions, count(DISTINCT s.reportId) AS reports
    RETURN p.id AS placeId, p.name AS name, p.type AS type, mentions, reports
    ORDER BY mentions DESC, p.name LIMIT $limit`,
} as const;

/** Counts by kind, by report and by place (the most mentioned places first). */
export async function readStats(executor: Executor, placeLimit = 50): Promise<StatsRows> {
  const [byKind, byReport, byPlace] = await Promise.all([
    executor.read({ text: STATS_QUERIES.byKind }),
    executor.read({ text: STATS_QUERIES.byReport }),
    executor.read({ text: STATS_QUERIES.byPlace, params: { limit: placeLimit } }),
  ]);
  return {
    byKind: byKind as StatsRows['byKind'],
    byReport: byReport as StatsRows['byReport'],
    byPlace: byPlace as StatsRows['byPlace'],
  };
}

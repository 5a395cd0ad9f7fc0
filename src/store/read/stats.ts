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

// Stats scan the whole graph and change only when a report is loaded: one answer per executor
// and limit is reused for this long, so dashboards polling `stats` do not load the database.
export const STATS_TTL_MS = 30_000;
const cache = new WeakMap<Executor, Map<number, { at: number; rows: Promise<StatsRows> }>>();

/** Counts by kind, by report and by place (the most mentioned places first), cached for STATS_TTL_MS. */
export function readStats(executor: Executor, placeLimit = 50, now = Date.now()): Promise<StatsRows> {
  const byLimit = cache.get(executor) ?? new Map<number, { at: number; rows: Promise<StatsRows> }>();
  cache.set(executor, byLimit);
  const hit = byLimit.get(placeLimit);
  if (hit && now - hit.at < STATS_TTL_MS) return hit.rows;
  const rows = readStatsUncached(executor, placeLimit);
  byLimit.set(placeLimit, { at: now, rows });
  rows.catch(() => byLimit.delete(placeLimit)); // a failure is not cached
  return rows;
}

async function readStatsUncached(executor: Executor, placeLimit: number): Promise<StatsRows> {
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

import { gql } from './api.ts';

/** A report as the reader names it: its region and plan year (e.g. 河北省 2026). */
export interface ReportRef {
  id: string;
  regionName: string;
  planYear: number;
  title: string;
}

const REPORTS = `{ reports(first: 100, orderBy: [{field: PLAN_YEAR, direction: DESC}, {field: REGION, direction: ASC}]) {
  nodes { id title regionName planYear } } }`;

let cache: Promise<Map<string, ReportRef>> | null = null;

/**
 * Every report, fetched once per page and kept (a failed fetch is forgotten so that the next call
 * retries). Until the API gives each fact a `report { … }` field, attribution is derived from ids.
 */
export function loadReports(): Promise<Map<string, ReportRef>> {
  cache ??= gql<{ reports: { nodes: ReportRef[] } }>(REPORTS).then(
    (d) => new Map(d.reports.nodes.map((r) => [r.id, r])),
    (e: unknown) => {
      cache = null;
      throw e;
    },
  );
  return cache;
}

/**
 * The id of the report a node belongs to: a fact's id starts with its report's id
 * (`<region>-<year>-<hash>/I015`), a report's id is its own. Places and enterprises are shared
 * across reports (`place:…`, `enterprise:…`) and have none.
 */
export function reportIdOf(id: string): string | null {
  const slash = id.indexOf('/');
  if (slash > 0) return id.slice(0, slash);
  return /^[^:/]+-\d{4}-[0-9a-f]+$/.test(id) ? id : null;
}

/** "河北省 2026" for a node of a known report, else null. */
export function attributionOf(id: string, reports: Map<string, ReportRef>): string | null {
  const rid = reportIdOf(id);
  const r = rid ? reports.get(rid) : undefined;
  return r ? `${r.regionName} ${r.planYear}` : null;
}

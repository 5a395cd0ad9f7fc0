import type { CypherQuery, Executor } from '../executor.ts';
import { LABELS, type Label } from '../model.ts';
import { locatedWithin, mentionedWithin, placeIdWithin, reportIdWithin, withinPrelude } from './within.ts';

export interface SearchRow {
  label: Label;
  node: Record<string, unknown>;
  score: number;
}

// Lucene's query syntax characters: user text is matched literally, never as query syntax.
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns what a user typed into a Lucene query for the cjk analyzer: every whitespace-separated
 * term escaped and quoted (so 高标准农田 matches that exact run of characters), all terms required.
 * Returns null when nothing searchable is left.
 */
export function toLuceneQuery(input: string): string | null {
  const terms = input
    .split(/\s+/)
    .map((t) => t.replace(LUCENE_SPECIAL, ' ').trim())
    .filter((t) => t.length > 0);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/\s+/g, ' ')}"`).join(' AND ');
}

/** Where a page of hits starts: after the hit with this score and id (the previous page's last). */
export interface SearchAfter {
  score: number;
  id: string;
}

/** What a search asks: the Lucene query, the filters, and the page. */
export interface SearchSpec {
  lucene: string;
  labels: Label[] | null;
  /** Hits of this report: its own nodes, and the shared places and enterprises it names. */
  reportId?: string | null;
  /** Hits within this place (within.ts): reports about it or under it, their facts, its places. */
  within?: string | null;
  /** Hits of reports for this plan year (shared places and enterprises: named by one). */
  year?: number | null;
  first: number;
  after: SearchAfter | null;
  /**
   * Ask the index for only its `window` best hits (a first page whose answer needs no total):
   * the answer then says whether the window was full and its lowest score, and is exact
   * unless a full window's lowest score ties the page's last (isWindowExact).
   */
  window?: number;
}

/** Whether a windowed page is the page the unbounded statement gives (see SearchSpec.window). */
export function isWindowExact(row: Record<string, unknown>, first: number): boolean {
  if (!row.windowFull) return true;
  const scores = (row.scores as number[] | undefined) ?? [];
  return scores.length === first && Number(scores.at(-1)) > Number(row.floor);
}

// A hit's report: a report is its own; sections, targets and projects carry reportId; shared
// places and enterprises belong to every report whose sections mention them.
const SHARED = '(n:Place OR n:Enterprise)';

/**
 * One statement for a page of hits: every hit of the index (no cap) is filtered, counted and
 * sorted by score, then id (a total order, so `after` names one place between pages), and only
 * the page is projected. `param` names a value as a parameter; `project` is the projection of
 * `n`. Answers one row: total, from (hits before the page), nodes, scores.
 */
export function searchStatement(
  spec: SearchSpec,
  param: (value: unknown) => string,
  project: (n: string) => string,
): string {
  const conditions: string[] = [];
  if (spec.labels) conditions.push(`any(l IN labels(n) WHERE l IN ${param(spec.labels)})`);
  if (spec.reportId) {
    const r = param(spec.reportId);
    conditions.push(
      `CASE WHEN n:Report THEN n.id = ${r} WHEN ${SHARED} THEN EXISTS { MATCH (:Section {reportId: ${r}})-[:MENTIONS]->(n) } ELSE n.reportId = ${r} END`,
    );
  }
  if (spec.year !== undefined && spec.year !== null) {
    const y = param(spec.year);
    conditions.push(
      `CASE WHEN n:Report THEN n.planYear = ${y} WHEN ${SHARED} THEN EXISTS { MATCH (ys:Section)-[:MENTIONS]->(n) MATCH (:Report {id: ys.reportId, planYear: ${y}}) } ELSE EXISTS { MATCH (:Report {id: n.reportId, planYear: ${y}}) } END`,
    );
  }
  let prelude = '';
  let carry = '';
  if (spec.within) {
    prelude = `${withinPrelude(param(spec.within).slice(1))} `;
    carry = ', withinPlaces, withinReports';
    conditions.push(
      `CASE WHEN n:Report THEN ${reportIdWithin('n.id')} WHEN n:Place THEN ${placeIdWithin('n.id')}
        WHEN n:Enterprise THEN (${locatedWithin('n')} OR ${mentionedWithin('n')})
        WHEN n:Project THEN (${reportIdWithin('n.reportId')} OR ${locatedWithin('n')})
        ELSE ${reportIdWithin('n.reportId')} END`,
    );
  }
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  const from = spec.after
    ? `size([i IN range(0, size(ns) - 1) WHERE ss[i] > ${param(spec.after.score)} OR (ss[i] = ${param(spec.after.score)} AND ns[i].id <= ${param(spec.after.id)})])`
    : '0';
  const first = param(spec.first);
  if (spec.window !== undefined && !spec.after) {
    // Lucene's best `window` hits only: filtered, sorted and cut to the page without a total.
    const window = param(spec.window);
    return `${prelude}CALL db.index.fulltext.queryNodes('plangraph_text', ${param(spec.lucene)}, {limit: ${window}}) YIELD node, score
    WITH collect({n: node, score: score}) AS hits${carry}
    WITH size(hits) = ${window} AS windowFull, reduce(m = 1.0e300, h IN hits | CASE WHEN h.score < m THEN h.score ELSE m END) AS floor, hits${carry}
    CALL (hits${carry}) {
      UNWIND hits AS hit
      WITH hit.n AS n, hit.score AS score${carry}${where}
      WITH n, score ORDER BY score DESC, n.id LIMIT ${first}
      RETURN collect(n) AS ns, collect(score) AS ss
    }
    RETURN null AS total, 0 AS from, [n IN ns | ${project('n')}] AS nodes, ss AS scores, windowFull, floor`;
  }
  return `${prelude}CALL db.index.fulltext.queryNodes('plangraph_text', ${param(spec.lucene)}) YIELD node, score
    WITH node AS n, score${carry}${where}
    WITH n, score ORDER BY score DESC, n.id
    WITH collect(n) AS ns, collect(score) AS ss
    WITH ns, ss, ${from} AS from
    RETURN size(ns) AS total, from, [n IN ns[from..from + ${first}] | ${project('n')}] AS nodes, ss[from..from + ${first}] AS scores`;
}

export interface SearchPage {
  rows: SearchRow[];
  totalCount: number;
  /** Hits before this page (those up to `after`). */
  before: number;
}

export function buildSearchQuery(spec: SearchSpec): CypherQuery {
  const params: Record<string, unknown> = { allLabels: [...LABELS] };
  let i = 0;
  const param = (value: unknown) => {
    const name = `s${i++}`;
    params[name] = value;
    return `$${name}`;
  };
  const text = searchStatement(
    spec,
    param,
    (n) =>
      `{ label: head([l IN labels(${n}) WHERE l IN $allLabels]), node: ${n} { .*, fullText: null, graphJson: null } }`,
  );
  return { text, params };
}

/** Ranked full-text search over names, titles, metrics and evidence text (cjk analyzer), one page. */
export async function searchNodes(executor: Executor, spec: SearchSpec): Promise<SearchPage> {
  const [row] = await executor.read(buildSearchQuery(spec));
  const nodes = (row?.nodes as { label: Label; node: Record<string, unknown> }[] | undefined) ?? [];
  const scores = (row?.scores as number[] | undefined) ?? [];
  return {
    rows: nodes.map((n, k) => ({ label: n.label, node: n.node, score: Number(scores[k]) })),
    totalCount: Number(row?.total ?? 0),
    before: Number(row?.from ?? 0),
  };
}

import type { CypherQuery, Executor } from '../executor.ts';
import type { Label } from '../model.ts';
import { DEFAULT_MIN_CONFIDENCE } from './confidence.ts';
import { project } from './projections.ts';
import { locatedWithin, mentionedWithin, placeIdWithin, reportIdWithin, withinPrelude } from './within.ts';

export type ListKind = 'reports' | 'sections' | 'indicators' | 'goals' | 'projects' | 'places' | 'enterprises';
export type Where = Record<string, unknown>;
export interface OrderBy {
  field: string;
  direction: 'ASC' | 'DESC';
}

type Filter = (value: unknown, param: string) => string;

// Plain CONTAINS (matched as written, so case-sensitive for Latin letters): the text indexes of
// cypher/005 serve it; toLower() around the property would force a scan of every node.
const contains =
  (prop: string): Filter =>
  (_, p) =>
    `n.${prop} CONTAINS $${p}`;
const nameContains: Filter = (_, p) => `(n.name CONTAINS $${p} OR coalesce(n.aliasText, '') CONTAINS $${p})`;
const equals =
  (prop: string): Filter =>
  (_, p) =>
    `n.${prop} = $${p}`;
const oneOf =
  (prop: string): Filter =>
  (_, p) =>
    `n.${prop} IN $${p}`;
const atLeast =
  (prop: string): Filter =>
  (_, p) =>
    `n.${prop} >= $${p}`;
const atMost =
  (prop: string): Filter =>
  (_, p) =>
    `n.${prop} <= $${p}`;
// A section and everything below it: section ids are outline paths (…/S2.1 contains …/S2.1.3).
const inSection: Filter = (_, p) => `(n.sectionId = $${p} OR n.sectionId STARTS WITH $${p} + '.')`;
// Whether any project serves the target at the default confidence: `served: false` is the gap
// analysis (targets nothing is done for).
const served: Filter = (_, p) =>
  `EXISTS { MATCH (:Project)-[s:SERVES]->(n) WHERE s.confidence >= ${DEFAULT_MIN_CONFIDENCE} } = $${p}`;
// Whether the project serves any target at the default confidence.
const serves: Filter = (_, p) =>
  `EXISTS { MATCH (n)-[s:SERVES]->() WHERE s.confidence >= ${DEFAULT_MIN_CONFIDENCE} } = $${p}`;
const mentionedByReport: Filter = (_, p) => `EXISTS { MATCH (:Section {reportId: $${p}})-[:MENTIONS]->(n) }`;
// Attribution: a fact's report (by its reportId) and that report's region and plan year.
const ofReport =
  (prop: string): Filter =>
  (_, p) =>
    `EXISTS { MATCH (ar:Report {id: n.reportId}) WHERE ar.${prop} = $${p} }`;
const reportValue = (prop: string) => `head(COLLECT { MATCH (ar:Report {id: n.reportId}) RETURN ar.${prop} AS v })`;
const BY_REPORT = {
  regionName: ofReport('regionName'),
  regionCode: ofReport('regionCode'),
  planYear: ofReport('planYear'),
  within: () => reportIdWithin('n.reportId'),
};
const BY_REPORT_ORDERS = { REGION: reportValue('regionName'), PLAN_YEAR: reportValue('planYear') };
// `within` needs the place hierarchy bound once before the list's MATCH (within.ts).
const WITHIN_PRELUDE = { within: withinPrelude };

interface ListSpec {
  label: Label;
  filters: Record<string, Filter>;
  /** Subqueries a filter needs bound once before the MATCH (given the filter's parameter name). */
  preludes?: Record<string, (param: string) => string>;
  orders: Record<string, string>;
  defaultOrder: string[];
}

/** What each list can filter and sort on. Keys are the GraphQL input fields. */
export const LISTS: Record<ListKind, ListSpec> = {
  reports: {
    label: 'Report',
    filters: {
      nameContains: contains('title'),
      regionName: equals('regionName'),
      regionLevel: equals('regionLevel'),
      regionCode: equals('regionCode'),
      planYear: equals('planYear'),
      within: () => reportIdWithin('n.id'),
    },
    preludes: WITHIN_PRELUDE,
    orders: { PLAN_YEAR: 'n.planYear', REGION: 'n.regionName', DELIVERED_ON: 'n.deliveredOn', TITLE: 'n.title' },
    defaultOrder: ['n.planYear DESC', 'n.regionName'],
  },
  sections: {
    label: 'Section',
    filters: {
      reportId: equals('reportId'),
      level: equals('level'),
      part: equals('part'),
      parentId: equals('parentId'),
      titleContains: contains('title'),
      nameContains: contains('title'),
      ...BY_REPORT,
    },
    preludes: WITHIN_PRELUDE,
    orders: { POSITION: 'n.start', LEVEL: 'n.level', TITLE: 'n.title', ...BY_REPORT_ORDERS },
    defaultOrder: ['n.reportId', 'n.start'],
  },
  indicators: {
    label: 'Indicator',
    filters: {
      kind: oneOf('kind'),
      year: equals('year'),
      yearFrom: atLeast('year'),
      yearTo: atMost('year'),
      metricContains: contains('metric'),
      metricKey: equals('metricKey'),
      nameContains: contains('metric'),
      unit: equals('unit'),
      baseUnit: equals('baseUnit'),
      valueMin: atLeast('value'),
      valueMax: atMost('value'),
      baseValueMin: atLeast('baseNumber'),
      baseValueMax: atMost('baseNumber'),
      qualifier: equals('qualifier'),
      threshold: equals('threshold'),
      reportId: equals('reportId'),
      sectionId: inSection,
      placeId: (_, p) => `EXISTS { MATCH (:Section {id: n.sectionId})-[:MENTIONS]->(:Place {id: $${p}}) }`,
      served,
      ...BY_REPORT,
    },
    preludes: WITHIN_PRELUDE,
    orders: {
      YEAR: 'n.year',
      VALUE: 'n.value',
      BASE_VALUE: 'n.baseNumber',
      METRIC: 'n.metric',
      METRIC_KEY: 'n.metricKey',
      KIND: 'n.kind',
      POSITION: 'n.start',
      ...BY_REPORT_ORDERS,
    },
    defaultOrder: ['n.reportId', 'n.start'],
  },
  goals: {
    label: 'Goal',
    filters: {
      kind: oneOf('kind'),
      year: equals('year'),
      nameContains: contains('name'),
      action: equals('action'),
      reportId: equals('reportId'),
      sectionId: inSection,
      served,
      ...BY_REPORT,
    },
    preludes: WITHIN_PRELUDE,
    orders: { YEAR: 'n.year', NAME: 'n.name', POSITION: 'n.start', ...BY_REPORT_ORDERS },
    defaultOrder: ['n.reportId', 'n.start'],
  },
  projects: {
    label: 'Project',
    filters: {
      nameContains: contains('name'),
      reportId: equals('reportId'),
      placeId: (_, p) => `EXISTS { MATCH (n)-[:LOCATED_IN]->(:Place {id: $${p}}) }`,
      enterpriseId: (_, p) => `EXISTS { MATCH (:Enterprise {id: $${p}})-[:INVOLVES]->(n) }`,
      serves,
      ...BY_REPORT,
      // Its report's region is under P, or it is located in a place under P.
      within: () => `(${reportIdWithin('n.reportId')} OR ${locatedWithin('n')})`,
    },
    preludes: WITHIN_PRELUDE,
    orders: { NAME: 'n.name', ...BY_REPORT_ORDERS },
    defaultOrder: ['n.reportId', 'n.name'],
  },
  places: {
    label: 'Place',
    filters: {
      nameContains,
      type: oneOf('type'),
      code: equals('code'),
      parentId: (_, p) => `EXISTS { MATCH (n)-[:PART_OF]->(:Place {id: $${p}}) }`,
      reportId: mentionedByReport,
      within: () => placeIdWithin('n.id'),
    },
    preludes: WITHIN_PRELUDE,
    orders: { NAME: 'n.name', TYPE: 'n.type', CODE: 'n.code' },
    defaultOrder: ['n.name'],
  },
  enterprises: {
    label: 'Enterprise',
    filters: {
      nameContains,
      reportId: mentionedByReport,
      placeId: (_, p) => `EXISTS { MATCH (n)-[:LOCATED_IN]->(:Place {id: $${p}}) }`,
      // Located in a place under P, or named by a report within P.
      within: () => `(${locatedWithin('n')} OR ${mentionedWithin('n')})`,
    },
    preludes: WITHIN_PRELUDE,
    orders: { NAME: 'n.name' },
    defaultOrder: ['n.name'],
  },
};

/** The preludes the set filters need, in a fixed order, each with its filter's parameter name. */
export function listPreludes(spec: ListSpec, where: Where, paramOf: (key: string) => string): string {
  return Object.entries(spec.preludes ?? {})
    .filter(([key]) => where[key] !== undefined && where[key] !== null)
    .map(([key, prelude]) => prelude(paramOf(key)))
    .join(' ');
}

/** One key of a list's order: a property expression over `n` and its direction. */
export interface OrderKey {
  expr: string;
  direction: 'ASC' | 'DESC';
}

/**
 * A list's total order: the asked-for keys (or the list's default) and `n.id` last as the
 * tiebreak, so a row's key values name one place in the order (keyset cursors).
 */
export function listOrder(kind: ListKind, orderBy: readonly OrderBy[] = []): OrderKey[] {
  const spec = LISTS[kind];
  const asked = orderBy.flatMap((o) =>
    spec.orders[o.field] ? [{ expr: spec.orders[o.field]!, direction: o.direction }] : [],
  );
  const keys =
    asked.length > 0
      ? asked
      : spec.defaultOrder.map((o) => {
          const [expr, dir] = o.split(' ');
          return { expr: expr!, direction: dir === 'DESC' ? ('DESC' as const) : ('ASC' as const) };
        });
  return [...keys, { expr: 'n.id', direction: 'ASC' }];
}

/** The same order read the other way (a backward page is fetched in it, then reversed). */
export const reverseOrder = (keys: readonly OrderKey[]): OrderKey[] =>
  keys.map((k) => ({ expr: k.expr, direction: k.direction === 'ASC' ? 'DESC' : 'ASC' }));

export const orderClause = (keys: readonly OrderKey[]) => keys.map((k) => `${k.expr} ${k.direction}`).join(', ');

/** The key values of each row, returned next to it: what a cursor is made of. */
export const keysOf = (keys: readonly OrderKey[]) => `[${keys.map((k) => k.expr).join(', ')}]`;

/**
 * The rows strictly after `values` in the order `keys`, as a lexicographic condition: key 1
 * after, or equal and key 2 after, and so on. Neo4j sorts null last ascending and first
 * descending, and the condition follows it. Values travel as parameters (`param`).
 */
export function afterCondition(keys: readonly OrderKey[], values: readonly unknown[], param: (v: unknown) => string) {
  const ps = keys.map((_, i) => (values[i] === null || values[i] === undefined ? null : param(values[i])));
  const equal = (k: OrderKey, p: string | null) => (p === null ? `${k.expr} IS NULL` : `${k.expr} = ${p}`);
  const orNull = (k: OrderKey) => (k.expr === 'n.id' ? '' : ` OR ${k.expr} IS NULL`); // ids are never null
  const after = (k: OrderKey, p: string | null): string | null => {
    if (k.direction === 'ASC') return p === null ? null : `(${k.expr} > ${p}${orNull(k)})`;
    return p === null ? `${k.expr} IS NOT NULL` : `${k.expr} < ${p}`;
  };
  const alternatives: string[] = [];
  keys.forEach((k, i) => {
    const step = after(k, ps[i]!);
    if (step === null) return;
    alternatives.push([...keys.slice(0, i).map((p, j) => equal(p, ps[j]!)), step].join(' AND '));
  });
  return alternatives.length > 0 ? `(${alternatives.map((a) => `(${a})`).join(' OR ')})` : 'false';
}

/** Where a page starts and which way it reads: key values from cursors (see afterCondition). */
export interface PageWindow {
  /** The key values of the row the page starts after, in the list's order. */
  after?: readonly unknown[] | null;
  /** The key values of the row the page ends before. */
  before?: readonly unknown[] | null;
  /** Read from the end: the rows nearest `before` (or the last rows), still returned in order. */
  backward?: boolean;
}

/** The cursor conditions of a page and the order to read it in. */
export function pageClauses(
  kind: ListKind,
  orderBy: readonly OrderBy[],
  window: PageWindow,
  param: (v: unknown) => string,
) {
  const keys = listOrder(kind, orderBy);
  const conditions: string[] = [];
  if (window.after) conditions.push(afterCondition(keys, window.after, param));
  if (window.before) conditions.push(afterCondition(reverseOrder(keys), window.before, param));
  return { keys, conditions, readOrder: window.backward ? reverseOrder(keys) : keys };
}

export interface ListArgs extends PageWindow {
  where?: Where;
  orderBy?: OrderBy[];
  /** Rows to read (a page asks one more, to know whether another page follows). */
  limit: number;
}

/** The page and count queries of a list. Filter and order names are looked up, never spliced from input. */
export function buildListQueries(kind: ListKind, args: ListArgs): { page: CypherQuery; count: CypherQuery } {
  const spec = LISTS[kind];
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args.where ?? {})) {
    if (value === undefined || value === null) continue;
    const filter = spec.filters[key];
    if (!filter) continue; // the API's zod schema only lets known keys through
    params[key] = value;
    conditions.push(filter(value, key));
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const prelude = listPreludes(spec, args.where ?? {}, (key) => key);
  const match = `${prelude ? `${prelude} ` : ''}MATCH (n:${spec.label})`;
  let k = 0;
  const pageParams: Record<string, unknown> = { ...params, limit: args.limit };
  const param = (v: unknown) => {
    const name = `k${k++}`;
    pageParams[name] = v;
    return `$${name}`;
  };
  const page = pageClauses(kind, args.orderBy ?? [], args, param);
  const all = [...conditions, ...page.conditions];
  const pageWhere = all.length > 0 ? `WHERE ${all.join(' AND ')}` : '';
  return {
    page: {
      text: `${match} ${pageWhere} RETURN ${project('n', spec.label)} AS node, ${keysOf(page.keys)} AS keys ORDER BY ${orderClause(page.readOrder)} LIMIT $limit`,
      params: pageParams,
    },
    count: { text: `${match} ${where} RETURN count(n) AS total`, params },
  };
}

export interface Page<T> {
  /** In the list's order, backward pages too. */
  nodes: T[];
  /** The order key values of each node (what its cursor encodes). */
  keys: unknown[][];
  totalCount: number;
}

/** Runs a list's page and count queries. */
export async function listNodes<T = Record<string, unknown>>(
  executor: Executor,
  kind: ListKind,
  args: ListArgs,
): Promise<Page<T>> {
  const { page, count } = buildListQueries(kind, args);
  const [rows, totals] = await Promise.all([executor.read(page), executor.read(count)]);
  if (args.backward) rows.reverse();
  return {
    nodes: rows.map((r) => r.node as T),
    keys: rows.map((r) => r.keys as unknown[]),
    totalCount: Number(totals[0]?.total ?? 0),
  };
}

import type { CypherQuery, Executor } from '../executor.ts';
import type { Label } from '../model.ts';
import { DEFAULT_MIN_CONFIDENCE } from './confidence.ts';
import { project } from './projections.ts';

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
const within =
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
const mentionedByReport: Filter = (_, p) => `EXISTS { MATCH (:Section {reportId: $${p}})-[:MENTIONS]->(n) }`;

interface ListSpec {
  label: Label;
  filters: Record<string, Filter>;
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
      planYear: equals('planYear'),
    },
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
    },
    orders: { POSITION: 'n.start', LEVEL: 'n.level', TITLE: 'n.title' },
    defaultOrder: ['n.reportId', 'n.start'],
  },
  indicators: {
    label: 'Indicator',
    filters: {
      kind: within('kind'),
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
    },
    orders: {
      YEAR: 'n.year',
      VALUE: 'n.value',
      BASE_VALUE: 'n.baseNumber',
      METRIC: 'n.metric',
      METRIC_KEY: 'n.metricKey',
      KIND: 'n.kind',
      POSITION: 'n.start',
    },
    defaultOrder: ['n.reportId', 'n.start'],
  },
  goals: {
    label: 'Goal',
    filters: {
      kind: within('kind'),
      year: equals('year'),
      nameContains: contains('name'),
      action: equals('action'),
      reportId: equals('reportId'),
      sectionId: inSection,
      served,
    },
    orders: { YEAR: 'n.year', NAME: 'n.name', POSITION: 'n.start' },
    defaultOrder: ['n.reportId', 'n.start'],
  },
  projects: {
    label: 'Project',
    filters: {
      nameContains: contains('name'),
      reportId: equals('reportId'),
      placeId: (_, p) => `EXISTS { MATCH (n)-[:LOCATED_IN]->(:Place {id: $${p}}) }`,
      enterpriseId: (_, p) => `EXISTS { MATCH (:Enterprise {id: $${p}})-[:INVOLVES]->(n) }`,
    },
    orders: { NAME: 'n.name' },
    defaultOrder: ['n.reportId', 'n.name'],
  },
  places: {
    label: 'Place',
    filters: {
      nameContains,
      type: within('type'),
      code: equals('code'),
      parentId: (_, p) => `EXISTS { MATCH (n)-[:PART_OF]->(:Place {id: $${p}}) }`,
      reportId: mentionedByReport,
    },
    orders: { NAME: 'n.name', TYPE: 'n.type', CODE: 'n.code' },
    defaultOrder: ['n.name'],
  },
  enterprises: {
    label: 'Enterprise',
    filters: {
      nameContains,
      reportId: mentionedByReport,
      placeId: (_, p) => `EXISTS { MATCH (n)-[:LOCATED_IN]->(:Place {id: $${p}}) }`,
    },
    orders: { NAME: 'n.name' },
    defaultOrder: ['n.name'],
  },
};

export interface ListArgs {
  where?: Where;
  orderBy?: OrderBy[];
  offset: number;
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
  const order = (args.orderBy ?? []).flatMap((o) =>
    spec.orders[o.field] ? [`${spec.orders[o.field]} ${o.direction}`] : [],
  );
  // n.id last: a total order, so offset cursors are stable between pages.
  const orderClause = [...(order.length > 0 ? order : spec.defaultOrder), 'n.id'].join(', ');
  return {
    page: {
      text: `MATCH (n:${spec.label}) ${where} RETURN ${project('n', spec.label)} AS node ORDER BY ${orderClause} SKIP $offset LIMIT $limit`,
      params: { ...params, offset: args.offset, limit: args.limit },
    },
    count: { text: `MATCH (n:${spec.label}) ${where} RETURN count(n) AS total`, params },
  };
}

export interface Page<T> {
  nodes: T[];
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
  return { nodes: rows.map((r) => r.node as T), totalCount: Number(totals[0]?.total ?? 0) };
}

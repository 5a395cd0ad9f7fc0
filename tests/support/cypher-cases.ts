import { createApolloServer } from '../../src/api/apollo.ts';
import type { ApiContext } from '../../src/api/context.ts';
import { createLoaders } from '../../src/api/loaders.ts';
import { createLogger } from '../../src/api/logger.ts';
import { loadConfig } from '../../src/config/env.ts';
import type { CypherQuery, Executor, Row } from '../../src/store/executor.ts';

export interface CypherCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

const R = '天门市-2023-1c02f2f6302a';
export const CYPHER_CASES: CypherCase[] = [
  { name: 'node by id', query: `query($id: ID!) { node(id: $id) { id } }`, variables: { id: `${R}/I001` } },
  {
    name: 'indicators with filters, order and cursor',
    query: `{ indicators(where: {kind: [TARGET], year: 2023, metricContains: "农田", valueMin: 1, sectionId: "${R}/S2", placeId: "place:429006"}, orderBy: [{field: VALUE, direction: DESC}], first: 10, after: "WyJrMSIsImluZGljYXRvcnM6VkFMVUUuREVTQyIsMTIuNSwi5aSp6Zeo5biCLTIwMjMtMWMwMmYyZjYzMDJhL0kwMDkiXQ") { totalCount nodes { id } } }`,
  },
  { name: 'goals by name', query: `{ goals(where: {nameContains: "文明", kind: [TARGET]}) { nodes { id } } }` },
  {
    name: 'places by type and parent',
    query: `{ places(where: {type: [TOWN], parentId: "place:429006"}) { nodes { id } } }`,
  },
  {
    name: 'projects and enterprises by name',
    query: `{ projects(where: {nameContains: "高速"}) { totalCount } enterprises(where: {nameContains: "医疗"}) { totalCount } }`,
  },
  {
    name: 'reports and sections',
    query: `{ reports(where: {planYear: 2023}) { totalCount } sections(where: {reportId: "${R}", level: 1}) { totalCount } }`,
  },
  {
    name: 'search',
    query: `{ search(query: "高标准农田", kinds: [INDICATOR, PROJECT], first: 5) { nodes { score } } }`,
  },
  { name: 'trace', query: `{ trace(id: "${R}/I001") { links { confidence project { name } } } }` },
  { name: 'target progress', query: `{ targetProgress(reportId: "${R}") { confidence } }` },
  {
    name: 'target progress across reports',
    query: `{ targetProgress(where: {change: DOWN, metricKey: "GDP_GROWTH", year: 2023, within: "place:429006"}, orderBy: [{field: CHANGE}], first: 5) { confidence change { absolute } target { id report { regionName } } previous { ... on Indicator { value } } } }`,
  },
  {
    name: 'compare',
    query: `{ compare(metricKey: "GDP_GROWTH", year: 2023, within: "place:429006") { regionName region { name } report { id } indicator { value unit } evidence { text section { title } } } }`,
  },
  {
    name: 'neighborhood',
    query: `{ neighborhood(id: "place:429006", depth: 2, limit: 50, kinds: [PLACE, PROJECT]) { truncated } }`,
  },
  { name: 'paths', query: `{ paths(from: "${R}/I001", to: "place:429006", maxHops: 3) { truncated } }` },
  { name: 'stats', query: `{ stats { byKind { count } } }` },
  {
    name: 'nested report (planned: one statement)',
    query: `{ report(id: "${R}") { title sections(first: 10) { title subsections(first: 10) { title subsections(first: 10) { title indicators(first: 20) { metric value unit servedBy(first: 5) { confidence project { name places(first: 5) { name } } } } } } } } }`,
  },
  {
    name: 'node through interfaces and fragments',
    query: `query($id: ID!) { node(id: $id) { id ...T } } fragment T on Target { kind evidence { text section { path } } previous { confidence change { absolute } target { ... on Indicator { value unit } ... on Goal { name } } } }`,
    variables: { id: `${R}/I001` },
  },
  {
    name: 'projects with places and enterprises',
    query: `{ projects(where: {reportId: "${R}"}, first: 5) { pageInfo { hasNextPage } edges { cursor node { name places { name } } } nodes { enterprises { name } } } }`,
  },
  {
    name: 'search in one kind',
    query: `{ search(query: "高标准农田", kinds: [INDICATOR], first: 20) { nodes { kind highlight node { id ... on Indicator { metric } } } } }`,
  },
];

/** Canned answers: enough rows for resolvers to go one level deeper, no database needed. */
function cannedRows(q: CypherQuery): Row[] {
  if (/RETURN count\(n\) AS total/.test(q.text)) return [{ total: 1 }];
  if (/^UNWIND \$ids AS id MATCH \(n:(\w+) \{id: id\}\)/.test(q.text)) {
    const label = /MATCH \(n:(\w+)/.exec(q.text)![1]!;
    return ((q.params?.ids as string[]) ?? []).map((id) => ({ id, node: { id, __label: label } }));
  }
  if (/AS startEid/.test(q.text) && q.params?.id)
    return [{ startEid: 'e1', startKind: 'Place', startNode: { id: q.params.id, name: 'x' }, rid: null }];
  if (/elementId\(m\) AS eid, .* AS kind/.test(q.text) && q.params?.id)
    return [{ eid: 'e1', kind: 'Place', node: { id: q.params.id, name: 'x' } }];
  return [];
}

export interface RecordedStatement {
  text: string;
  params: Record<string, unknown>;
}

/**
 * Runs one operation through the real schema and resolvers; returns every statement sent,
 * grouped in round trips: statements sent while another was still in flight share one.
 */
export async function recordRoundTrips(
  c: CypherCase,
  inner?: Executor,
  options: { planner?: boolean } = {},
): Promise<RecordedStatement[][]> {
  return (await runRecorded(c, inner, options)).waves;
}

/** Runs one operation as recordRoundTrips does; returns its answer as well as its statements. */
export async function runRecorded(
  c: CypherCase,
  inner?: Executor,
  options: { planner?: boolean } = {},
): Promise<{ waves: RecordedStatement[][]; result: { data?: unknown; errors?: unknown } }> {
  const waves: RecordedStatement[][] = [];
  let inFlight = 0;
  const record = async (q: CypherQuery) => {
    const statement = { text: q.text.replace(/\s+/g, ' ').trim(), params: q.params ?? {} };
    if (inFlight === 0 || waves.length === 0) waves.push([statement]);
    else waves[waves.length - 1]!.push(statement);
    inFlight += 1;
    try {
      if (inner) return await inner.read(q);
      // A canned answer still takes a turn of the event loop, as a round trip would, so that
      // statements the resolvers send together are seen in flight together.
      await new Promise((resolve) => setImmediate(resolve));
      return cannedRows(q);
    } finally {
      inFlight -= 1;
    }
  };
  const executor: Executor = {
    read: record,
    write: record,
    transaction: () => Promise.reject(new Error('the API is read-only')),
  };
  const apollo = createApolloServer({ introspection: true, logger: createLogger('silent') });
  await apollo.start();
  try {
    const config = loadConfig({});
    const loaders = createLoaders(executor, options);
    const contextValue: ApiContext = { requestId: 'test', executor, loaders, config };
    const response = await apollo.executeOperation({ query: c.query, variables: c.variables }, { contextValue });
    const body = response.body.kind === 'single' ? response.body.singleResult : {};
    return { waves, result: { data: body.data, errors: body.errors } };
  } finally {
    await apollo.stop();
  }
}

/** Every statement one operation sends, in order. */
export async function recordCypher(c: CypherCase, inner?: Executor): Promise<RecordedStatement[]> {
  return (await recordRoundTrips(c, inner)).flat();
}

// The seven query kinds of issue 14 and issue 16's compare and cross-report targetProgress, each as plangraph asks it and as @neo4j/graphql asks it
// over the same data (bench/peer-typedefs.ts). `content` reduces an answer to what both must
// agree on (the leaf values, as a sorted list), so the bench can check both answer the same.
import { baseUnitsOf, metricKeyEntry } from '../src/domain/metric-keys.ts';
import type { Executor } from '../src/store/executor.ts';

export interface PeerQuery {
  name: string;
  plangraph: string;
  peer: string;
}

const pick = async (executor: Executor, text: string) => String((await executor.read({ text }))[0]?.id ?? '');

export async function peerQueries(executor: Executor): Promise<PeerQuery[]> {
  const target = await pick(
    executor,
    "MATCH (i:Indicator {kind: 'target'})<-[:SERVES]-() RETURN i.id AS id, count(*) AS n ORDER BY n DESC, i.id LIMIT 1",
  );
  const report = await pick(
    executor,
    'MATCH (r:Report)-[:HAS_SECTION]->()-[:HAS_SUBSECTION]->()-[:HAS_SUBSECTION]->()-[:STATES]->()<-[:SERVES]-() RETURN r.id AS id, count(*) AS n ORDER BY n DESC, r.id LIMIT 1',
  );
  const place = await pick(
    executor,
    "MATCH (p:Place {type: 'town'})-[r]-() RETURN p.id AS id, count(r) AS n ORDER BY n DESC, p.id LIMIT 1",
  );
  // The canonical metric and plan year most regions state a target for (GDP_GROWTH on the seeds).
  const [top] = await executor.read({
    text: "MATCH (n:Indicator {kind: 'target'})<-[:STATES]-(:Section) WHERE n.metricKey IS NOT NULL RETURN n.metricKey AS key, n.year AS year, count(DISTINCT n.reportId) AS n ORDER BY n DESC, key, year LIMIT 1",
  });
  const key = String(top?.key ?? 'GDP_GROWTH');
  const metric = { key, year: Number(top?.year ?? 2026), units: baseUnitsOf(metricKeyEntry(key)?.family ?? 'percent') };
  return [
    {
      name: 'single entity by id',
      plangraph: `{ node(id: "${target}") { id ... on Indicator { metric value unit evidence { text section { title } } } } }`,
      peer: `{ indicators(where: {id: {eq: "${target}"}}) { id metric value unit text section { title } } }`,
    },
    {
      name: 'indicator list, filtered and sorted, with totalCount',
      plangraph: `{ indicators(where: {kind: [TARGET], metricContains: "高标准农田"}, orderBy: [{field: VALUE, direction: DESC}], first: 20) { totalCount nodes { id metric value unit } } }`,
      peer: `{ indicatorsConnection(where: {kind: {eq: "target"}, metric: {contains: "高标准农田"}}, sort: [{value: DESC}, {id: ASC}], first: 20) { totalCount edges { node { id metric value unit } } } }`,
    },
    {
      name: 'nested 6 levels (report → … → places)',
      plangraph: `{ report(id: "${report}") { title sections(first: 10) { title subsections(first: 10) { title subsections(first: 10) { title indicators(first: 20) { metric value unit servedBy(minConfidence: 0, first: 5) { confidence project { name places(first: 5) { name } } } } } } } } }`,
      peer: `{ reports(where: {id: {eq: "${report}"}}) { title sections { title subsections { title subsections { title indicators { metric value unit servedByConnection { edges { properties { confidence } node { name places { name } } } } } } } } } }`,
    },
    {
      name: 'trace of a target',
      plangraph: `{ trace(id: "${target}", minConfidence: 0) { links { confidence project { name } evidence { text } } } }`,
      peer: `{ indicators(where: {id: {eq: "${target}"}}) { servedByConnection { edges { properties { confidence text } node { name } } } } }`,
    },
    {
      name: 'full-text search, one kind, top 20',
      plangraph: `{ search(query: "高标准农田", kinds: [INDICATOR], first: 20) { nodes { node { id } } } }`,
      peer: `{ indicatorsByText(phrase: "\\"高标准农田\\"", sort: [{ score: DESC }, { node: { id: ASC } }], first: 20) { edges { node { id } } } }`,
    },
    {
      name: 'neighbourhood, depth 1',
      plangraph: `{ neighborhood(id: "${place}", depth: 1, limit: 500, minConfidence: 0) { nodes { id } } }`,
      peer: `{ places(where: {id: {eq: "${place}"}}) { id mentionedIn { id } projects { id } enterprises { id } parent { id } children { id } } }`,
    },
    {
      name: 'projects with places and enterprises',
      plangraph: `{ projects(where: {reportId: "${report}"}, first: 50) { nodes { name places { name } enterprises { name } } } }`,
      peer: `{ projects(where: {reportId: {eq: "${report}"}}, sort: [{name: ASC}, {id: ASC}], limit: 50) { name places { name } enterprises { name } } }`,
    },
    {
      name: 'compare: one metric across regions',
      plangraph: `{ compare(metricKey: "${metric.key}", year: ${metric.year}) { report { id regionName } indicator { id metric value unit } evidence { text } } }`,
      peer: `{ compareIndicators(metricKey: "${metric.key}", year: ${metric.year}, baseUnits: ${JSON.stringify(metric.units)}) { id metric value unit text reportOf { id regionName } } }`,
    },
    {
      name: 'targetProgress across reports, biggest drop first',
      plangraph: `{ targetProgress(where: {change: DOWN}, orderBy: [{field: CHANGE}], first: 20) { target { id ... on Indicator { metric value unit } } previous { ... on Indicator { id value unit } } } }`,
      peer: `{ targetsBelowLastYear(first: 20) { id metric value unit previous { id value unit } } }`,
    },
  ];
}

/** The leaf values of an answer, sorted; ids of a neighbourhood once each (it lists nodes, the peer paths). */
export function contentOf(name: string, data: unknown): string[] {
  const leaves: string[] = [];
  const walk = (v: unknown) => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object') Object.values(v).forEach(walk);
    else leaves.push(String(v));
  };
  walk(data);
  const out = name.startsWith('neighbourhood') ? [...new Set(leaves)] : leaves;
  return out.sort();
}

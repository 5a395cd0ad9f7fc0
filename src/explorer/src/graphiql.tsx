import './monaco-workers.ts';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import '@graphiql/plugin-explorer/style.css';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { resolveOperationName } from './operation-name.ts';

/** Real ids from the loaded data, so that every example runs as it is. */
interface Ids {
  reportId: string;
  indicatorId: string;
  placeId: string;
}

const IDS = `query ExampleIds {
  reports(first: 1, orderBy: [{field: PLAN_YEAR, direction: ASC}]) { nodes { id } }
  indicators(where: {kind: [TARGET]}, first: 1) { nodes { id } }
  places(first: 1) { nodes { id } }
}`;

async function loadIds(): Promise<Ids> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: IDS }),
  });
  type List = { nodes?: { id: string }[] } | undefined;
  const { data } = (await res.json()) as { data?: { reports: List; indicators: List; places: List } };
  return {
    reportId: data?.reports?.nodes?.[0]?.id ?? '',
    indicatorId: data?.indicators?.nodes?.[0]?.id ?? '',
    placeId: data?.places?.nodes?.[0]?.id ?? '',
  };
}

/** One named example per kind of user; the operation name is the tab's title. */
export function examples(ids: Ids): { query: string; variables: string }[] {
  const vars = (v: Record<string, unknown>) => JSON.stringify(v, null, 2);
  return [
    {
      query: `# 分析员：按条件筛选并排序 (Analyst: filter and sort)
query AnalystTargets($metric: String!, $first: Int = 10) {
  indicators(where: {kind: [TARGET], metricContains: $metric}, orderBy: [{field: VALUE, direction: DESC}], first: $first) {
    totalCount
    nodes { id metric value unit baseValue baseUnit year evidence { text section { path } } }
  }
}`,
      variables: vars({ metric: '高标准农田', first: 10 }),
    },
    {
      query: `# 分析员：全文搜索 (Analyst: search)
query AnalystSearch($q: String!) {
  search(query: $q, first: 10) { nodes { kind score highlight node { id } } }
}`,
      variables: vars({ q: '高标准农田' }),
    },
    {
      query: `# 规划者：目标与上年完成情况 (Planner: progress of a report)
query PlannerProgress($reportId: ID!) {
  targetProgress(reportId: $reportId) {
    target { id ... on Indicator { metric value unit year } ... on Goal { name year } }
    previous { ... on Indicator { value unit year } ... on Goal { name year } }
    change { absolute ratio unit }
    confidence
  }
}`,
      variables: vars({ reportId: ids.reportId }),
    },
    {
      query: `# 研究者：从目标追溯到支撑项目 (Researcher: trace a target)
query ResearcherTrace($id: ID!) {
  trace(id: $id) {
    links { confidence project { id name } target { id } evidence { text section { path } } }
  }
}`,
      variables: vars({ id: ids.indicatorId }),
    },
    {
      query: `# 可视化：一个地点的邻域 (Visualization: neighbourhood)
query VisualNeighborhood($id: ID!, $depth: Int = 2, $limit: Int = 100) {
  neighborhood(id: $id, depth: $depth, limit: $limit) {
    truncated
    nodes { id kind label }
    edges { id type source target }
  }
}`,
      variables: vars({ id: ids.placeId, depth: 2, limit: 100 }),
    },
  ];
}

const send = createGraphiQLFetcher({ url: '/graphql' });
// The operation name is checked against the query text, which GraphiQL reads fresh at each run.
const fetcher: Fetcher = (params, opts) =>
  send({ ...params, operationName: resolveOperationName(params.query, params.operationName) }, opts);
const root = createRoot(document.getElementById('graphiql')!);
const explorer = explorerPlugin();
void loadIds()
  .catch(() => ({ reportId: '', indicatorId: '', placeId: '' }))
  .then((ids) => {
    const list = examples(ids);
    root.render(
      <GraphiQL
        fetcher={fetcher}
        plugins={[explorer]}
        defaultQuery={list[0]!.query}
        defaultTabs={list.map((e) => ({ query: e.query, variables: e.variables, headers: null }))}
        // Stored tabs from an earlier visit would hide new examples.
        storage={sessionStorageShim()}
      />,
    );
  });

/** A storage that forgets on reload, so the examples always show (GraphiQL keeps tabs in localStorage otherwise). */
function sessionStorageShim(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

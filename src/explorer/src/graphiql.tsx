import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createRoot } from 'react-dom/client';

// Example queries, one per kind of user; GraphiQL shows them as tabs.
const EXAMPLES = [
  {
    title: 'Analyst: filter and sort',
    query: `# Targets about farmland, largest first, with the sentence that states them
{
  indicators(where: {kind: [TARGET], metricContains: "高标准农田"}, orderBy: [{field: VALUE, direction: DESC}], first: 10) {
    totalCount
    nodes { metric value unit baseValue baseUnit year evidence { text section { path } } }
  }
}`,
  },
  {
    title: 'Analyst: search',
    query: `{
  search(query: "高标准农田", first: 10) { kind score highlight node { id } }
}`,
  },
  {
    title: 'Planner: progress',
    query: `# Each target beside last year's result
{
  reports(first: 1) { nodes { id title } }
}
# then: targetProgress(reportId: "…") { target { ... on Indicator { metric value unit } } previous { ... on Indicator { value unit } } change { absolute unit } }`,
  },
  {
    title: 'Visualization: neighbourhood',
    query: `{
  places(where: {nameContains: "岳口"}, first: 1) { nodes { id name } }
}
# then: neighborhood(id: "place:…", depth: 2, limit: 100) { nodes { id kind label } edges { id type source target } }`,
  },
];

const fetcher = createGraphiQLFetcher({ url: '/graphql' });
createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL
    fetcher={fetcher}
    defaultQuery={EXAMPLES[0]!.query}
    defaultTabs={EXAMPLES.map((e) => ({ query: e.query, headers: null, variables: null }))}
  />,
);

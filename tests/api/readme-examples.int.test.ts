// The README's GraphQL examples, run as written over real HTTP against the seeds: every
// ```graphql block of README.md (variables from an `<!-- variables: {...} -->` line right above
// it) and the query strings of its ```js blocks. Each must answer without errors and with data.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolveReportSources } from '../../src/cli/report-sources.ts';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { loadReportGraph } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import { ROOT } from '../support/run-cli.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { wipeData } from '../support/wipe.ts';

interface Example {
  line: number;
  query: string;
  variables?: Record<string, unknown>;
}

/** The examples of a Markdown text, each with the line its block starts on. */
function readmeExamples(markdown: string): Example[] {
  const out: Example[] = [];
  const lineOf = (index: number) => markdown.slice(0, index).split('\n').length;
  for (const m of markdown.matchAll(/(?:<!-- variables: (.*?) -->\n)?```graphql\n([\s\S]*?)```/g))
    out.push({
      line: lineOf(m.index + (m[1] ? m[0].indexOf('```') : 0)),
      query: m[2]!,
      variables: m[1] ? (JSON.parse(m[1]) as Record<string, unknown>) : undefined,
    });
  for (const block of markdown.matchAll(/```js\n([\s\S]*?)```/g))
    for (const q of block[1]!.matchAll(/query: '([^']+)'/g))
      out.push({ line: lineOf(block.index + block[0].indexOf(q[0])), query: q[1]! });
  return out.sort((a, b) => a.line - b.line);
}

/** Nothing in it: null, empty lists and strings, 0, false, or objects of only those. */
const empty = (v: unknown): boolean =>
  v === null ||
  v === undefined ||
  v === 0 ||
  v === false ||
  v === '' ||
  (Array.isArray(v) ? v.every(empty) : typeof v === 'object' && Object.values(v).every(empty));

const examples = readmeExamples(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await migrate(api.store.executor);
  await wipeData(api.store.executor);
  for (const source of resolveReportSources([path.join(ROOT, 'seeds')])) {
    expect(source.error).toBeUndefined();
    await loadReportGraph(api.store.executor, extractReportGraph(source.bytes));
  }
}, 300_000);
afterAll(() => api.stop());

describe('README examples', () => {
  test('the README has GraphQL examples to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  for (const example of examples)
    test(`README.md:${example.line} answers without errors and with data`, async () => {
      const { status, body } = await api.gql(example.query, example.variables);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      expect(status).toBe(200);
      for (const [field, value] of Object.entries(body.data ?? {}))
        expect(empty(value), `${field}: ${JSON.stringify(value).slice(0, 300)}`).toBe(false);
    });
});

// A first search page that asks for no total reads only the index's best hits (SearchSpec.window)
// and falls back to the unbounded statement when the window could have cut it: its hits must be
// exactly those of the same page asked with totalCount (the unbounded path), kind filters included.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadReportGraph } from '../../src/store/load-report.ts';
import type { Executor } from '../../src/store/executor.ts';
import { migrate } from '../../src/store/migrate.ts';
import type { Label } from '../../src/store/model.ts';
import { readPlan } from '../../src/store/read/compile/compile-plan.ts';
import { toLuceneQuery } from '../../src/store/read/search.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { extractCorpus, extractSeed } from '../support/graphs.ts';
import { wipeData } from '../support/wipe.ts';

let api: TestApi;
const reads: string[] = [];
const counting: Executor = {
  read: (q, o) => (reads.push(q.text), api.store.executor.read(q, o)),
  write: (q) => api.store.executor.write(q),
  transaction: (w) => api.store.executor.transaction(w),
};

beforeAll(async () => {
  api = await startTestApi({}, (inner) => ({
    ...inner,
    read: (q, o) => (reads.push(q.text), inner.read(q, o)),
  }));
  await migrate(api.store.executor);
  await wipeData(api.store.executor);
  await loadReportGraph(api.store.executor, extractSeed());
  for (const f of ['hebei-2026.txt', 'hunan-2026.txt', 'jiangsu-2026.txt'])
    await loadReportGraph(api.store.executor, extractCorpus(f));
});
afterAll(() => api?.stop());

const page = async (query: string, kinds: string, first: number, counted: boolean, within: string | null = null) =>
  (
    await api.data(
      `query($q: String!, $first: Int, $within: ID) { search(query: $q, kinds: [${kinds}], first: $first, within: $within) { ${counted ? 'totalCount' : ''} nodes { score node { id } } } }`,
      { q: query, first, within },
    )
  ).search.nodes as { score: number; node: { id: string } }[];

describe('search without a total', () => {
  test('gives the same first page as the counted search, for common and rare kinds', async () => {
    let windowed = 0;
    let fellBack = 0;
    for (const query of ['发展', '高质量发展', '农田', '企业', '改革'])
      for (const kinds of ['INDICATOR', 'SECTION', 'ENTERPRISE', 'PLACE', 'GOAL, PROJECT'])
        for (const first of [5, 20, 100]) {
          reads.length = 0;
          const lean = await page(query, kinds, first, false);
          const statements = reads.filter((t) => t.includes('queryNodes'));
          if (statements[0]?.includes('{limit:')) windowed++;
          if (statements.length > 1) fellBack++;
          const full = await page(query, kinds, first, true);
          expect({ query, kinds, first, ids: lean.map((h) => h.node.id) }).toEqual({
            query,
            kinds,
            first,
            ids: full.map((h) => h.node.id),
          });
        }
    expect(windowed).toBe(75);
    expect(fellBack).toBeGreaterThanOrEqual(0);
    // Within a province (its reports, their facts, its places): the same page both ways.
    let hits = 0;
    for (const query of ['发展', '农田', '建设'])
      for (const kinds of ['INDICATOR', 'SECTION', 'PLACE']) {
        const lean = await page(query, kinds, 20, false, 'place:43');
        hits += lean.length;
        expect(lean).toEqual(await page(query, kinds, 20, true, 'place:43'));
      }
    expect(hits).toBeGreaterThan(0);
  });

  test('a small window that cuts the page (a kind filter, ties at its edge) is read again unbounded', async () => {
    const node = {
      labels: ['Report', 'Section', 'Indicator', 'Goal', 'Project', 'Place', 'Enterprise'] as Label[],
      props: ['name', 'title'],
      relations: [],
    };
    let fellBack = 0;
    let exact = 0;
    for (const query of ['发展', '建设', '企业'])
      for (const labels of [null, ['Indicator'], ['Section'], ['Place', 'Project']] as (Label[] | null)[])
        for (const [first, window] of [
          [3, 5],
          [5, 5],
          [10, 40],
        ] as const) {
          const search = { lucene: toLuceneQuery(query)!, labels, first, after: null };
          reads.length = 0;
          const lean = await readPlan(counting, { kind: 'search', search: { ...search, window }, node });
          if (reads.length > 1) fellBack++;
          else exact++;
          const full = await readPlan(api.store.executor, { kind: 'search', search, node });
          expect({ query, labels, first, window, ids: lean.items.map((i) => i.node.props.id) }).toEqual({
            query,
            labels,
            first,
            window,
            ids: full.items.map((i) => i.node.props.id),
          });
        }
    expect(fellBack).toBeGreaterThan(0);
    expect(exact).toBeGreaterThan(0);
  });
});

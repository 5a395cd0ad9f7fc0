// The planner against the resolvers it replaced: every query of the API bench (bench/api.ts),
// answered once through the planned statements and once through the DataLoader path
// (createLoaders(…, { planner: false })), must give the same answer, field by field.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { representativeQueries, type BenchQuery } from '../../bench/api.ts';
import { loadReportGraph } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import type { Store } from '../../src/store/open-store.ts';
import { runRecorded } from '../support/cypher-cases.ts';
import { extractCorpus, extractSeed } from '../support/graphs.ts';
import { openTestStore } from '../support/store.ts';
import { wipeData } from '../support/wipe.ts';

let store: Store;
let queries: BenchQuery[];

beforeAll(async () => {
  store = await openTestStore();
  await migrate(store.executor);
  await wipeData(store.executor);
  await loadReportGraph(store.executor, extractSeed());
  await loadReportGraph(store.executor, extractCorpus('hebei-2026.txt'));
  queries = await representativeQueries(store.executor);
});
afterAll(() => store.close());

describe('planned answers equal the DataLoader answers on the seed', () => {
  test('for every bench query', async () => {
    expect(queries.length).toBeGreaterThanOrEqual(10);
    for (const q of queries) {
      const planned = await runRecorded(q, store.executor, { planner: true });
      const loaded = await runRecorded(q, store.executor, { planner: false });
      expect(planned.result.errors, q.name).toBeUndefined();
      expect(loaded.result.errors, q.name).toBeUndefined();
      expect(planned.result.data, q.name).toEqual(loaded.result.data);
      expect(JSON.stringify(planned.result.data).length, q.name).toBeGreaterThan(20);
    }
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { report } from '../../bench/extract-scaling.ts';
import { extractReportGraph, MAX_TEXT_CHARS } from '../../src/extract/pipeline.ts';
import { DEFAULT_TX_ITEMS, loadItems, loadReportGraphs } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import type { Store } from '../../src/store/open-store.ts';
import { openTestStore } from '../support/store.ts';
import { wipeData } from '../support/wipe.ts';

// A report just under the 2-million-character limit whose plan part is one long 、 list: before
// the transaction budget it ran 90 s and then exhausted the local server's heap (an OutOfMemoryError
// that closed the connection) or its transaction memory (716.8 MiB). Now it is refused before
// anything is written, naming the setting to raise.
describe('a report near the size limit', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
    await migrate(store.executor);
    await wipeData(store.executor);
  });
  afterAll(() => store.close());

  test('too large for one transaction: refused at once with the setting to raise, nothing written', async () => {
    const text = report('list', 5_790_000);
    expect(text.length).toBeGreaterThan(1_900_000);
    expect(text.length).toBeLessThan(MAX_TEXT_CHARS);
    const graph = extractReportGraph(text);
    expect(loadItems(graph)).toBeGreaterThan(DEFAULT_TX_ITEMS);
    const t0 = performance.now();
    const [outcome] = await loadReportGraphs(store.executor, [graph]);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(outcome!.ok).toBe(false);
    const error = outcome!.ok ? undefined : outcome!.error;
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toMatch(/too large to load: \d+ nodes and relationships.*INGEST_TX_ITEMS.*NEO4J_HEAP/);
    const [row] = await store.executor.read({ text: 'MATCH (n) WHERE NOT n:PlangraphMigration RETURN count(n) AS n' });
    expect(row!.n).toBe(0);
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadReportGraph } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import type { Store } from '../../src/store/open-store.ts';
import { DEFAULT_MIN_CONFIDENCE } from '../../src/store/read/confidence.ts';
import { neighborhood, reachableCount } from '../../src/store/read/graph.ts';
import { extractCorpus, extractSeed } from '../support/graphs.ts';
import { openTestStore } from '../support/store.ts';
import { wipeData } from '../support/wipe.ts';

// `truncated` must say whether neighbours were left out, whichever limit (nodes or rows) cut them.
describe('neighborhood truncated flag', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
    await migrate(store.executor);
    await wipeData(store.executor);
    await loadReportGraph(store.executor, extractSeed());
    await loadReportGraph(store.executor, extractCorpus('hebei-2026.txt'));
  }, 120_000);
  afterAll(async () => {
    await wipeData(store.executor);
    await store.close();
  });

  /** How many nodes lie within `depth` hops of the node (itself included), counted directly. */
  const within = async (id: string, depth: 1 | 2) =>
    Number(
      (
        await store.executor.read({
          text: `MATCH (n {id: $id}) MATCH (n)-[*0..${depth}]-(m) WHERE NOT m:PlangraphMigration RETURN count(DISTINCT m) AS n`,
          params: { id },
        })
      )[0]!.n,
    );

  test('is true exactly when the neighbourhood returns fewer nodes than lie within its depth', async () => {
    // The busiest nodes: many edges, often several to the same neighbour (the case the row limit cut).
    const rows = await store.executor.read({
      text: `MATCH (n)--(m) WHERE n.id IS NOT NULL AND NOT n:PlangraphMigration
             WITH n, count(*) AS edges, count(DISTINCT m) AS distinct ORDER BY edges - distinct DESC, edges DESC
             RETURN n.id AS id LIMIT 12`,
    });
    expect(rows.length).toBeGreaterThan(5);
    let cut = 0;
    for (const { id } of rows)
      for (const depth of [1, 2] as const) {
        const total = await within(String(id), depth);
        for (const limit of [20, 60, 500]) {
          const graph = await neighborhood(store.executor, String(id), depth, limit, null);
          const shown = graph.nodes.length;
          expect(shown).toBeLessThanOrEqual(total);
          // Says which case failed, not only that one did.
          expect({ id, depth, limit, shown, truncated: graph.truncated }).toEqual({
            id,
            depth,
            limit,
            shown,
            truncated: shown < total,
          });
          if (shown < total && shown < limit) cut++; // the row limit cut it, not the node limit
        }
      }
    expect(cut).toBeGreaterThan(0);
  });

  test('reachableCount is the number of nodes within the depth, the "of M" of a truncated neighbourhood', async () => {
    const rows = await store.executor.read({
      text: `MATCH (n)--() WHERE n.id IS NOT NULL AND NOT n:PlangraphMigration
             WITH n, count(*) AS edges ORDER BY edges DESC RETURN n.id AS id LIMIT 6`,
    });
    let truncatedSeen = 0;
    for (const { id } of rows)
      for (const depth of [1, 2] as const) {
        const count = await reachableCount(store.executor, String(id), depth, null);
        expect({ id, depth, count }).toEqual({ id, depth, count: await within(String(id), depth) });
        const graph = await neighborhood(store.executor, String(id), depth, 20, null);
        expect(graph.truncated).toBe(graph.nodes.length < count);
        if (graph.truncated) truncatedSeen++;
      }
    expect(truncatedSeen).toBeGreaterThan(0);
    await expect(reachableCount(store.executor, 'I-nosuchthing', 1, null)).rejects.toThrow();
  });

  test('asked for nodes only (no edges, labels or properties), it reads each neighbour once and gives the same nodes', async () => {
    const rows = await store.executor.read({
      text: `MATCH (n)--(m) WHERE n.id IS NOT NULL AND NOT n:PlangraphMigration
             WITH n, count(*) AS edges ORDER BY edges DESC RETURN n.id AS id LIMIT 8`,
    });
    const nodesOnly = { edges: false, nodeLabels: false, nodeProperties: false, edgeProperties: false };
    for (const { id } of rows)
      for (const depth of [1, 2] as const) {
        const total = await within(String(id), depth);
        for (const limit of [20, 500]) {
          const full = await neighborhood(store.executor, String(id), depth, limit, null);
          const lean = await neighborhood(
            store.executor,
            String(id),
            depth,
            limit,
            null,
            DEFAULT_MIN_CONFIDENCE,
            nodesOnly,
          );
          expect(lean.edges).toEqual([]);
          expect({ id, depth, limit, truncated: lean.truncated }).toEqual({
            id,
            depth,
            limit,
            truncated: lean.nodes.length < total,
          });
          if (!full.truncated && !lean.truncated)
            expect(lean.nodes.map((n) => n.id).sort()).toEqual(full.nodes.map((n) => n.id).sort());
          else expect(lean.nodes.length).toBe(Math.min(limit, total));
        }
      }
  });
});

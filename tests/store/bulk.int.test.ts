import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { createBulkCsvWriter } from '../../src/store/bulk-csv.ts';
import {
  countDataNodes,
  importIntoLocalNeo4j,
  linkImportedReports,
  restoreEmptyValues,
} from '../../src/store/bulk-import.ts';
import { countGraph } from '../../src/store/counts.ts';
import type { Executor } from '../../src/store/executor.ts';
import { openExport } from '../../src/store/export/stream-export.ts';
import { loadReportGraphs, reportKey } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { buildNextYearSeed, extractCorpus, extractSeed } from '../support/graphs.ts';
import { createSecondNeo4j } from '../support/second-neo4j.ts';
import { openTestStore } from '../support/store.ts';
import { wipeData } from '../support/wipe.ts';

/** Every node and relationship with its properties, keyed, without the load time. */
async function snapshot(executor: Executor) {
  const source = await openExport(executor, null);
  const nodes = new Map<string, unknown>();
  for await (const page of source.nodes())
    for (const n of page) {
      const { loadedAt: _, ...props } = n.props;
      nodes.set(String(n.props.id), { label: n.label, props });
    }
  const rels: string[] = [];
  for await (const page of source.rels())
    for (const r of page) rels.push(JSON.stringify([r.type, r.from, r.to, Object.entries(r.props).sort()]));
  return { nodes, rels: rels.sort() };
}

describe('bulk load through neo4j-admin import', () => {
  let store: Store;
  let other: Awaited<ReturnType<typeof createSecondNeo4j>>;
  const graphs = [extractSeed(), extractReportGraph(buildNextYearSeed()), extractCorpus('hebei-2026.txt')];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plangraph-bulk-test-'));
  beforeAll(async () => {
    store = await openTestStore();
    await migrate(store.executor);
    await wipeData(store.executor);
    await loadReportGraphs(store.executor, graphs);
    other = await createSecondNeo4j();
    await other.start();
  }, 300_000);
  afterAll(async () => {
    await wipeData(store.executor);
    await store?.close();
    await other?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  test('gives the graph that ingest gives: the same counts, nodes, properties and relationships', async () => {
    const csv = createBulkCsvWriter(dir);
    for (const g of graphs) csv.add(g, reportKey(g));
    const args = await csv.finish();
    await importIntoLocalNeo4j(other.config, args, () => undefined);
    const bulk = await openStore(other.config);
    try {
      await migrate(bulk.executor);
      await restoreEmptyValues(bulk.executor);
      await linkImportedReports(bulk.executor);
      expect(await countDataNodes(bulk.executor)).toBeGreaterThan(0);
      expect(await countGraph(bulk.executor)).toEqual(await countGraph(store.executor));
      const [a, b] = [await snapshot(bulk.executor), await snapshot(store.executor)];
      expect(a.rels).toEqual(b.rels);
      for (const [id, node] of b.nodes) expect({ id, node: a.nodes.get(id) }).toEqual({ id, node });
      // The schema is there: search finds what the full-text index holds.
      const hits = await bulk.executor.read({
        text: "CALL db.index.fulltext.queryNodes('plangraph_text', '\"岳口\"') YIELD node RETURN count(node) AS n",
      });
      expect(Number(hits[0]!.n)).toBeGreaterThan(0);
    } finally {
      await bulk.close();
    }
  }, 300_000);
});

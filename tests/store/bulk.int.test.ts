import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBulkPool } from '../../src/cli/extract/bulk-pool.ts';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { createBulkCsvAssembler } from '../../src/store/bulk-csv.ts';
import {
  buildImportedSchema,
  countDataNodes,
  importIntoLocalNeo4j,
  linkImportedReports,
} from '../../src/store/bulk-import.ts';
import { countGraph } from '../../src/store/counts.ts';
import { BREAK_ESCAPE } from '../../src/store/line-breaks.ts';
import type { Executor } from '../../src/store/executor.ts';
import { openExport } from '../../src/store/export/stream-export.ts';
import { loadReportGraphs } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { buildNextYearSeed, seedText } from '../support/graphs.ts';
import { CORPUS_DIR } from '../support/fixtures.ts';
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

/** The schema as SHOW INDEXES and SHOW CONSTRAINTS list it, without internal ids. */
async function schema(executor: Executor) {
  const indexes = await executor.read({
    text: 'SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state, options RETURN * ORDER BY name',
  });
  const constraints = await executor.read({
    text: 'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN * ORDER BY name',
  });
  return { indexes, constraints };
}

describe('bulk load through neo4j-admin import', () => {
  let store: Store;
  let other: Awaited<ReturnType<typeof createSecondNeo4j>>;
  // The import files hold no multi-line field: line breaks (and the escape character itself, here
  // in a made-up sentence) are escaped and put back after the import.
  const texts = [
    seedText(),
    `${buildNextYearSeed()}\n甲乙${BREAK_ESCAPE}n丙丁${BREAK_ESCAPE}。\n`,
    readFileSync(path.join(CORPUS_DIR, 'hebei-2026.txt'), 'utf8'),
  ];
  const graphs = texts.map((t) => extractReportGraph(t));
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

  test('gives the graph that ingest gives: the same counts, nodes, properties, relationships and indexes', async () => {
    // As ingest --bulk does: two worker threads, each writing files of its own.
    const pool = createBulkPool(2, dir);
    const written = await Promise.all(texts.map((t) => pool.write(new TextEncoder().encode(t))));
    const assembler = createBulkCsvAssembler(dir);
    for (const w of written) {
      if (!w.ok) throw w.error;
      assembler.add(w.report);
    }
    const { args, escaped } = await assembler.finish(await pool.finish());
    expect(args.filter((a) => a.startsWith('--nodes=Section=')).length).toBeGreaterThanOrEqual(2);
    // No field of the files spans lines: the reports' texts had theirs escaped.
    expect(escaped).toContainEqual({
      kind: 'nodes',
      label: 'Report',
      property: 'fullText',
      ids: expect.arrayContaining(graphs.map((g) => g.report.id)),
    });
    const reportLines = args
      .filter((a) => a.startsWith('--nodes=Report='))
      .flatMap((a) =>
        readFileSync(a.split(',').at(-1)!, 'utf8')
          .split('\n')
          .filter((l) => l.length > 0),
      );
    expect(reportLines).toHaveLength(texts.length);
    await importIntoLocalNeo4j(other.config, args, () => undefined);
    const bulk = await openStore(other.config);
    try {
      await buildImportedSchema(bulk.executor, escaped, () => linkImportedReports(bulk.executor));
      // The texts are back as they were, line breaks and escape characters included.
      const fullTexts = (executor: Executor) =>
        executor.read({ text: 'MATCH (r:Report) RETURN r.id AS id, r.fullText AS text ORDER BY id' });
      const [bulkTexts, ingestTexts] = [await fullTexts(bulk.executor), await fullTexts(store.executor)];
      expect(bulkTexts).toEqual(ingestTexts);
      expect(bulkTexts.some((r) => String(r.text).includes(`\n甲乙${BREAK_ESCAPE}n丙丁${BREAK_ESCAPE}。`))).toBe(true);
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
      expect(await schema(bulk.executor)).toEqual(await schema(store.executor));
      // Every script is recorded, as migrate records it: a later migrate has nothing to do.
      const migrations = (executor: Executor) =>
        executor.read({ text: 'MATCH (m:PlangraphMigration) RETURN m.id AS id, m.checksum AS sum ORDER BY id' });
      expect(await migrations(bulk.executor)).toEqual(await migrations(store.executor));
      expect((await migrate(bulk.executor)).applied).toEqual([]);
    } finally {
      await bulk.close();
    }
  }, 300_000);
});

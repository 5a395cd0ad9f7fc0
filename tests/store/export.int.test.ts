import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { countGraph } from '../../src/store/counts.ts';
import { writeAdminCsv } from '../../src/store/export/admin-csv.ts';
import { writeCypherScript } from '../../src/store/export/cypher-script.ts';
import { writeGexf } from '../../src/store/export/gexf.ts';
import { writeGraphML } from '../../src/store/export/graphml.ts';
import { readReportGraphs, streamReportGraphs } from '../../src/store/export/read-export.ts';
import { memorySink, type Sink } from '../../src/store/export/sink.ts';
import { openExport } from '../../src/store/export/stream-export.ts';
import type { Executor } from '../../src/store/executor.ts';
import { loadReportGraph } from '../../src/store/load-report.ts';
import { migrate, splitStatements } from '../../src/store/migrate.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { extractCorpus, extractSeed } from '../support/graphs.ts';
import { createSecondNeo4j } from '../support/second-neo4j.ts';
import { openTestStore } from '../support/store.ts';
import { wipeData } from '../support/wipe.ts';

type Writer = (source: Awaited<ReturnType<typeof openExport>>, sink: Sink) => Promise<void>;
async function exportText(executor: Executor, reportId: string | null, write: Writer): Promise<string> {
  const out = memorySink();
  await write(await openExport(executor, reportId), out.sink);
  return out.text();
}
async function exportCsv(executor: Executor, reportId: string | null): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  await writeAdminCsv(await openExport(executor, reportId), {
    async open(name) {
      files.set(name, '');
      return { sink: async (chunk) => void files.set(name, files.get(name)! + chunk), close: async () => undefined };
    },
  });
  return files;
}

describe('exports', () => {
  let store: Store;
  const seed = extractSeed();
  const hebei = extractCorpus('hebei-2026.txt');
  beforeAll(async () => {
    store = await openTestStore();
    await migrate(store.executor);
    await wipeData(store.executor);
    await loadReportGraph(store.executor, seed);
    await loadReportGraph(store.executor, hebei);
  });
  afterAll(() => store.close());

  test('ReportGraph JSON gives back the extracted graph', async () => {
    const [graph] = await readReportGraphs(store.executor, seed.report.id);
    expect(graph).toEqual(JSON.parse(JSON.stringify(seed)));
    expect(await readReportGraphs(store.executor, null)).toHaveLength(2);
    const all = memorySink();
    expect(await streamReportGraphs(store.executor, null, all.sink)).toBe(2);
    const streamed = JSON.parse(all.text()) as { report: { id: string } }[];
    expect(streamed.find((g) => g.report.id === seed.report.id)).toEqual(JSON.parse(JSON.stringify(seed)));
  });

  test('GraphML is valid XML whose node and edge counts match the database', async () => {
    const xml = await exportText(store.executor, null, writeGraphML);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'node' || name === 'edge' || name === 'data' || name === 'key',
    }).parse(xml);
    const counts = await countGraph(store.executor);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(doc.graphml.graph.node).toHaveLength(sum(counts.nodes));
    expect(doc.graphml.graph.edge).toHaveLength(sum(counts.relationships));
    // Every node has a label a viewer can show; internal fields stay out.
    const names = doc.graphml.key.map((k: any) => k['@_attr.name']);
    for (const internal of ['aliasText', 'occurrencesJson', 'fullText', 'graphJson'])
      expect(names).not.toContain(internal);
    for (const node of doc.graphml.graph.node) {
      const label = node.data.find((d: any) => d['@_key'] === 'label');
      expect(String(label?.['#text'] ?? '').length).toBeGreaterThan(0);
    }
    const report = doc.graphml.graph.node.find((n: any) => n['@_id'] === seed.report.id);
    expect(report.data.find((d: any) => d['@_key'] === 'label')['#text']).toBe(seed.report.title);
  }, 180_000);

  test('GEXF is valid XML with labelled nodes and typed edges, counts matching the database', async () => {
    const xml = await exportText(store.executor, null, writeGexf);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'node' || n === 'edge' }).parse(xml);
    const counts = await countGraph(store.executor);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(doc.gexf.graph.nodes.node).toHaveLength(sum(counts.nodes));
    expect(doc.gexf.graph.edges.edge).toHaveLength(sum(counts.relationships));
    expect(doc.gexf.graph.nodes.node.every((n: any) => String(n['@_label']).length > 0)).toBe(true);
    expect(xml).not.toContain('fullText');
  }, 180_000);

  test('CSV files follow the neo4j-admin import header format', async () => {
    const files = await exportCsv(store.executor, seed.report.id);
    const indicatorHeader = files.get('nodes-Indicator.csv')!.split('\n')[0]!.split(',');
    expect(indicatorHeader[0]).toBe('id:ID');
    expect(indicatorHeader.at(-1)).toBe(':LABEL');
    expect(indicatorHeader).toEqual(
      expect.arrayContaining(['year:long', 'value:double', 'threshold:boolean', 'metric']),
    );
    expect(files.get('rels-SERVES.csv')!.split('\n')[0]).toMatch(/^:START_ID,:END_ID,:TYPE,/);
    expect(files.get('IMPORT.md')).toContain('neo4j-admin database import full');
    const whole = await exportCsv(store.executor, null);
    const lines = (name: string) => whole.get(name)!.trim().split('\n').length;
    const counts = await countGraph(store.executor);
    // Rows per file (texts span lines, so count the node files without texts).
    expect(lines('nodes-Place.csv') - 1).toBe(counts.nodes.Place);
    expect(lines('rels-MENTIONS.csv') - 1).toBe(counts.relationships.MENTIONS);
  }, 180_000);

  describe('the Cypher script, loaded into an empty database', () => {
    let other: Awaited<ReturnType<typeof createSecondNeo4j>>;
    let otherStore: Store;
    beforeAll(async () => {
      other = await createSecondNeo4j();
      await other.start();
      otherStore = await openStore(other.config);
    }, 240_000);
    afterAll(async () => {
      await otherStore?.close();
      await other?.dispose();
    });

    test('reproduces the same counts, for the whole graph and for one report', async () => {
      for (const reportId of [seed.report.id, null]) {
        await wipeData(otherStore.executor);
        const script = await exportText(store.executor, reportId, writeCypherScript);
        // Schema statements first (they cannot share a transaction with writes), then the data in
        // one transaction, as `cypher-shell` would run it between :begin and :commit.
        const statements = splitStatements(script);
        const isSchema = (s: string) => /^CREATE (CONSTRAINT|(TEXT |FULLTEXT |RANGE |POINT )?INDEX)/.test(s);
        for (const statement of statements.filter(isSchema)) await otherStore.executor.write({ text: statement });
        await otherStore.executor.transaction(async (tx) => {
          for (const statement of statements.filter((s) => !isSchema(s))) await tx.run({ text: statement });
        });
        const expected = reportId ? await countGraph(store.executor, reportId) : await countGraph(store.executor);
        expect(await countGraph(otherStore.executor, reportId ?? undefined)).toEqual(expected);
      }
    }, 400_000);
  });
});

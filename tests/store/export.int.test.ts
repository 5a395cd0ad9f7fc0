import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { countGraph } from '../../src/store/counts.ts';
import { toAdminCsv } from '../../src/store/export/admin-csv.ts';
import { toCypherScript } from '../../src/store/export/cypher-script.ts';
import { toGraphML } from '../../src/store/export/graphml.ts';
import { readExportData, readReportGraphs } from '../../src/store/export/read-export.ts';
import { loadReportGraph } from '../../src/store/load-report.ts';
import { migrate, splitStatements } from '../../src/store/migrate.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { extractCorpus, extractSeed } from '../support/graphs.ts';
import { createSecondNeo4j } from '../support/second-neo4j.ts';
import { openTestStore } from '../support/store.ts';
import { wipeData } from '../support/wipe.ts';

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
  });

  test('GraphML is valid XML whose node and edge counts match the database', async () => {
    const xml = toGraphML(await readExportData(store.executor, null));
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'node' || name === 'edge' }).parse(
      xml,
    );
    const counts = await countGraph(store.executor);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(doc.graphml.graph.node).toHaveLength(sum(counts.nodes));
    expect(doc.graphml.graph.edge).toHaveLength(sum(counts.relationships));
  });

  test('CSV files follow the neo4j-admin import header format', async () => {
    const files = toAdminCsv(await readExportData(store.executor, seed.report.id));
    const indicatorHeader = files.get('nodes-Indicator.csv')!.split('\n')[0]!.split(',');
    expect(indicatorHeader[0]).toBe('id:ID');
    expect(indicatorHeader.at(-1)).toBe(':LABEL');
    expect(indicatorHeader).toEqual(
      expect.arrayContaining(['year:long', 'value:double', 'threshold:boolean', 'metric']),
    );
    expect(files.get('rels-SERVES.csv')!.split('\n')[0]).toMatch(/^:START_ID,:END_ID,:TYPE,/);
    expect(files.get('IMPORT.md')).toContain('neo4j-admin database import full');
  });

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
        const script = toCypherScript(await readExportData(store.executor, reportId));
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
    }, 120_000);
  });
});

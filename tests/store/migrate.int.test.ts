import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate, readMigrations } from '../../src/store/migrate.ts';
import type { Store } from '../../src/store/open-store.ts';
import { openTestStore } from '../support/store.ts';

const LABELS = ['Report', 'Section', 'Indicator', 'Goal', 'Project', 'Place', 'Enterprise'];

async function schemaSnapshot(store: Store) {
  const constraints = await store.executor.read({
    text: 'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name',
  });
  const indexes = await store.executor.read({
    text: 'SHOW INDEXES YIELD name, type, labelsOrTypes, properties, options RETURN name, type, labelsOrTypes, properties, options ORDER BY name',
  });
  return { constraints, indexes };
}

describe('migrate against the real Neo4j', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await store.close();
  });

  test('creates a uniqueness constraint on id for every node label', async () => {
    await migrate(store.executor);
    const { constraints } = await schemaSnapshot(store);
    for (const label of LABELS) {
      expect(constraints).toContainEqual(
        expect.objectContaining({ type: 'UNIQUENESS', labelsOrTypes: [label], properties: ['id'] }),
      );
    }
  });

  test('creates the cjk full-text indexes over names, titles and evidence', async () => {
    await migrate(store.executor);
    const { indexes } = await schemaSnapshot(store);
    const text = indexes.find((i) => i.name === 'plangraph_text') as Record<string, any>;
    expect(text).toMatchObject({ type: 'FULLTEXT', labelsOrTypes: expect.arrayContaining(LABELS) });
    expect(text.properties).toEqual(expect.arrayContaining(['name', 'title', 'text']));
    expect(text.options.indexConfig['fulltext.analyzer']).toBe('cjk');
    const evidence = indexes.find((i) => i.name === 'plangraph_evidence') as Record<string, any>;
    expect(evidence).toMatchObject({ type: 'FULLTEXT', properties: ['text'] });
    expect(evidence.options.indexConfig['fulltext.analyzer']).toBe('cjk');
  });

  test('a second run, and a forced re-run of every statement, change nothing', async () => {
    await migrate(store.executor);
    const before = await schemaSnapshot(store);
    const second = await migrate(store.executor);
    expect(second.applied).toEqual([]);
    for (const m of readMigrations()) for (const text of m.statements) await store.executor.write({ text });
    expect(await schemaSnapshot(store)).toEqual(before);
  });

  test('cjk full-text search finds a Chinese word inside a longer name', async () => {
    await migrate(store.executor);
    await store.executor.write({ text: "MERGE (p:Project {id: 'test-ft-1'}) SET p.name = '新建高标准农田示范区'" });
    try {
      await store.executor.read({ text: 'CALL db.awaitIndexes(60)' });
      const rows = await store.executor.read({
        text: "CALL db.index.fulltext.queryNodes('plangraph_text', $q) YIELD node, score RETURN node.id AS id, score",
        params: { q: '高标准农田' },
      });
      expect(rows.map((r) => r.id)).toContain('test-ft-1');
    } finally {
      await store.executor.write({ text: "MATCH (p:Project {id: 'test-ft-1'}) DETACH DELETE p" });
    }
  });
});

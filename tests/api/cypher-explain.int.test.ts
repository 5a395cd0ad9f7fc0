import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from '../../src/store/open-store.ts';
import { CYPHER_CASES, recordCypher } from '../support/cypher-cases.ts';
import { openTestStore } from '../support/store.ts';

// The flag behind the pinned Cypher: every statement a resolver path sends is planned by the
// real Neo4j (EXPLAIN compiles and plans it without running it).
describe('EXPLAIN every pinned statement against Neo4j', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => store.close());

  test.each(CYPHER_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const calls = await recordCypher(c, store.executor);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls)
      await expect(store.executor.read({ text: `EXPLAIN ${call.text}`, params: call.params })).resolves.toBeDefined();
  });
});

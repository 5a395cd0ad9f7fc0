import type { Executor } from '../../src/store/executor.ts';

/**
 * Empties the test database but keeps the schema and its migration records. Deletes in batches,
 * so that a database grown by a benchmark (hundreds of thousands of nodes) fits Neo4j's
 * per-transaction memory limit.
 */
export async function wipeData(executor: Executor): Promise<void> {
  for (;;) {
    const [row] = await executor.write({
      text: 'MATCH (n) WHERE NOT n:PlangraphMigration WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS deleted',
    });
    if (Number(row?.deleted ?? 0) === 0) return;
  }
}

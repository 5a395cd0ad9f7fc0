import type { Executor } from '../../src/store/executor.ts';

/** Empties the test database but keeps the schema and its migration records. */
export async function wipeData(executor: Executor): Promise<void> {
  await executor.write({ text: 'MATCH (n) WHERE NOT n:PlangraphMigration DETACH DELETE n' });
}

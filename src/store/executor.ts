import type { Driver } from 'neo4j-driver';
import type { Config } from '#config/env.ts';
import { mapNeo4jError } from './map-error.ts';
import { toPlain } from './to-plain.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Statement plus parameters: values always travel as parameters, never inside the text. */
export interface CypherQuery {
  text: string;
  params?: Params;
}

/** Everything above the store talks to Neo4j through this, so tests can record or replace it. */
export interface Executor {
  read(query: CypherQuery): Promise<Row[]>;
  write(query: CypherQuery): Promise<Row[]>;
  /** Runs several statements in one write transaction: all or nothing. */
  writeAll(queries: CypherQuery[]): Promise<Row[][]>;
}

/** An Executor over a real driver, mapping errors and values once. */
export function createExecutor(driver: Driver, config: Config): Executor {
  const database = config.NEO4J_DATABASE;
  const timeout = config.NEO4J_TX_TIMEOUT_MS;
  const toRows = (records: { toObject(): object }[]) => records.map((r) => toPlain(r.toObject()) as Row);
  return {
    async read(query) {
      try {
        const result = await driver.executeQuery(query.text, query.params ?? {}, {
          database,
          routing: 'READ',
          transactionConfig: { timeout },
        });
        return toRows(result.records);
      } catch (error) {
        throw mapNeo4jError(error, config.uri);
      }
    },
    async write(query) {
      try {
        const result = await driver.executeQuery(query.text, query.params ?? {}, { database, routing: 'WRITE' });
        return toRows(result.records);
      } catch (error) {
        throw mapNeo4jError(error, config.uri);
      }
    },
    async writeAll(queries) {
      const session = driver.session({ database });
      try {
        return await session.executeWrite(async (tx) => {
          const out: Row[][] = [];
          for (const q of queries) out.push(toRows((await tx.run(q.text, q.params ?? {})).records));
          return out;
        });
      } catch (error) {
        throw mapNeo4jError(error, config.uri);
      } finally {
        await session.close();
      }
    },
  };
}

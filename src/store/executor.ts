import neo4j, { type Driver, type QueryResult } from 'neo4j-driver';
import type { Config } from '#config/env.ts';
import { mapNeo4jError } from './map-error.ts';
import { toParams } from './to-params.ts';
import { toPlain } from './to-plain.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Statement plus parameters: values always travel as parameters, never inside the text. */
export interface CypherQuery {
  text: string;
  params?: Params;
}

/** What a write changed, summed over the statements of a transaction. */
export interface WriteStats {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

export const emptyStats = (): WriteStats => ({
  nodesCreated: 0,
  nodesDeleted: 0,
  relationshipsCreated: 0,
  relationshipsDeleted: 0,
  propertiesSet: 0,
});

/** Runs statements inside one transaction. */
export interface TxRunner {
  run(query: CypherQuery): Promise<Row[]>;
  stats: WriteStats;
}

/** Everything above the store talks to Neo4j through this, so tests can record or replace it. */
export interface Executor {
  read(query: CypherQuery): Promise<Row[]>;
  write(query: CypherQuery): Promise<Row[]>;
  /** Runs `work` in one write transaction: all of it commits, or none of it (transient errors are retried). */
  transaction<T>(work: (tx: TxRunner) => Promise<T>): Promise<T>;
}

function toRows(result: Pick<QueryResult, 'records'>): Row[] {
  return result.records.map((r) => toPlain(r.toObject()) as Row);
}

function addStats(into: WriteStats, result: QueryResult): void {
  const c = result.summary.counters.updates();
  into.nodesCreated += c.nodesCreated;
  into.nodesDeleted += c.nodesDeleted;
  into.relationshipsCreated += c.relationshipsCreated;
  into.relationshipsDeleted += c.relationshipsDeleted;
  into.propertiesSet += c.propertiesSet;
}

/** An Executor over a real driver, mapping errors and values once. */
export function createExecutor(driver: Driver, config: Config): Executor {
  const database = config.NEO4J_DATABASE;
  const timeout = config.NEO4J_TX_TIMEOUT_MS;
  return {
    async read(query) {
      // An auto-commit transaction: one round trip (RUN + PULL), where a managed transaction
      // takes three (BEGIN, RUN + PULL, COMMIT). Reads are idempotent, so no retry logic is lost
      // that matters: a failure maps to DB_UNAVAILABLE / TIMEOUT for the caller.
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      try {
        return toRows(await session.run(query.text, toParams(query.params ?? {}) as Params, { timeout }));
      } catch (error) {
        throw mapNeo4jError(error, config.uri);
      } finally {
        await session.close();
      }
    },
    async write(query) {
      try {
        return toRows(
          await driver.executeQuery(query.text, toParams(query.params ?? {}) as Params, { database, routing: 'WRITE' }),
        );
      } catch (error) {
        throw mapNeo4jError(error, config.uri);
      }
    },
    async transaction(work) {
      const session = driver.session({ database });
      try {
        return await session.executeWrite(async (tx) => {
          // A retried attempt starts its counts again.
          const runner: TxRunner = {
            stats: emptyStats(),
            async run(query) {
              const result = await tx.run(query.text, toParams(query.params ?? {}) as Params);
              addStats(runner.stats, result);
              return toRows(result);
            },
          };
          return work(runner);
        });
      } catch (error) {
        throw mapNeo4jError(error, config.uri);
      } finally {
        await session.close();
      }
    },
  };
}

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

/**
 * Calls `start` (a driver call that creates a Result) without the stack trace the driver
 * captures for every Result: it formats the caller's stack, through source maps under tsx, which
 * cost 0.1–0.15 ms per statement on the bench machine, 10–15% of a small read. That trace only
 * decorates a Neo4j error's stack; the AppError made from such an error is created where the
 * statement was awaited and keeps the caller's async stack.
 */
export function withoutDriverStackTrace<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
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
        const params = toParams(query.params ?? {}) as Params;
        return toRows(await withoutDriverStackTrace(() => session.run(query.text, params, { timeout })));
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
              const params = toParams(query.params ?? {}) as Params;
              const result = await withoutDriverStackTrace(() => tx.run(query.text, params));
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

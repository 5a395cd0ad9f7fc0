import neo4j, { type Driver, type QueryResult, type Result } from 'neo4j-driver';
import type { Config } from '#config/env.ts';
import { AppError, isAppError } from '#errors/app-error.ts';
import { createGate } from './gate.ts';
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

/** What one request allows the records it reads: bytes counted as records stream in. */
export interface ByteBudget {
  used: number;
  max: number;
}

/** Per-call limits, set by the request that makes the call (see request-scope.ts). */
export interface ReadOptions {
  /** Aborts the statement (its reason, an AppError, is thrown): deadline or client gone. */
  signal?: AbortSignal;
  /** Epoch ms by which the statement must end: the transaction timeout shrinks to fit. */
  deadline?: number;
  budget?: ByteBudget;
}

/** Everything above the store talks to Neo4j through this, so tests can record or replace it. */
export interface Executor {
  read(query: CypherQuery, options?: ReadOptions): Promise<Row[]>;
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

export function responseTooLarge(max: number): AppError {
  return new AppError(
    `the answer would be larger than ${max} bytes (MAX_RESPONSE_BYTES): ask for fewer items or fewer texts`,
    'RESPONSE_TOO_LARGE',
  );
}

/**
 * The rows of a result, stopping as soon as the budget is spent or the signal aborts: the
 * caller's `session.close()` then cancels the stream and resets the connection, which ends the
 * statement on the server.
 */
function collectRows(result: Result, options: ReadOptions): Promise<Row[]> {
  const { signal, budget } = options;
  return new Promise((resolve, reject) => {
    const rows: Row[] = [];
    let done = false;
    const finish = (error?: unknown) => {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', onAbort);
      if (error === undefined) resolve(rows);
      else reject(error);
    };
    const onAbort = () => finish(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    result.subscribe({
      onNext(record) {
        if (done) return;
        if (!budget) return void rows.push(toPlain(record.toObject()) as Row);
        const count = { bytes: 0 };
        const row = toPlain(record.toObject(), count) as Row;
        budget.used += count.bytes;
        if (budget.used > budget.max) return finish(responseTooLarge(budget.max));
        rows.push(row);
      },
      onCompleted: () => finish(),
      onError: (error) => finish(error),
    });
  });
}

/**
 * An Executor over a real driver, mapping errors and values once. At most NEO4J_MAX_CONCURRENCY
 * statements run at once (below the driver's pool of 100, so that no caller waits for a
 * connection and times out with a raw driver error); NEO4J_MAX_QUEUE more wait, and beyond
 * that a call fails at once with OVERLOADED (HTTP 503 with Retry-After in the API).
 */
export function createExecutor(driver: Driver, config: Config): Executor {
  const database = config.NEO4J_DATABASE;
  const timeout = config.NEO4J_TX_TIMEOUT_MS;
  const gate = createGate(config.NEO4J_MAX_CONCURRENCY, config.NEO4J_MAX_QUEUE);
  return {
    async read(query, options = {}) {
      const release = await gate.acquire(options.signal);
      // An auto-commit transaction: one round trip (RUN + PULL), where a managed transaction
      // takes three (BEGIN, RUN + PULL, COMMIT). Reads are idempotent, so no retry logic is lost
      // that matters: a failure maps to DB_UNAVAILABLE / TIMEOUT for the caller.
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      // The request's deadline, when nearer than the statement's own timeout, bounds it on the server too.
      const left = options.deadline === undefined ? timeout : Math.max(1, options.deadline - Date.now());
      try {
        const params = toParams(query.params ?? {}) as Params;
        const result = withoutDriverStackTrace(() =>
          session.run(query.text, params, { timeout: Math.min(timeout, left) }),
        );
        if (options.signal === undefined && options.budget === undefined) return toRows(await result);
        return await collectRows(result, options);
      } catch (error) {
        if (isAppError(error)) throw error;
        if (options.signal?.aborted && isAppError(options.signal.reason)) throw options.signal.reason;
        const mapped = mapNeo4jError(error, config.uri);
        if (mapped.code === 'TIMEOUT' && left < timeout)
          throw new AppError('the request took longer than REQUEST_TIMEOUT_MS and was stopped', 'REQUEST_TIMEOUT', {
            cause: error,
          });
        throw mapped;
      } finally {
        await session.close();
        release();
      }
    },
    async write(query) {
      const release = await gate.acquire();
      try {
        return toRows(
          await driver.executeQuery(query.text, toParams(query.params ?? {}) as Params, { database, routing: 'WRITE' }),
        );
      } catch (error) {
        throw mapNeo4jError(error, config.uri);
      } finally {
        release();
      }
    },
    async transaction(work) {
      const release = await gate.acquire();
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
        release();
      }
    },
  };
}

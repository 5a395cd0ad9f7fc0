import { AppError } from '#errors/app-error.ts';
import type { Executor, ReadOptions } from './executor.ts';
import { createGate } from './gate.ts';

export interface RequestLimits {
  /** Aborted when the client goes away (the HTTP layer owns it). */
  signal?: AbortSignal;
  /** The request's whole deadline (REQUEST_TIMEOUT_MS). */
  timeoutMs: number;
  /** Bytes of records the request may read from Neo4j (MAX_RESPONSE_BYTES based). */
  maxRecordBytes: number;
  /** Statements of this request that may run at once: one client's query must not take every slot. */
  maxConcurrent: number;
}

export interface ScopedExecutor extends Executor {
  readonly signal: AbortSignal;
  /** Ends the deadline timer; the request is done. Idempotent. */
  dispose(): void;
}

/** The per-request fan-out cap: a query resolving many fields at once queues behind itself, not behind everyone. */
export const PER_REQUEST_CONCURRENCY = 4;

/**
 * One request's view of the executor: every read carries the request's deadline, its byte
 * budget and an abort signal that fires on REQUEST_TIMEOUT or when the client disconnects
 * (CLIENT_CLOSED), which cancels the statements in flight and refuses new ones.
 */
export function scopeExecutor(inner: Executor, limits: RequestLimits): ScopedExecutor {
  const controller = new AbortController();
  const deadline = Date.now() + limits.timeoutMs;
  const timer = setTimeout(
    () =>
      controller.abort(
        new AppError(
          `the request took longer than ${limits.timeoutMs} ms (REQUEST_TIMEOUT_MS) and was stopped`,
          'REQUEST_TIMEOUT',
        ),
      ),
    limits.timeoutMs,
  );
  timer.unref();
  const onClientAbort = () =>
    controller.abort(new AppError('the client closed the connection; its queries were cancelled', 'CLIENT_CLOSED'));
  if (limits.signal?.aborted) onClientAbort();
  else limits.signal?.addEventListener('abort', onClientAbort, { once: true });
  const own = createGate(limits.maxConcurrent, Number.POSITIVE_INFINITY);
  const options: ReadOptions = {
    signal: controller.signal,
    deadline,
    budget: { used: 0, max: limits.maxRecordBytes },
  };
  return {
    signal: controller.signal,
    async read(query) {
      const release = await own.acquire(controller.signal);
      try {
        return await inner.read(query, options);
      } finally {
        release();
      }
    },
    write: (query) => inner.write(query),
    transaction: (work) => inner.transaction(work),
    dispose() {
      clearTimeout(timer);
      limits.signal?.removeEventListener('abort', onClientAbort);
    },
  };
}

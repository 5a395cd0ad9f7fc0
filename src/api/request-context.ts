import type { Config } from '#config/env.ts';
import type { Executor } from '#store/executor.ts';
import { PER_REQUEST_CONCURRENCY, scopeExecutor } from '#store/request-scope.ts';
import type { ApiContext } from './context.ts';
import { createLoaders } from './loaders.ts';

/**
 * The context of one GraphQL request, independent of the HTTP framework: its executor carries
 * the request's deadline (REQUEST_TIMEOUT_MS), its byte budget (twice MAX_RESPONSE_BYTES of
 * records: the store returns more than an answer shows, e.g. whole texts for highlighting) and
 * `signal`, which the HTTP layer aborts when the client disconnects. `dispose` (called by
 * requestLimitsPlugin when the answer is sent) ends the deadline timer.
 */
export function createRequestContext(
  executor: Executor,
  config: Config,
  requestId: string,
  signal?: AbortSignal,
): ApiContext {
  const scoped = scopeExecutor(executor, {
    signal,
    timeoutMs: config.REQUEST_TIMEOUT_MS,
    maxRecordBytes: 2 * config.MAX_RESPONSE_BYTES,
    maxConcurrent: PER_REQUEST_CONCURRENCY,
  });
  return { requestId, executor: scoped, loaders: createLoaders(scoped), config, dispose: () => scoped.dispose() };
}

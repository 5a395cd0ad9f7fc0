import type { Config } from '#config/env.ts';
import type { Executor } from '#store/executor.ts';
import type { Loaders } from './loaders.ts';

/** What every resolver receives: one per request. */
export interface ApiContext {
  requestId: string;
  /** Aborted when the client disconnects before its answer is complete (absent outside HTTP). */
  signal?: AbortSignal;
  executor: Executor;
  loaders: Loaders;
  config: Config;
  /** Ends the request's deadline timer (see request-context.ts). */
  dispose?: () => void;
}

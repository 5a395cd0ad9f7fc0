import type http from 'node:http';
import type { Config } from '#config/env.ts';
import type { Executor } from '#store/executor.ts';
import { createApolloServer } from './apollo.ts';
import { createHttpServer } from './http-server.ts';
import { createLogger, type Logger } from './logger.ts';
import { createApiMetrics } from './metrics.ts';
import { loadPersistedOperations } from './persisted-operations.ts';

export interface ApiServer {
  http: http.Server;
  stop(): Promise<void>;
}

/**
 * Builds the API (Apollo started, HTTP server created but not listening): the caller decides
 * where it listens, so tests can use port 0.
 */
export async function createApiServer(
  config: Config,
  executor: Executor,
  logger: Logger = createLogger(config.LOG_LEVEL),
  options: { staticRoot?: string } = {},
): Promise<ApiServer> {
  const persistedOperations =
    config.PERSISTED_OPERATIONS === undefined ? undefined : loadPersistedOperations(config.PERSISTED_OPERATIONS);
  const apollo = createApolloServer({
    introspection: config.GRAPHQL_INTROSPECTION,
    logger,
    maxResponseBytes: config.MAX_RESPONSE_BYTES,
    persistedOperations,
  });
  await apollo.start();
  const server = createHttpServer({
    apollo,
    executor,
    config,
    logger,
    metrics: createApiMetrics(),
    persistedOperations,
    ...options,
  });
  return {
    http: server,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}

import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '#config/env.ts';
import { mapNeo4jError } from './map-error.ts';

/**
 * Creates a driver for the configured server (NEO4J_URI when set, else the local one).
 * Connection attempts are bounded so that a wrong URI fails fast instead of hanging.
 */
export function createDriver(config: Config): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD), {
    connectionTimeout: config.NEO4J_CONNECT_TIMEOUT_MS,
    maxConnectionPoolSize: config.NEO4J_MAX_POOL_SIZE,
    connectionAcquisitionTimeout: config.NEO4J_CONNECT_TIMEOUT_MS * 2,
    maxTransactionRetryTime: config.NEO4J_CONNECT_TIMEOUT_MS,
    disableLosslessIntegers: false,
    userAgent: 'plangraph',
  });
}

/** How long a reachable server may take to bring its database online (a Neo4j just started). */
export const DATABASE_ONLINE_WAIT_MS = 30_000;

/**
 * Checks that the server answers, the credentials work and the database serves queries. A server
 * that answers while its database is still coming online (DatabaseUnavailable, as right after a
 * start) is waited for, up to DATABASE_ONLINE_WAIT_MS; an unreachable one fails at once.
 * @throws AppError DB_UNAVAILABLE, DB_AUTH or CONFIG naming the URI.
 */
export async function verifyDriver(driver: Driver, config: Config, waitMs = DATABASE_ONLINE_WAIT_MS): Promise<void> {
  try {
    await driver.getServerInfo({ database: config.NEO4J_DATABASE });
  } catch (error) {
    throw mapNeo4jError(error, config.uri);
  }
  const deadline = Date.now() + waitMs;
  for (;;) {
    const session = driver.session({ database: config.NEO4J_DATABASE, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1');
      return;
    } catch (error) {
      const mapped = mapNeo4jError(error, config.uri);
      if (mapped.code !== 'DB_UNAVAILABLE' || Date.now() >= deadline) throw mapped;
    } finally {
      await session.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

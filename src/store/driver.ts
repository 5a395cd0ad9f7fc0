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
    connectionAcquisitionTimeout: config.NEO4J_CONNECT_TIMEOUT_MS * 2,
    maxTransactionRetryTime: config.NEO4J_CONNECT_TIMEOUT_MS,
    disableLosslessIntegers: false,
    userAgent: 'plangraph',
  });
}

/**
 * Checks that the server answers and the credentials work.
 * @throws AppError DB_UNAVAILABLE or DB_AUTH naming the URI.
 */
export async function verifyDriver(driver: Driver, config: Config): Promise<void> {
  try {
    await driver.getServerInfo({ database: config.NEO4J_DATABASE });
  } catch (error) {
    throw mapNeo4jError(error, config.uri);
  }
}

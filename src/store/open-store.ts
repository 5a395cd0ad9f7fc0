import type { Config } from '#config/env.ts';
import { createDriver, verifyDriver } from './driver.ts';
import { createExecutor, type Executor } from './executor.ts';
import { instrumentExecutor } from './metrics.ts';

export interface Store {
  executor: Executor;
  close(): Promise<void>;
}

/**
 * Connects to the configured Neo4j and checks that it answers.
 * @throws AppError DB_UNAVAILABLE / DB_AUTH naming the URI.
 */
export async function openStore(config: Config, options: { verify?: boolean } = {}): Promise<Store> {
  const driver = createDriver(config);
  // A server keeps running while the database is down (readyz says 503), so it may skip this.
  const executor = instrumentExecutor(createExecutor(driver, config), config.NEO4J_MAX_POOL_SIZE);
  if (options.verify === false) return { executor, close: () => driver.close() };
  try {
    await verifyDriver(driver, config);
  } catch (error) {
    await driver.close();
    throw error;
  }
  return { executor, close: () => driver.close() };
}

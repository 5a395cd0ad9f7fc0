import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { createDriver } from '../../src/store/driver.ts';
import { createExecutor } from '../../src/store/executor.ts';
import { startTestApi, type TestApi } from '../support/api.ts';

describe('timeouts and introspection', () => {
  test('a query past the transaction timeout is TIMEOUT, and the database is free afterwards', async () => {
    const config = loadConfig({ ...process.env, NEO4J_TX_TIMEOUT_MS: '200' });
    const driver = createDriver(config);
    try {
      const executor = createExecutor(driver, config);
      await expect(
        executor.read({ text: 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n' }),
      ).rejects.toMatchObject({ code: 'TIMEOUT' });
      // The timed-out transaction is gone (the SHOW query itself starts with SHOW, not UNWIND).
      let running = 1;
      for (let i = 0; i < 20 && running > 0; i++) {
        const rows = await executor.read({
          text: "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range' RETURN count(*) AS n",
        });
        running = Number(rows[0]!.n);
        if (running > 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(running).toBe(0);
    } finally {
      await driver.close();
    }
  });

  describe('with introspection off', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi({ GRAPHQL_INTROSPECTION: 'false' });
    });
    afterAll(() => api.stop());
    test('__schema is refused and ordinary queries still work', async () => {
      const { body } = await api.gql('{ __schema { types { name } } }');
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect((await api.gql('{ version }')).body.data).toEqual({ version: expect.any(String) });
    });
  });
});

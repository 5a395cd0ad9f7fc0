import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { createDriver } from '../../src/store/driver.ts';
import { createExecutor } from '../../src/store/executor.ts';

// Issue 18, Config: NEO4J_CONNECT_TIMEOUT_MS at a huge value was accepted, overflowed node's
// timers (above 2^31-1 ms they fire at once) and made every query fail. Each value has a range
// that works: its largest accepted value runs a query, one above is refused with CONFIG.
describe('configuration ranges', () => {
  const TIMINGS = {
    NEO4J_CONNECT_TIMEOUT_MS: 600_000,
    NEO4J_TX_TIMEOUT_MS: 600_000,
    REQUEST_TIMEOUT_MS: 600_000,
  } as const;

  test.each(Object.entries(TIMINGS))('%s above %i is refused with CONFIG naming it', (name, max) => {
    for (const bad of [String(max + 1), '2147483648', '1e15', '-1', 'soon'])
      expect(() => loadConfig({ [name]: bad }), `${name}=${bad}`).toThrow(
        expect.objectContaining({ code: 'CONFIG', message: expect.stringContaining(name) }),
      );
  });

  test('every timing at its largest accepted value still runs a query', async () => {
    const config = loadConfig({
      ...process.env,
      ...Object.fromEntries(Object.entries(TIMINGS).map(([k, v]) => [k, String(v)])),
    });
    const driver = createDriver(config);
    try {
      expect(await createExecutor(driver, config).read({ text: 'RETURN 1 AS one' })).toEqual([{ one: 1 }]);
    } finally {
      await driver.close();
    }
  });

  test('memory sizes Neo4j cannot start with, and counts out of range, are refused', () => {
    for (const [name, bad] of <[string, string][]>[
      ['NEO4J_HEAP', '0g'],
      ['NEO4J_PAGECACHE', '12k'],
      ['NEO4J_MAX_CONCURRENCY', '0'],
      ['NEO4J_MAX_CONCURRENCY', '1001'],
      ['MAX_RESPONSE_BYTES', '10'],
    ])
      expect(() => loadConfig({ [name]: bad }), `${name}=${bad}`).toThrow(expect.objectContaining({ code: 'CONFIG' }));
  });
});

import { Neo4jError, type Driver } from 'neo4j-driver';
import { afterEach, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { createExecutor, withoutDriverStackTrace } from '../../src/store/executor.ts';

// The driver captures a stack trace for every Result it creates (new Error().stack, formatted
// through source maps): the executor starts statements with capturing off and turns it back on.
// Statements against the real Neo4j go through the same code in every integration test.
const config = loadConfig({});
const originalLimit = Error.stackTraceLimit;
afterEach(() => {
  Error.stackTraceLimit = originalLimit;
});

/** A driver whose session.run notes how deep a stack the driver could capture at that moment. */
function fakeDriver(answer: Error | null) {
  const seen: number[] = [];
  const driver = {
    session: () => ({
      run: (text: string) => {
        seen.push(Error.stackTraceLimit);
        const captured = new Error('').stack ?? '';
        if (answer) return Promise.reject(answer);
        return Promise.resolve({
          records: [{ toObject: () => ({ text, frames: captured.split('\n').length - 1 }) }],
        });
      },
      close: async () => undefined,
    }),
  } as unknown as Driver;
  return { driver, seen };
}

describe('withoutDriverStackTrace', () => {
  test('runs the call with stack capture off and restores the limit', () => {
    Error.stackTraceLimit = 7;
    expect(withoutDriverStackTrace(() => Error.stackTraceLimit)).toBe(0);
    expect(Error.stackTraceLimit).toBe(7);
  });

  test('restores the limit when the call throws', () => {
    Error.stackTraceLimit = 9;
    expect(() =>
      withoutDriverStackTrace(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(Error.stackTraceLimit).toBe(9);
  });
});

describe('executor.read', () => {
  test('starts the statement without a captured stack, answers its rows, restores the limit', async () => {
    const fake = fakeDriver(null);
    const rows = await createExecutor(fake.driver, config).read({ text: 'RETURN 1' });
    expect(fake.seen).toEqual([0]);
    expect(rows).toEqual([{ text: 'RETURN 1', frames: 0 }]);
    expect(Error.stackTraceLimit).toBe(originalLimit);
  });

  test('still maps a failing statement to an AppError that carries a stack of its own', async () => {
    const fake = fakeDriver(
      new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', 'gql', 'description'),
    );
    const failure = await createExecutor(fake.driver, config)
      .read({ text: 'RETRUN 1' })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'DB_ERROR', message: expect.stringContaining('Invalid input') });
    // The AppError's own stack names where the statement was awaited.
    expect((failure as Error).stack).toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(originalLimit);
  });
});

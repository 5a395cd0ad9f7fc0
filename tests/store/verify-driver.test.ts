import { Neo4jError, type Driver } from 'neo4j-driver';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { verifyDriver } from '../../src/store/driver.ts';

// The waiting logic, over a driver whose database answers as a just-started Neo4j does: the
// server is reachable, but queries get DatabaseUnavailable until the database is online.
// (Opening the store against the real Neo4j is covered by every integration test.)
function fakeDriver(answers: (Error | null)[]) {
  let runs = 0;
  const driver = {
    getServerInfo: async () => ({}),
    session: () => ({
      run: async () => {
        const answer = answers[Math.min(runs, answers.length - 1)];
        runs += 1;
        if (answer) throw answer;
        return { records: [] };
      },
      close: async () => undefined,
    }),
  } as unknown as Driver;
  return { driver, runs: () => runs };
}

const config = loadConfig({});
const unavailable = () =>
  new Neo4jError('database is starting', 'Neo.TransientError.General.DatabaseUnavailable', 'gql', 'description');

describe('verifyDriver', () => {
  test('waits while the database is still coming online, then succeeds', async () => {
    const fake = fakeDriver([unavailable(), unavailable(), null]);
    await verifyDriver(fake.driver, config, 5_000);
    expect(fake.runs()).toBe(3);
  });

  test('gives up with DB_UNAVAILABLE when the database stays unavailable past the wait', async () => {
    const fake = fakeDriver([unavailable()]);
    await expect(verifyDriver(fake.driver, config, 300)).rejects.toMatchObject({ code: 'DB_UNAVAILABLE' });
    expect(fake.runs()).toBeGreaterThan(1);
  });

  test('any other failure is reported at once', async () => {
    const fake = fakeDriver([
      new Neo4jError('no such database', 'Neo.ClientError.Database.DatabaseNotFound', 'gql', 'd'),
    ]);
    await expect(verifyDriver(fake.driver, config, 5_000)).rejects.toMatchObject({ code: 'CONFIG' });
    expect(fake.runs()).toBe(1);
  });
});

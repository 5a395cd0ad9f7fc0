import { defineConfig } from 'vitest/config';

// Two projects: pure unit tests run in parallel; tests that touch the one shared Neo4j run
// one file at a time so they cannot see each other's half-written data.
export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/**/*.int.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/**/*.int.test.ts'], fileParallelism: false },
      },
    ],
  },
});

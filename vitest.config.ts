import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// One graphql-js for everything: Node loads its CommonJS build for Apollo and for src/ (under
// tsx), while Vite would hand src/ the ESM build, and graphql-js refuses types from "another
// realm" (the planner reads Apollo's schema with graphql's own functions).
const graphqlMain = createRequire(import.meta.url).resolve('graphql');

// Two projects: pure unit tests run in parallel; tests that touch the one shared Neo4j run
// one file at a time so they cannot see each other's half-written data.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
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

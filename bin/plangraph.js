#!/usr/bin/env node
// The package's bin: runs the compiled CLI (dist/, made by `npm run build`), or the TypeScript
// sources through tsx in a checkout that has not been built (tsx is a devDependency).
import { existsSync } from 'node:fs';

// `plangraph extract FILE | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Settings from ./.env, under the environment's own (a variable set in both keeps its value).
try {
  process.loadEnvFile();
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}

// graphql-js checks every type with extra cross-realm diagnostics unless NODE_ENV is
// production; the CLI is the product, so it runs as production unless told otherwise.
process.env.NODE_ENV ??= 'production';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
let runCli;
if (existsSync(compiled) && process.env.PLANGRAPH_FROM_SOURCE !== '1') ({ runCli } = await import(compiled.href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../src/cli/main.ts'));
}
process.exitCode = await runCli(process.argv.slice(2));

#!/usr/bin/env node
// The package's bin. The sources are TypeScript run through tsx, so there is no build step
// between a checkout and `npx plangraph …`.
import { register } from 'tsx/esm/api';

// `plangraph extract FILE | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// graphql-js checks every type with extra cross-realm diagnostics unless NODE_ENV is
// production; the CLI is the product, so it runs as production unless told otherwise.
process.env.NODE_ENV ??= 'production';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));

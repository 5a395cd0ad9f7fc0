#!/usr/bin/env node
// The package's bin. The sources are TypeScript run through tsx, so there is no build step
// between a checkout and `npx plangraph …`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));

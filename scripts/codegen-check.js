// Fails when src/api/__generated__ differs from what graphql-codegen would write now, so a
// schema change cannot land without its regenerated types.
import { readFileSync, existsSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen.ts';

const outputs = await generate({ ...config, silent: true }, false);
let stale = 0;
for (const { filename, content } of outputs) {
  const current = existsSync(filename) ? readFileSync(filename, 'utf8') : '';
  if (current !== content) {
    console.error(`stale generated file: ${filename} (run npm run codegen)`);
    stale += 1;
  }
}
if (stale === 0) console.error(`generated code is up to date (${outputs.length} file(s))`);
process.exit(stale === 0 ? 0 : 1);

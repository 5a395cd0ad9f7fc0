// Compiles the CLI (and through it the API, store and extractor) from src/ into dist/ with
// esbuild: one ES module per entry, a chunk per lazily imported command, npm packages left as
// imports. bin/plangraph.js runs dist/cli/main.js, so no TypeScript is compiled at run time.
// Data files stay in src/ (schema, gazetteer, explorer build) and are found from the project
// root (src/config/project-root.ts).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The extraction pool's worker thread is an entry of its own (src/cli/extract/extract-pool.ts).
  entryPoints: ['src/cli/main.ts', 'src/cli/extract/extract-worker-main.ts'],
  outbase: 'src',
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.error(`CLI built → ${path.relative(process.cwd(), dist)}`);

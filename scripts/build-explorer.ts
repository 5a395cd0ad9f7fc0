// Bundles the explorer (src/explorer) into src/explorer/dist with esbuild: every script and style
// comes from npm packages, nothing from a CDN, so the page works offline.
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/explorer');
const dist = path.join(root, 'dist');
mkdirSync(dist, { recursive: true });
await build({
  entryPoints: { app: path.join(root, 'src/main.ts'), graphiql: path.join(root, 'src/graphiql.tsx') },
  outdir: dist,
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
for (const file of ['index.html', 'graphiql.html', 'styles.css']) cpSync(path.join(root, file), path.join(dist, file));
console.error(`explorer built → ${path.relative(process.cwd(), dist)}`);

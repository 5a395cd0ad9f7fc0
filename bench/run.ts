// npm run bench [-- extract|graph|api …]: runs the named benchmarks (extract and graph by default) and prints
// Markdown for BENCHMARKS.md. Figures depend on the machine; BENCHMARKS.md says which one.
import os from 'node:os';
import { benchExtract } from './extract.ts';
import { benchGraph } from './ingest.ts';
import { benchConfiguredApi } from './api.ts';
import { benchOverhead } from './overhead.ts';
import { benchPeer } from './peer.ts';
import { benchStartup } from './startup.ts';

const suites: Record<string, () => Promise<string> | string> = {
  extract: () => benchExtract(),
  graph: () => benchGraph(),
  // Not in the default set: it measures whatever graph the configured Neo4j holds.
  api: () => benchConfiguredApi(),
  // Not in the default set: the analysis behind the API's GraphQL-to-Cypher ratio (BENCHMARKS.md).
  overhead: () => benchOverhead(),
  // Not in the default set: plangraph beside @neo4j/graphql and raw Cypher, on the configured Neo4j.
  peer: () => benchPeer(),
  // Not in the default set: CLI and server start-up times (run `npm run build` first).
  startup: () => benchStartup(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : ['extract', 'graph'];
console.log(
  `<!-- ${new Date().toISOString()} · node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · ${Math.round(os.totalmem() / 2 ** 30)} GiB -->`,
);
for (const name of names) {
  const suite = suites[name];
  if (!suite) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n## ${name}\n`);
  console.log(await suite());
}

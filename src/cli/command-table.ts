import type { Command } from './command.ts';

/** What `--help` shows for one command; the module with its code is imported only to run it. */
export interface CommandEntry {
  name: string;
  summary: string;
  /** Commander argument syntax: `<file...>`, `<report-id>`. */
  args?: string;
  options: { flags: string; description: string }[];
  examples: string[];
  /** The environment variables the command reads (described in ENVIRONMENT). */
  env: string[];
  load(): Promise<Command>;
}

/** One line per setting, as README's Configuration table says. */
export const ENVIRONMENT: Record<string, string> = {
  NEO4J_URI: 'bolt://, neo4j://, +s or +ssc URI of your own Neo4j; unset: the local server',
  NEO4J_USER: 'Neo4j user (neo4j)',
  NEO4J_PASSWORD: "Neo4j password; unset: the local server's own, generated into <home>/password",
  NEO4J_DATABASE: 'database name (neo4j)',
  NEO4J_BOLT_PORT: "the local server's Bolt port (7687)",
  NEO4J_HTTP_PORT: "the local server's HTTP port (7474)",
  NEO4J_HEAP: "the local server's heap (1g)",
  NEO4J_PAGECACHE: "the local server's page cache (1g)",
  NEO4J_START_TIMEOUT_MS: 'how long a start waits for Bolt (120000)',
  NEO4J_CONNECT_TIMEOUT_MS: 'connection timeout (5000)',
  NEO4J_TX_TIMEOUT_MS: 'per-query timeout of API reads (10000)',
  NEO4J_MAX_POOL_SIZE: 'connections the driver may open (100)',
  PLANGRAPH_NEO4J_HOME: "the local server's home (.neo4j/home)",
  INGEST_TX_ITEMS: 'nodes and relationships per ingest transaction; a larger report is refused (120000)',
  HOST: 'the address the API listens on (127.0.0.1)',
  PORT: 'the port the API listens on (4000)',
  GRAPHQL_INTROSPECTION: 'allow schema introspection (true)',
  CORS_ORIGINS: 'origins whose pages may call the API: * or a comma list (none)',
  PERSISTED_OPERATIONS: 'a persisted-documents manifest: run only its operations (off)',
  LOG_LEVEL: 'debug, info, warn, error or silent (info)',
};

const CONNECT = [
  'NEO4J_URI',
  'NEO4J_USER',
  'NEO4J_PASSWORD',
  'NEO4J_DATABASE',
  'NEO4J_BOLT_PORT',
  'NEO4J_CONNECT_TIMEOUT_MS',
];
const LOCAL = ['NEO4J_HTTP_PORT', 'NEO4J_HEAP', 'NEO4J_PAGECACHE', 'NEO4J_START_TIMEOUT_MS', 'PLANGRAPH_NEO4J_HOME'];
const SERVE = [
  'HOST',
  'PORT',
  'GRAPHQL_INTROSPECTION',
  'CORS_ORIGINS',
  'PERSISTED_OPERATIONS',
  'LOG_LEVEL',
  'NEO4J_TX_TIMEOUT_MS',
  'NEO4J_MAX_POOL_SIZE',
];

export const COMMANDS: CommandEntry[] = [
  {
    name: 'up',
    summary: 'the main job: start Neo4j unless NEO4J_URI is set, migrate, ingest seeds/, serve',
    options: [{ flags: '--no-serve', description: 'stop after the ingest' }],
    examples: ['plangraph up', 'NEO4J_URI=neo4j+s://xxxx.databases.neo4j.io plangraph up --no-serve'],
    env: [...CONNECT, ...LOCAL, ...SERVE],
    load: async () => (await import('./commands/up.ts')).upCommand,
  },
  {
    name: 'extract',
    summary:
      'extract report files into ReportGraph JSON (stdout, --out FILE, or one FILE.json per report in --out DIR)',
    args: '<file...>',
    options: [
      { flags: '-o, --out <path>', description: 'a file for one report; a directory for several (or an existing one)' },
      { flags: '--compact', description: 'no indentation' },
      { flags: '--force', description: 'replace output files that exist (written atomically either way)' },
    ],
    examples: [
      'plangraph extract seeds/tianmen-2023.txt --out /tmp/tianmen.json',
      'plangraph extract reports/*.txt --out /tmp/graphs',
      'plangraph extract report.html | jq .indicators',
    ],
    env: [],
    load: async () => (await import('./commands/extract.ts')).extractCommand,
  },
  {
    name: 'ingest',
    summary:
      'extract reports and load them into Neo4j, each all or nothing, up to 50 per transaction (a DIR uses its manifest.json)',
    args: '<file-or-dir...>',
    options: [
      {
        flags: '--force',
        description: 'reload reports whose text is unchanged (with --bulk: import over a non-empty database)',
      },
      { flags: '--bulk', description: 'first load of an empty local database through neo4j-admin import (DIR only)' },
    ],
    examples: ['plangraph ingest seeds/', 'plangraph ingest a.txt b.txt --force'],
    env: [...CONNECT, 'INGEST_TX_ITEMS'],
    load: async () => (await import('./commands/ingest.ts')).ingestCommand,
  },
  {
    name: 'delete',
    summary: 'remove one report and everything only it contributed',
    args: '<report-id>',
    options: [],
    examples: ['plangraph delete 天门市-2023-1c02f2f6302a'],
    env: CONNECT,
    load: async () => (await import('./commands/delete.ts')).deleteCommand,
  },
  {
    name: 'serve',
    summary: 'serve the GraphQL API at /graphql, the explorer at /, /healthz, /readyz and /metrics',
    options: [
      { flags: '-p, --port <n>', description: 'port to listen on (PORT, 4000)' },
      { flags: '--host <address>', description: 'address to listen on (HOST, 127.0.0.1)' },
    ],
    examples: ['plangraph serve', 'plangraph serve --port 4001 --host 0.0.0.0'],
    env: [...CONNECT, ...SERVE],
    load: async () => (await import('./commands/serve.ts')).serveCommand,
  },
  {
    name: 'export',
    summary: 'write one report or the whole graph as ReportGraph JSON, GraphML, a Cypher script or neo4j-admin CSV',
    options: [
      { flags: '-f, --format <format>', description: 'json, graphml, gexf, cypher or csv' },
      { flags: '--report <id>', description: 'only this report' },
      { flags: '-o, --out <path>', description: 'a file (a directory for csv); stdout when absent' },
      { flags: '--force', description: 'replace an existing output file (written atomically either way)' },
    ],
    examples: [
      'plangraph export --format graphml --out graph.graphml',
      'plangraph export --format csv --out /tmp/import',
    ],
    env: CONNECT,
    load: async () => (await import('./commands/export.ts')).exportCommand,
  },
  {
    name: 'stats',
    summary: 'counts of the graph: by kind, by report, and the most mentioned places',
    options: [{ flags: '--json', description: 'print JSON instead of a table' }],
    examples: ['plangraph stats', 'plangraph stats --json'],
    env: CONNECT,
    load: async () => (await import('./commands/stats.ts')).statsCommand,
  },
  {
    name: 'eval',
    summary: 'score the extractor against a gold annotation: precision, recall and F1 per category',
    options: [
      { flags: '--gold <file>', description: 'the gold annotation (JSON)' },
      { flags: '--report <file>', description: 'the report it annotates' },
      { flags: '--links <file>', description: 'a links annotation: also score SERVES (by confidence) and PREVIOUS' },
      { flags: '--json', description: 'print JSON' },
      { flags: '--details', description: 'list misses and extras' },
      { flags: '--min-f1 <x>', description: 'exit 8 when a category scores below this F1' },
    ],
    examples: [
      'plangraph eval --gold tests/fixtures/gold/tianmen-2023.part1.gold.json --report seeds/tianmen-2023.txt',
      'plangraph eval --gold tests/fixtures/gold/shanxi-2026.gold.json --links tests/fixtures/gold/shanxi-2026.links.gold.json --report seeds/corpus/shanxi-2026.txt',
    ],
    env: [],
    load: async () => (await import('./commands/eval.ts')).evalCommand,
  },
  {
    name: 'neo4j',
    summary: 'start, stop or report the local Neo4j (does nothing to a server named by NEO4J_URI)',
    args: '<start|stop|status|fetch>',
    options: [],
    examples: ['plangraph neo4j status', 'NEO4J_BOLT_PORT=7688 plangraph neo4j start'],
    env: ['NEO4J_URI', 'NEO4J_PASSWORD', 'NEO4J_BOLT_PORT', ...LOCAL],
    load: async () => (await import('./commands/neo4j.ts')).neo4jCommand,
  },
  {
    name: 'migrate',
    summary: 'apply the numbered schema scripts in cypher/ (idempotent)',
    options: [],
    examples: ['plangraph migrate'],
    env: CONNECT,
    load: async () => (await import('./commands/migrate.ts')).migrateCommand,
  },
];

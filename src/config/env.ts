import path from 'node:path';
import { z } from 'zod';
import { AppError } from '#errors/app-error.ts';
import { LEGACY_PASSWORD, localPassword } from './local-password.ts';
import { PROJECT_ROOT } from './project-root.ts';

export { PROJECT_ROOT };

const PORT_MESSAGE = 'a port number from 1 to 65535';
const port = z.coerce.number({ error: PORT_MESSAGE }).int(PORT_MESSAGE).min(1, PORT_MESSAGE).max(65535, PORT_MESSAGE);
const UNIT = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 } as const;
/** A memory size as the JVM takes it (512m, 2g) in bytes. */
export const memoryBytes = (v: string): number =>
  Number(v.slice(0, -1)) * UNIT[v.slice(-1).toLowerCase() as keyof typeof UNIT];
// A JVM size Neo4j can start with: 64 MB up to 1 TB ('0g' or '12k' passed the old pattern and failed at start).
const memory = z
  .string()
  .regex(/^\d+[kmg]$/i, 'a size such as 512m or 2g')
  .refine((v) => {
    const bytes = memoryBytes(v);
    return bytes >= 64 * 2 ** 20 && bytes <= 2 ** 40;
  }, 'between 64m and 1024g');
/**
 * Milliseconds within a range that works: node timers overflow above 2^31-1 ms (and then fire at
 * once), which made NEO4J_CONNECT_TIMEOUT_MS at a huge value fail every query (issue 18).
 */
const ms = (min: number, max: number) => {
  const message = `a whole number of milliseconds from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
};
const count = (min: number, max: number) => {
  const message = `a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
};
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'true or false (1/0, yes/no)' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * CORS_ORIGINS: `*`, or a comma list of origins (scheme://host[:port], nothing after). A value
 * that is not an origin is named in the CONFIG error: a path or a typo would otherwise silently
 * allow nothing.
 */
const corsOrigins = z.string().transform((value, ctx): '*' | string[] => {
  if (value.trim() === '*') return '*';
  const origins = value
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      ctx.addIssue({
        code: 'custom',
        message: `"${origin}" is not an origin: write scheme://host[:port] (http or https, no path or trailing slash), or * alone`,
      });
      return z.NEVER;
    }
  }
  return origins;
});

const EnvSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(
      /^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/,
      'a bolt://, neo4j://, bolt+s://, neo4j+s://, bolt+ssc:// or neo4j+ssc:// URI',
    )
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  /** Unset: the local server's own generated password (config/local-password.ts). */
  NEO4J_PASSWORD: z.string().min(8, 'at least 8 characters (Neo4j refuses shorter ones)').optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[a-z][a-z0-9.-]{2,62}$/, 'a Neo4j database name')
    .default('neo4j'),
  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_HTTP_PORT: port.default(7474),
  NEO4J_HEAP: memory.default('1g'),
  NEO4J_PAGECACHE: memory.default('1g'),
  NEO4J_START_TIMEOUT_MS: ms(1000, 3_600_000).default(120_000),
  NEO4J_CONNECT_TIMEOUT_MS: ms(100, 600_000).default(5_000),
  NEO4J_TX_TIMEOUT_MS: ms(100, 600_000).default(10_000),
  NEO4J_MAX_POOL_SIZE: count(1, 1000).default(100),
  /** The local server's HTTP connector (Neo4j Browser, the HTTP API): off unless asked for. */
  NEO4J_HTTP_ENABLED: bool.default(false),
  /** Statements the API runs on Neo4j at once; more wait in a queue (keep it under NEO4J_MAX_POOL_SIZE). */
  NEO4J_MAX_CONCURRENCY: count(1, 1000).default(32),
  /** Statements that may wait for a slot; beyond that a request gets OVERLOADED (HTTP 503, Retry-After). */
  NEO4J_MAX_QUEUE: count(0, 100_000).default(512),
  /** One API request's deadline, all its statements together (REQUEST_TIMEOUT). */
  REQUEST_TIMEOUT_MS: ms(1000, 600_000).default(30_000),
  /** The largest answer the API builds (RESPONSE_TOO_LARGE beyond). */
  MAX_RESPONSE_BYTES: count(64 * 1024, 1024 * 1024 * 1024).default(16 * 1024 * 1024),
  /** Nodes and relationships one ingest transaction writes at most; a bigger report is refused before loading. */
  INGEST_TX_ITEMS: count(1000, 10_000_000).default(120_000),
  PLANGRAPH_NEO4J_HOME: z.string().min(1).optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  GRAPHQL_INTROSPECTION: bool.default(true),
  /** Origins whose pages may call the API from a browser; none by default (same origin only). */
  CORS_ORIGINS: corsOrigins.default([]),
  /** A persisted-documents manifest ({"<sha256>": "<query>"}): only its operations are run. */
  PERSISTED_OPERATIONS: z.string().min(1).optional(),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'one of debug, info, warn, error, silent' })
    .default('info'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Omit<Env, 'NEO4J_PASSWORD'> {
  /**
   * NEO4J_PASSWORD when set; else, for the local server, the one kept in its home (generated at
   * first use, config/local-password.ts); for your own server (NEO4J_URI), the old default.
   */
  readonly NEO4J_PASSWORD: string;
  /** The Neo4j home this project manages (jars, conf, data, logs, pid). */
  neo4jHome: string;
  neo4jLib: string;
  /** True when the user pointed us at their own Neo4j: then nothing is started or stopped. */
  external: boolean;
  /** The Bolt URI actually used: NEO4J_URI when set, else the local server's. */
  uri: string;
}

type EnvKey = keyof Env;
/** Config fields computed from variables: reading one reads its variables. */
const DERIVED: Partial<Record<keyof Config, EnvKey[]>> = {
  uri: ['NEO4J_URI', 'NEO4J_BOLT_PORT'],
  external: ['NEO4J_URI'],
  NEO4J_PASSWORD: ['NEO4J_PASSWORD', 'NEO4J_URI', 'PLANGRAPH_NEO4J_HOME'],
  neo4jHome: ['PLANGRAPH_NEO4J_HOME'],
};

const describeProblems = (issues: z.core.$ZodIssue[]) =>
  issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

/**
 * Reads and checks the configuration from an environment (process.env by default).
 * With `lazy`, a bad variable fails only when it is read, so a command is stopped only by the
 * settings it uses (`PORT=abc` does not stop `stats`); otherwise every variable is checked now.
 * @throws AppError CONFIG naming every bad variable (read) and what it should be.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, options: { lazy?: boolean } = {}): Config {
  const picked = Object.fromEntries(
    Object.keys(EnvSchema.shape).flatMap((k) => {
      const v = source[k];
      return v === undefined || v === '' ? [] : [[k, v]];
    }),
  );
  const parsed = EnvSchema.safeParse(picked);
  if (parsed.success) return toConfig(parsed.data);
  if (!options.lazy) {
    throw new AppError(`bad configuration: ${describeProblems(parsed.error.issues)}`, 'CONFIG', {
      details: { issues: parsed.error.issues },
    });
  }
  const bad = new Map<string, z.core.$ZodIssue[]>();
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0]);
    bad.set(key, [...(bad.get(key) ?? []), issue]);
  }
  // The bad variables fall back to their defaults here, and reading one throws below.
  const config = toConfig(EnvSchema.parse(Object.fromEntries(Object.entries(picked).filter(([k]) => !bad.has(k)))));
  return new Proxy(config, {
    get(target, key, receiver) {
      const sources = typeof key === 'string' ? (DERIVED[key as keyof Config] ?? [key]) : [];
      const issues = sources.flatMap((k) => bad.get(k) ?? []);
      if (issues.length > 0)
        throw new AppError(`bad configuration: ${describeProblems(issues)}`, 'CONFIG', { details: { issues } });
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

function toConfig(env: Env): Config {
  const dotDir = path.join(PROJECT_ROOT, '.neo4j');
  const { NEO4J_PASSWORD: password, ...rest } = env;
  const neo4jHome = path.resolve(env.PLANGRAPH_NEO4J_HOME ?? path.join(dotDir, 'home'));
  const external = env.NEO4J_URI !== undefined;
  return {
    ...rest,
    // Read when used, so a command that never connects creates no password file.
    get NEO4J_PASSWORD() {
      return password ?? (external ? LEGACY_PASSWORD : localPassword(neo4jHome).password);
    },
    neo4jHome,
    neo4jLib: path.join(dotDir, 'lib'),
    external,
    uri: env.NEO4J_URI ?? `bolt://127.0.0.1:${env.NEO4J_BOLT_PORT}`,
  };
}

let cached: Config | undefined;

/** The process-wide configuration, read once; a bad variable fails when a command reads it. */
export function getConfig(): Config {
  cached ??= loadConfig(process.env, { lazy: true });
  return cached;
}

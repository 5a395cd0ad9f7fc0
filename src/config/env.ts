import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '#errors/app-error.ts';

/** The project root, resolved from this file so that commands work from any directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const port = z.coerce.number().int().min(1).max(65535);
const UNIT = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 } as const;
// A JVM size Neo4j can start with: 64 MB up to 1 TB ('0g' or '12k' passed the old pattern and failed at start).
const memory = z
  .string()
  .regex(/^\d+[kmg]$/i, 'a size such as 512m or 2g')
  .refine((v) => {
    const bytes = Number(v.slice(0, -1)) * UNIT[v.slice(-1).toLowerCase() as keyof typeof UNIT];
    return bytes >= 64 * 2 ** 20 && bytes <= 2 ** 40;
  }, 'between 64m and 1024g');
/**
 * Milliseconds within a range that works: node timers overflow above 2^31-1 ms (and then fire at
 * once), which made NEO4J_CONNECT_TIMEOUT_MS at a huge value fail every query (issue 18).
 */
const ms = (min: number, max: number) =>
  z.coerce.number().int().min(min, `at least ${min} ms`).max(max, `at most ${max} ms`);
const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, 'a bolt://, neo4j://, bolt+s:// or neo4j+s:// URI')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(8, 'at least 8 characters (Neo4j refuses shorter ones)').default('plangraph-dev'),
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
  /** The local server's HTTP connector (Neo4j Browser, the HTTP API): off unless asked for. */
  NEO4J_HTTP_ENABLED: bool.default(false),
  /** Statements the API runs on Neo4j at once; more wait in a queue (the driver's pool holds 100 connections). */
  NEO4J_MAX_CONCURRENCY: count(1, 100).default(32),
  /** Statements that may wait for a slot; beyond that a request gets OVERLOADED (HTTP 503, Retry-After). */
  NEO4J_MAX_QUEUE: count(0, 100_000).default(512),
  /** One API request's deadline, all its statements together (REQUEST_TIMEOUT). */
  REQUEST_TIMEOUT_MS: ms(1000, 600_000).default(30_000),
  /** The largest answer the API builds (RESPONSE_TOO_LARGE beyond). */
  MAX_RESPONSE_BYTES: count(64 * 1024, 1024 * 1024 * 1024).default(16 * 1024 * 1024),
  PLANGRAPH_NEO4J_HOME: z.string().min(1).optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  GRAPHQL_INTROSPECTION: bool.default(true),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Env {
  /** The Neo4j home this project manages (jars, conf, data, logs, pid). */
  neo4jHome: string;
  neo4jLib: string;
  /** True when the user pointed us at their own Neo4j: then nothing is started or stopped. */
  external: boolean;
  /** The Bolt URI actually used: NEO4J_URI when set, else the local server's. */
  uri: string;
}

/**
 * Reads and checks the configuration from an environment (process.env by default).
 * @throws AppError CONFIG naming every bad variable and what it should be.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(EnvSchema.shape).flatMap((k) => {
      const v = source[k];
      return v === undefined || v === '' ? [] : [[k, v]];
    }),
  );
  const parsed = EnvSchema.safeParse(picked);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError(`bad configuration: ${problems}`, 'CONFIG', { details: { issues: parsed.error.issues } });
  }
  const env = parsed.data;
  const dotDir = path.join(PROJECT_ROOT, '.neo4j');
  return {
    ...env,
    neo4jHome: path.resolve(env.PLANGRAPH_NEO4J_HOME ?? path.join(dotDir, 'home')),
    neo4jLib: path.join(dotDir, 'lib'),
    external: env.NEO4J_URI !== undefined,
    uri: env.NEO4J_URI ?? `bolt://127.0.0.1:${env.NEO4J_BOLT_PORT}`,
  };
}

let cached: Config | undefined;

/** The process-wide configuration, read once. */
export function getConfig(): Config {
  cached ??= loadConfig();
  return cached;
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '#errors/app-error.ts';

/** The project root, resolved from this file so that commands work from any directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const port = z.coerce.number().int().min(1).max(65535);
const memory = z.string().regex(/^\d+[kmg]$/i, 'a size such as 512m or 2g');
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
  NEO4J_START_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
  NEO4J_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  NEO4J_TX_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  NEO4J_MAX_POOL_SIZE: z.coerce.number().int().min(1).max(10_000).default(100),
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

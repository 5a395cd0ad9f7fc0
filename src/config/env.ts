import path from 'node:path';
import { z } from 'zod';
import { AppError } from '#errors/app-error.ts';
import { PROJECT_ROOT } from './project-root.ts';

export { PROJECT_ROOT };

const PORT_MESSAGE = 'a port number from 1 to 65535';
const port = z.coerce.number({ error: PORT_MESSAGE }).int(PORT_MESSAGE).min(1, PORT_MESSAGE).max(65535, PORT_MESSAGE);
/** A whole number of milliseconds (or a count), at least `min`. */
const whole = (min: number, what = 'milliseconds') => {
  const message = `a whole number of ${what}, at least ${min}`;
  return z.coerce.number({ error: message }).int(message).min(min, message);
};
const memory = z.string().regex(/^\d+[kmg]$/i, 'a size such as 512m or 2g');
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'true or false (1/0, yes/no)' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(
      /^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/,
      'a bolt://, neo4j://, bolt+s://, neo4j+s://, bolt+ssc:// or neo4j+ssc:// URI',
    )
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
  NEO4J_START_TIMEOUT_MS: whole(1000).default(120_000),
  NEO4J_CONNECT_TIMEOUT_MS: whole(100).default(5_000),
  NEO4J_TX_TIMEOUT_MS: whole(100).default(10_000),
  NEO4J_MAX_POOL_SIZE: whole(1, 'connections').default(100),
  PLANGRAPH_NEO4J_HOME: z.string().min(1).optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  GRAPHQL_INTROSPECTION: bool.default(true),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'one of debug, info, warn, error, silent' })
    .default('info'),
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

type EnvKey = keyof Env;
/** Config fields computed from variables: reading one reads its variables. */
const DERIVED: Partial<Record<keyof Config, EnvKey[]>> = {
  uri: ['NEO4J_URI', 'NEO4J_BOLT_PORT'],
  external: ['NEO4J_URI'],
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
  return {
    ...env,
    neo4jHome: path.resolve(env.PLANGRAPH_NEO4J_HOME ?? path.join(dotDir, 'home')),
    neo4jLib: path.join(dotDir, 'lib'),
    external: env.NEO4J_URI !== undefined,
    uri: env.NEO4J_URI ?? `bolt://127.0.0.1:${env.NEO4J_BOLT_PORT}`,
  };
}

let cached: Config | undefined;

/** The process-wide configuration, read once; a bad variable fails when a command reads it. */
export function getConfig(): Config {
  cached ??= loadConfig(process.env, { lazy: true });
  return cached;
}

import { createRequire } from 'node:module';
import { pino, stdTimeFunctions, type DestinationStream, type LoggerOptions, type Logger as PinoLogger } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** pino's logger: `logger.info({ fields }, 'message')`, `logger.child({ requestId })`. */
export type Logger = PinoLogger;

/**
 * Credentials never reach a log line: the Neo4j password in a logged config, authorization and
 * cookie headers of a logged request, and any field named password or token at the top level or
 * one level down.
 */
const REDACT = [
  'password',
  'token',
  'NEO4J_PASSWORD',
  '*.password',
  '*.token',
  '*.NEO4J_PASSWORD',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
];

/** A destination for tests and benches: each JSON line handed to `write`. */
export const lineDestination = (write: (line: string) => void): DestinationStream => ({
  write: (line: string) => write(line.replace(/\n$/, '')),
});

/**
 * The process logger: JSON lines on stdout, or pino-pretty's coloured lines when stdout is a
 * terminal (loaded only then; it runs in this thread, so nothing is lost when the process ends).
 * `destination` replaces stdout (tests, benches).
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  // Level names and ISO times, as the lines had before pino: {"level":"info","time":"…","msg":…}.
  const options: LoggerOptions = {
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    base: undefined,
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
  if (destination) return pino(options, destination);
  if (process.stdout.isTTY) {
    const pretty = createRequire(import.meta.url)('pino-pretty') as (o: object) => DestinationStream;
    return pino(options, pretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }));
  }
  return pino(options);
}

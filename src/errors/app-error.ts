/** Every error the project raises on purpose carries one of these codes. */
export const ERROR_CODES = [
  'BAD_INPUT',
  'NOT_A_REPORT',
  'NOT_FOUND',
  'CONFIG',
  'DB_UNAVAILABLE',
  'DB_AUTH',
  'DB_ERROR',
  'QUERY_TOO_COMPLEX',
  'TIMEOUT',
  'NEO4J_LOCAL',
  'IO',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorOptions {
  cause?: unknown;
  details?: Record<string, unknown>;
}

/**
 * The single error type of plangraph. Boundaries (store, GraphQL, CLI) map it once:
 * the code becomes `extensions.code` or an exit code; anything that is not an AppError is
 * treated as unexpected and masked.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(message: string, code: ErrorCode, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

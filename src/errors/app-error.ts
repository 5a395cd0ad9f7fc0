/** Every error the project raises on purpose carries one of these codes. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_A_REPORT',
  'NOT_FOUND',
  'CONFIG',
  'DB_UNAVAILABLE',
  'DB_AUTH',
  'DB_ERROR',
  'QUERY_TOO_COMPLEX',
  'TIMEOUT',
  /** The request's own deadline (REQUEST_TIMEOUT_MS) passed; its database work was cancelled. */
  'REQUEST_TIMEOUT',
  /** The answer would exceed MAX_RESPONSE_BYTES. */
  'RESPONSE_TOO_LARGE',
  /** Too many database statements are waiting already: retry after the Retry-After delay. */
  'OVERLOADED',
  /** The client went away; its database work was cancelled (nobody sees this answer). */
  'CLIENT_CLOSED',
  /** PERSISTED_OPERATIONS is set and the request is not one of its operations (HTTP 400). */
  'PERSISTED_QUERY_NOT_ALLOWED',
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

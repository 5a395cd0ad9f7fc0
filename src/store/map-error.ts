import { Neo4jError } from 'neo4j-driver';
import { redactUri } from '#config/redact-uri.ts';
import { AppError, isAppError } from '#errors/app-error.ts';

/**
 * Maps anything the driver throws to an AppError, once, at the store boundary.
 * @param where the URI or operation, so that the message names it
 */
export function mapNeo4jError(error: unknown, uriOrOperation: string): AppError {
  if (isAppError(error)) return error;
  // A NEO4J_URI may hold a password (bolt://user:pw@host): messages reach clients and logs.
  const where = redactUri(uriOrOperation);
  if (error instanceof Neo4jError) {
    const code = error.code;
    if (code.endsWith('.DatabaseUnavailable')) {
      // Bolt answers before the database has started (or after it began to stop): unavailable,
      // not a query error, so clients retry rather than report it.
      return new AppError(
        `the Neo4j database at ${where} is not available yet (starting or stopping)`,
        'DB_UNAVAILABLE',
        {
          cause: error,
        },
      );
    }
    if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
      // The driver's text is a paragraph of advice; its "Caused by:" part is what names the problem.
      const reason = /Caused by: (.*)$/s.exec(error.message)?.[1] ?? error.message;
      return new AppError(`Neo4j is unreachable at ${where} (${reason.trim()})`, 'DB_UNAVAILABLE', { cause: error });
    }
    if (code.startsWith('Neo.ClientError.Security.')) {
      return new AppError(
        `Neo4j refused the credentials for ${where}: check NEO4J_USER and NEO4J_PASSWORD`,
        'DB_AUTH',
        {
          cause: error,
        },
      );
    }
    if (code === 'Neo.ClientError.Transaction.TransactionTimedOut' || code.includes('TransactionTimedOut')) {
      return new AppError('the database query took too long and was stopped', 'TIMEOUT', { cause: error });
    }
    if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
      return new AppError(`database not found on ${where}: check NEO4J_DATABASE`, 'CONFIG', { cause: error });
    }
    return new AppError(`Neo4j error ${code}: ${error.message}`, 'DB_ERROR', {
      cause: error,
      details: { neo4jCode: code },
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  const sysCode = (error as { code?: unknown } | null)?.code;
  if (typeof sysCode === 'string' && /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH)$/.test(sysCode))
    return new AppError(`Neo4j is unreachable at ${where} (${message})`, 'DB_UNAVAILABLE', { cause: error });
  return new AppError(`Neo4j call failed at ${where}: ${message}`, 'DB_ERROR', { cause: error });
}

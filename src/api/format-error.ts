import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isAppError } from '#errors/app-error.ts';
import type { Logger } from './logger.ts';

// Messages of graphql-armor's rejections (depth, aliases, directives), our cost plugin's, and
// graphql-js's token limit (its message says "more that").
const TOO_COMPLEX =
  /(depth limit|cost limit|aliases limit|token limit|directives limit|Document contains more th(?:an|at) \d+ tokens)/i;
// Apollo's own client-error codes pass through (BAD_USER_INPUT is also ours: one code for bad input).
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Codes of request-level refusals: an answer made only of these is the client's fault (HTTP 400). */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  ...CLIENT_CODES,
  'QUERY_TOO_COMPLEX',
  'BAD_USER_INPUT',
]);

// graphql-js appends `Did you mean "TARGET"?` to value and field errors: with introspection off
// that would still reveal the schema, so suggestions are always dropped.
const withoutSuggestions = (message: string) => message.replace(/ ?Did you mean [^?]*\?/g, '');

/** The HTTP status a GraphQLError asked for (Apollo's own request errors carry `extensions.http`). */
function requestedStatus(error: unknown): number | undefined {
  const http = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http;
  return typeof http?.status === 'number' ? http.status : undefined;
}

/**
 * Maps errors once at the GraphQL boundary: AppErrors keep their message and code (DB_ERROR's
 * message is masked: it would carry the driver's text); armor rejections become
 * QUERY_TOO_COMPLEX; syntax errors GRAPHQL_PARSE_FAILED; bad arguments BAD_USER_INPUT; Apollo's own
 * 4xx refusals without a code (a persisted query's wrong hash or version) BAD_REQUEST; anything
 * else is masked as INTERNAL_SERVER_ERROR and logged with its stack, never shown to the client.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isAppError(original)) {
      if (original.code === 'DB_ERROR') {
        logger.error({ message: original.message, path: formatted.path, stack: original.stack }, 'database error');
        return {
          message: 'the database could not answer this query (the error is logged on the server)',
          locations: formatted.locations,
          path: formatted.path,
          extensions: { code: 'DB_ERROR' },
        };
      }
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code },
      };
    }
    const code = String(formatted.extensions?.code ?? '');
    const message = withoutSuggestions(formatted.message);
    if (TOO_COMPLEX.test(message)) {
      return { message: message.replace(/^Syntax Error: /, ''), extensions: { code: 'QUERY_TOO_COMPLEX' } };
    }
    if (/^Syntax Error: /.test(message))
      return { message, locations: formatted.locations, extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    if (code === 'BAD_USER_INPUT') return { ...formatted, message, extensions: { code } };
    if (CLIENT_CODES.has(code)) return { message, locations: formatted.locations, extensions: { code } };
    const status = requestedStatus(error);
    if (formatted.path === undefined && status !== undefined && status >= 400 && status < 500)
      return { message, extensions: { code: 'BAD_REQUEST' } };
    logger.error(
      {
        message: formatted.message,
        path: formatted.path,
        stack: original instanceof Error ? original.stack : String(original),
      },
      'unexpected error',
    );
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

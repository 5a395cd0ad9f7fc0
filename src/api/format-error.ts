import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isAppError } from '#errors/app-error.ts';
import type { Logger } from './logger.ts';

// Messages of graphql-armor's rejections (depth, cost, aliases, tokens, directives).
const TOO_COMPLEX = /(depth limit|cost limit|aliases limit|token limit|directives limit)/i;
// Apollo's own client-error codes pass through; ours replace BAD_USER_INPUT with BAD_INPUT.
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Maps errors once at the GraphQL boundary: AppErrors keep their message and code; armor
 * rejections become QUERY_TOO_COMPLEX; bad arguments BAD_INPUT; anything else is masked as
 * INTERNAL_SERVER_ERROR and logged with its stack, never shown to the client.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isAppError(original)) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code },
      };
    }
    const code = String(formatted.extensions?.code ?? '');
    if (TOO_COMPLEX.test(formatted.message)) {
      return { message: formatted.message.replace(/^Syntax Error: /, ''), extensions: { code: 'QUERY_TOO_COMPLEX' } };
    }
    if (code === 'BAD_USER_INPUT') return { ...formatted, extensions: { code: 'BAD_INPUT' } };
    if (CLIENT_CODES.has(code))
      return { message: formatted.message, locations: formatted.locations, extensions: { code } };
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

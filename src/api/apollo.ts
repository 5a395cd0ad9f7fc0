import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { compiledGateway } from './compiled-execution.ts';
import type { ApiContext } from './context.ts';
import { createFormatError } from './format-error.ts';
import { manifestCache, type PersistedOperations } from './persisted-operations.ts';
import type { Logger } from './logger.ts';
import { createArmor, LIMITS } from './protection.ts';
import { costLimitPlugin } from './protection/cost-plugin.ts';
import { requestLimitsPlugin, sizeCheckedStringify } from './protection/response-size.ts';
import { resolvers } from './resolvers/index.ts';
import { loadTypeDefs } from './schema.ts';

export interface ApolloOptions {
  introspection: boolean;
  logger: Logger;
  /** MAX_RESPONSE_BYTES: larger answers become RESPONSE_TOO_LARGE. */
  maxResponseBytes?: number;
  /** PERSISTED_OPERATIONS: a hash alone names one of these (the HTTP layer refuses the rest). */
  persistedOperations?: PersistedOperations;
}

/**
 * The Apollo Server: schema modules, resolvers, graphql-armor limits, error mapping. CSRF
 * prevention stays on (Apollo's default); Apollo's landing page, which loads from a CDN, is off:
 * the explorer page replaces it. The cache-control plugin is off too: it wraps every field
 * resolver to compute cache hints nobody uses (the HTTP layer always says no-store), which cost
 * about a fifth of the server's own time per request.
 */
export function createApolloServer(options: ApolloOptions): ApolloServer<ApiContext> {
  const armor = createArmor();
  return new ApolloServer<ApiContext>({
    // Apollo parses and validates; the compiled executor runs (compiled-execution.ts).
    gateway: compiledGateway(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as never })),
    introspection: options.introspection,
    // With introspection off, validation errors lose their "Did you mean …?" (Apollo's own
    // option); format-error.ts drops the ones graphql-js adds when it coerces variables too.
    hideSchemaDetailsFromClientErrors: !options.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    ...(options.persistedOperations ? { persistedQueries: { cache: manifestCache(options.persistedOperations) } } : {}),
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError(options.logger),
    stringifyResult: sizeCheckedStringify(options.maxResponseBytes ?? 16 * 1024 * 1024),
    validationRules: [...armor.validationRules],
    parseOptions: { maxTokens: LIMITS.maxTokens },
    // armor's types come from @apollo/server's CommonJS build; the plugins are the same objects.
    plugins: [
      ...(armor.plugins as unknown as ApolloServerPlugin<ApiContext>[]),
      costLimitPlugin<ApiContext>(LIMITS.maxCost),
      requestLimitsPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
}

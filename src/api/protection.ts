import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Request limits (README: API protection). Defaults fit every query the explorer and the
 * documented examples send, with room; anything beyond is refused with QUERY_TOO_COMPLEX.
 * maxCost is in the units of protection/cost.ts (one per value resolved, list sizes
 * multiplied): the explorer's largest query costs about 1,000, a report's whole section tree
 * with mentions about 70,000.
 */
export const LIMITS = {
  maxDepth: 12,
  maxCost: 2_000_000,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  maxBodyBytes: 64 * 1024,
} as const;

export function createArmor() {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    // The cost limit is our own plugin (protection/cost-plugin.ts): armor's rule ignores variables and defaults.
    costLimit: { enabled: false },
    maxAliases: { n: LIMITS.maxAliases },
    // Tokens are limited by graphql-js's own parser (apollo.ts: parseOptions.maxTokens): armor's
    // rule re-parsed the document and threw, so any syntax error became HTTP 500 (issue 18).
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMITS.maxDirectives },
    // Suggestions are removed, not masked, by Apollo's hideSchemaDetailsFromClientErrors and
    // format-error.ts: armor's "[Suggestion hidden]?" told the client that a near name exists,
    // and left a stray "?" (issue 16).
    blockFieldSuggestion: { enabled: false },
  }).protect();
}

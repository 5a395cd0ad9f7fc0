import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Request limits (README: API protection). Defaults fit every query the explorer and the
 * documented examples send, with room; anything beyond is refused with QUERY_TOO_COMPLEX.
 */
export const LIMITS = {
  maxDepth: 12,
  maxCost: 20_000,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  maxBodyBytes: 64 * 1024,
} as const;

export function createArmor() {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    costLimit: { maxCost: LIMITS.maxCost },
    maxAliases: { n: LIMITS.maxAliases },
    maxTokens: { n: LIMITS.maxTokens },
    maxDirectives: { n: LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

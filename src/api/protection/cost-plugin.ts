import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { DEFAULT_COST_MODEL, estimateCost, type CostModel } from './cost.ts';

/**
 * Refuses an operation whose estimated cost (see estimateCost) is above `maxCost`, before it
 * runs. It runs after validation, where the variables are known: graphql-armor's cost rule saw
 * only literal `first` values, so `first: $n` or an omitted `first` counted as one item.
 * The refusal is QUERY_TOO_COMPLEX with HTTP 400.
 */
export function costLimitPlugin<C extends object>(
  maxCost: number,
  model: CostModel = DEFAULT_COST_MODEL,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          // The API is read-only and has no Mutation or Subscription type: graphql-js would fail
          // at execution with an internal error, so refuse such operations here as the client's.
          if (operation.operation !== 'query')
            throw new GraphQLError(`${operation.operation} operations are not supported: the API is read-only`, {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          const cost = estimateCost(schema, document, operation, request.variables, model);
          if (cost > maxCost) {
            throw new GraphQLError(
              `the query exceeds the cost limit: its estimated cost is ${Number.isFinite(cost) ? Math.round(cost) : 'unbounded'}, at most ${maxCost} is allowed (ask for fewer items with first, or select fewer nested lists)`,
              { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}

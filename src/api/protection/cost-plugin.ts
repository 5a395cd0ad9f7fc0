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
  const costs = costCache();
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
          const cost = costs.of(operation, request.variables, () =>
            estimateCost(schema, document, operation, request.variables, model),
          );
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

/**
 * A repeated operation's cost, by its (cached, so identical) operation node and its variables:
 * the estimate walks the whole selection set. A few variable sets are kept per operation.
 */
function costCache() {
  const byOperation = new WeakMap<object, Map<string, number>>();
  return {
    of(operation: object, variables: Record<string, unknown> | undefined, estimate: () => number): number {
      let byVariables = byOperation.get(operation);
      if (!byVariables) byOperation.set(operation, (byVariables = new Map()));
      const key = JSON.stringify(variables ?? {});
      let cost = byVariables.get(key);
      if (cost === undefined) {
        cost = estimate();
        if (byVariables.size >= 32) byVariables.delete(byVariables.keys().next().value!);
        byVariables.set(key, cost);
      }
      return cost;
    },
  };
}

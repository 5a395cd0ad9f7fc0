import { GraphQLScalarType, type GraphQLResolveInfo } from 'graphql';
import { AppError } from '#errors/app-error.ts';
import { MAX_PAGE } from './args.ts';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type { Prefetched } from '../models.ts';

type Resolve = (parent: unknown, args: unknown, ctx: unknown, info: GraphQLResolveInfo) => unknown;

/**
 * Every field resolver of the object types first returns what the planner's statement already
 * read for it (the parent's __pre, by response key and field name); only what the plan left out
 * goes on to the resolver and its DataLoader. A list field's `first` (every list field has one,
 * so no answer grows with the graph) is checked here and caps what the resolver returns; the
 * planner applies it as a LIMIT inside its statement.
 */
export function withPrefetched(resolvers: Resolvers): Resolvers {
  const out: Record<string, unknown> = {};
  for (const [typeName, fields] of Object.entries(resolvers)) {
    if (typeName === 'Query' || fields instanceof GraphQLScalarType || typeof fields !== 'object' || !fields) {
      out[typeName] = fields;
      continue;
    }
    out[typeName] = Object.fromEntries(
      Object.entries(fields as Record<string, unknown>).map(([name, fn]) => [
        name,
        typeof fn === 'function' && !name.startsWith('__') ? prefetchedFirst(fn as Resolve) : fn,
      ]),
    );
  }
  return out as Resolvers;
}

function prefetchedFirst(resolve: Resolve): Resolve {
  return (parent, args, ctx, info) => {
    const hit = (parent as { __pre?: Prefetched } | null)?.__pre?.[info.path.key as string];
    if (hit && hit.field === info.fieldName) return hit.value;
    const first = (args as { first?: unknown } | null)?.first;
    if (typeof first !== 'number') return resolve(parent, args, ctx, info);
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE)
      throw new AppError(`invalid argument first: first may be 0 to ${MAX_PAGE}`, 'BAD_USER_INPUT');
    const value = resolve(parent, args, ctx, info);
    return value instanceof Promise ? value.then((v) => cap(v, first)) : cap(value, first);
  };
}

const cap = (value: unknown, first: number) => (Array.isArray(value) ? value.slice(0, first) : value);

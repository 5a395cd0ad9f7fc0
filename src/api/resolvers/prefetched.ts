import { GraphQLScalarType, type GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type { Prefetched } from '../models.ts';

type Resolve = (parent: unknown, args: unknown, ctx: unknown, info: GraphQLResolveInfo) => unknown;

/**
 * Every field resolver of the object types first returns what the planner's statement already
 * read for it (the parent's __pre, by response key and field name); only what the plan left out
 * goes on to the resolver and its DataLoader.
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
    return hit && hit.field === info.fieldName ? hit.value : resolve(parent, args, ctx, info);
  };
}

import { createRequire } from 'node:module';
import type * as GraphqlModule from 'graphql';
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLArgument,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE } from '../resolvers/args.ts';

// graphql-js checks types with instanceof. Apollo loads graphql's CommonJS build (Node resolves
// its "main"), while a bundler such as vitest's resolves our `import 'graphql'` to the .mjs
// build: two realms, and every isListType(...) on Apollo's schema would throw. Requiring it
// gives the very module Apollo uses, under Node and under vitest alike.
const graphql = createRequire(import.meta.url)('graphql') as typeof GraphqlModule;
const {
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromAST,
} = graphql;

/** How the cost of an operation is estimated; every number is a count of values resolved. */
export interface CostModel {
  /** Arguments that bound how many items a field returns (Relay's `first`, graph `limit`s). */
  sizeArguments: readonly string[];
  /** The size assumed for a size argument whose value is not known (a variable without a value, or null without a default). */
  unknownSize: number;
  /** The size of a field whose size arguments are all left out and have no default (a connection's page). */
  defaultPageSize: number;
  /** The multiplier of a list field that has no size argument (nor a size inherited from a connection above it). */
  unboundedListSize: number;
  /** Extra weight of fields that carry large texts, by schema coordinate (`Type.field`): roughly their typical size in KB. */
  largeFields: Readonly<Record<string, number>>;
}

/**
 * The default model. `unknownSize` is the largest page any resolver accepts (MAX_PAGE); an
 * unbounded list is assumed to hold 10 items (a report's parts, a section's subsections: real
 * reports have about that many; nested such lists multiply, which is what stops the
 * places → mentions → section → mentions … amplification); a report's text is about 100 KB, a
 * section's a tenth of that, so one unit is about 1 KB for texts.
 */
export const DEFAULT_COST_MODEL: CostModel = {
  sizeArguments: ['first', 'last', 'limit'],
  unknownSize: 100,
  defaultPageSize: DEFAULT_PAGE,
  unboundedListSize: 10,
  largeFields: { 'Report.text': 100, 'Section.text': 10 },
};

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown> | undefined;
  model: CostModel;
}

/**
 * The value of a size argument: the literal, the variable's value, the schema default, or the
 * model's maximum; undefined when it is left out and has no default (a connection's `first` and
 * `last`: the page is then the default page).
 */
function sizeOf(arg: GraphQLArgument, node: FieldNode, walk: Walk): number | undefined {
  const given = node.arguments?.find((a) => a.name.value === arg.name);
  let value: unknown;
  if (given === undefined) {
    if (arg.defaultValue === undefined) return undefined;
    value = arg.defaultValue;
  } else if (given.value.kind === Kind.VARIABLE) {
    // Variables whose values did not coerce are unknown: assume the largest page.
    value = walk.variables === undefined ? undefined : walk.variables[given.value.name.value];
    if (value === null || value === undefined) value = arg.defaultValue;
  } else {
    value = valueFromAST(given.value, arg.type, walk.variables);
    if (value === null) value = arg.defaultValue;
  }
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : walk.model.unknownSize;
}

/** The largest size argument a field is called with, or undefined when it has none. */
function fieldSize(def: GraphQLField<unknown, unknown>, node: FieldNode, walk: Walk): number | undefined {
  let size: number | undefined;
  let sized = false;
  for (const arg of def.args) {
    if (!walk.model.sizeArguments.includes(arg.name)) continue;
    sized = true;
    const value = sizeOf(arg, node, walk);
    if (value !== undefined) size = Math.max(size ?? 0, value);
  }
  return sized ? (size ?? walk.model.defaultPageSize) : undefined;
}

function selectionCost(
  type: GraphQLNamedType,
  set: SelectionSetNode,
  inherited: number | undefined,
  walk: Walk,
  depth: number,
): number {
  // Validation has already refused deeper documents and fragment cycles; this guards anyway.
  if (depth > 64) return Number.POSITIVE_INFINITY;
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      total += fieldCost(type, selection, inherited, walk, depth);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
    if (fragment === undefined) continue;
    const condition = fragment.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : type;
    // Fragments on different concrete types are counted together: an upper bound.
    total += selectionCost(condition ?? type, fragment.selectionSet, inherited, walk, depth + 1);
  }
  return total;
}

function fieldCost(
  parent: GraphQLNamedType,
  node: FieldNode,
  inherited: number | undefined,
  walk: Walk,
  depth: number,
): number {
  if (!isObjectType(parent) && !isInterfaceType(parent)) return 1; // __typename on a union
  const def = parent.getFields()[node.name.value];
  if (def === undefined) return 1; // __typename, __schema: introspection has its own switch
  const named = getNamedType(def.type);
  const isList = isListType(getNullableType(def.type));
  const size = fieldSize(def, node, walk);
  const weight = 1 + (walk.model.largeFields[`${parent.name}.${def.name}`] ?? 0);
  if (!isCompositeType(named) || node.selectionSet === undefined) return weight;
  // A list field multiplies what it selects by its size: its own argument, the size of the
  // connection it sits in (`nodes`, `edges` under a field with `first`), or the unbounded guess.
  // A non-list field with a size argument (a connection) hands that size to its lists.
  const multiplier = isList ? (size ?? inherited ?? walk.model.unboundedListSize) : 1;
  const handed = isList ? undefined : size;
  return multiplier * (weight + selectionCost(named, node.selectionSet, handed, walk, depth + 1));
}

/**
 * Estimates what an operation will resolve: every field counts 1, list fields multiply what they
 * select by their size, large texts add their weight. Works from the schema's argument
 * definitions alone, so any field with a `first`/`limit` argument is costed by it, including ones
 * added later.
 * @param rawVariables the request's variables as sent; values that do not coerce count as unknown.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
  model: CostModel = DEFAULT_COST_MODEL,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  const variables = 'coerced' in coerced ? coerced.coerced : undefined;
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return 0;
  return selectionCost(root, operation.selectionSet, undefined, { schema, fragments, variables, model }, 0);
}

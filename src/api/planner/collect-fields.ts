import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  isAbstractType,
  typeFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';

export interface SelectionContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

// GraphQL's own field collection (graphql-js keeps it internal): fields by response key for one
// object type, through fragments whose type condition it satisfies, minus @skip / @include(false).
const included = (sc: SelectionContext, node: FieldNode | FragmentSpreadNode | InlineFragmentNode) =>
  getDirectiveValues(GraphQLSkipDirective, node, sc.variables)?.if !== true &&
  getDirectiveValues(GraphQLIncludeDirective, node, sc.variables)?.if !== false;

function matches(sc: SelectionContext, fragment: FragmentDefinitionNode | InlineFragmentNode, type: GraphQLObjectType) {
  if (!fragment.typeCondition) return true;
  const condition = typeFromAST(sc.schema, fragment.typeCondition);
  if (condition === type) return true;
  return condition !== undefined && isAbstractType(condition) && sc.schema.isSubType(condition, type);
}

function collectInto(
  sc: SelectionContext,
  type: GraphQLObjectType,
  set: SelectionSetNode,
  fields: Map<string, FieldNode[]>,
  visited: Set<string>,
) {
  for (const s of set.selections) {
    if (!included(sc, s)) continue;
    if (s.kind === Kind.FIELD) {
      const key = s.alias?.value ?? s.name.value;
      fields.set(key, [...(fields.get(key) ?? []), s]);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      if (matches(sc, s, type)) collectInto(sc, type, s.selectionSet, fields, visited);
    } else {
      const fragment = sc.fragments[s.name.value];
      if (!fragment || visited.has(s.name.value) || !matches(sc, fragment, type)) continue;
      visited.add(s.name.value);
      collectInto(sc, type, fragment.selectionSet, fields, visited);
    }
  }
}

/** The subfields of `nodes` (one response key's field nodes) for the object type `type`. */
export function collectSubfields(
  sc: SelectionContext,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  for (const node of nodes) if (node.selectionSet) collectInto(sc, type, node.selectionSet, fields, visited);
  return fields;
}

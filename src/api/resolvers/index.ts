import { withPrefetched } from './prefetched.ts';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { crossResolvers } from './cross.ts';
import { entityResolvers } from './entities.ts';
import { exploreResolvers } from './explore.ts';
import { queryResolvers } from './query.ts';
import { reportResolvers } from './reports.ts';
import { targetResolvers } from './targets.ts';

function literal(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.LIST:
      return ast.values.map(literal);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
    case Kind.NULL:
      return null;
    default:
      throw new GraphQLError('JSON literals cannot use variables inside them');
  }
}

const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: literal,
});

/** All resolvers, merged by type. */
export const resolvers: Resolvers = withPrefetched({
  JSON: JSONScalar,
  ...reportResolvers,
  ...entityResolvers,
  ...targetResolvers,
  Indicator: { ...targetResolvers.Indicator, ...crossResolvers.Indicator },
  Query: { ...queryResolvers.Query, ...exploreResolvers.Query, ...crossResolvers.Query },
  Node: queryResolvers.Node,
  Graph: exploreResolvers.Graph,
  SearchHit: exploreResolvers.SearchHit,
  SearchEdge: exploreResolvers.SearchEdge,
  Trace: exploreResolvers.Trace,
  TraceLink: exploreResolvers.TraceLink,
  ReportStats: exploreResolvers.ReportStats,
  PlaceStats: exploreResolvers.PlaceStats,
});

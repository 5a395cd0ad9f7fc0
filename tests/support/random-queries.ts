import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { loadTypeDefs } from '../../src/api/schema.ts';

/** A small seeded PRNG (mulberry32), so a failing query can be reproduced from its seed. */
export function createRng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}
type Rng = ReturnType<typeof createRng>;

const STRINGS = [
  '高标准农田',
  '岳口',
  '',
  "'",
  '"})',
  '// x',
  'MATCH (n) DETACH DELETE n',
  '\\',
  'a'.repeat(300),
  '天门市',
  '%',
  '0',
];

function literal(type: GraphQLInputType, rng: Rng, ids: string[], depth: number): string {
  if (isNonNullType(type)) return literal(type.ofType, rng, ids, depth);
  if (isListType(type))
    return `[${Array.from({ length: rng.int(0, 2) }, () => literal(type.ofType, rng, ids, depth)).join(', ')}]`;
  if (isEnumType(type)) return rng.pick(type.getValues()).name;
  if (isInputObjectType(type)) {
    if (depth > 2) return '{}';
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || rng.next() < 0.3);
    return `{${fields.map((f) => `${f.name}: ${literal(f.type, rng, ids, depth + 1)}`).join(', ')}}`;
  }
  switch ((type as GraphQLNamedType).name) {
    case 'ID':
      return JSON.stringify(rng.next() < 0.7 ? rng.pick(ids) : rng.pick(STRINGS));
    case 'String':
      return JSON.stringify(rng.pick(STRINGS));
    case 'Int':
      return String(rng.pick([0, 1, 2, 3, 5, 20, 100, 101, -1, 2023, 500, 501]));
    case 'Float':
      return String(rng.pick([0, 1.5, -3, 1e9, 13.89]));
    case 'Boolean':
      return rng.next() < 0.5 ? 'true' : 'false';
    default:
      return '{}';
  }
}

function args(list: readonly GraphQLArgument[], rng: Rng, ids: string[]): string {
  let chosen = list.filter((a) => isNonNullType(a.type) || rng.next() < 0.4);
  // A connection takes first or last, not both (refused as BAD_USER_INPUT): keep to one.
  if (chosen.some((a) => a.name === 'first')) chosen = chosen.filter((a) => a.name !== 'last');
  // Random cursors are all refused; `before` only with `last`, so `after` alone keeps that case.
  if (!chosen.some((a) => a.name === 'last')) chosen = chosen.filter((a) => a.name !== 'before');
  return chosen.length ? `(${chosen.map((a) => `${a.name}: ${literal(a.type, rng, ids, 0)}`).join(', ')})` : '';
}

function selection(type: GraphQLNamedType, rng: Rng, ids: string[], depth: number, schema: GraphQLSchema): string {
  if (isScalarType(type) || isEnumType(type)) return '';
  if (isUnionType(type) || isInterfaceType(type)) {
    const possible = schema.getPossibleTypes(type);
    const frags = possible
      .filter(() => rng.next() < 0.4)
      .map((t) => `... on ${t.name} ${selection(t, rng, ids, depth, schema)}`);
    return `{ __typename ${frags.join(' ')} }`;
  }
  if (!isObjectType(type)) return '';
  const fields = Object.values(type.getFields());
  const leaves = fields.filter((f) => isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type)));
  const branches = depth < 4 ? fields.filter((f) => !leaves.includes(f)) : [];
  const picked = [...leaves.filter(() => rng.next() < 0.3), ...branches.filter(() => rng.next() < 0.25).slice(0, 2)];
  if (picked.length === 0) picked.push(leaves[0] ?? fields[0]!);
  return `{ ${picked
    .map((f) => {
      const named = getNamedType(f.type);
      const sub = isScalarType(named) || isEnumType(named) ? '' : selection(named, rng, ids, depth + 1, schema);
      return `${f.name}${args(f.args, rng, ids)} ${sub || (isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? '{ __typename }' : '')}`;
    })
    .join(' ')} }`;
}

/** Random but schema-valid queries: random root fields, arguments and depths. */
export function createQueryGenerator(ids: string[]) {
  const schema = buildSchema(loadTypeDefs());
  const query = schema.getQueryType()!;
  return (seed: number): string => {
    const rng = createRng(seed);
    const roots = Object.values(query.getFields()).filter(() => rng.next() < 0.25);
    if (roots.length === 0) roots.push(rng.pick(Object.values(query.getFields())));
    return `{ ${roots
      .slice(0, 3)
      .map(
        (f, i) => `r${i}: ${f.name}${args(f.args, rng, ids)} ${selection(getNamedType(f.type), rng, ids, 1, schema)}`,
      )
      .join(' ')} }`;
  };
}

import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  printSchema,
  type GraphQLSchema,
} from 'graphql';
import { expect, test } from 'vitest';
import { loadTypeDefs } from '../../src/api/schema.ts';

test('the printed schema matches its snapshot (an API change must update it on purpose)', () => {
  expect(printSchema(buildSchema(loadTypeDefs()))).toMatchSnapshot();
});

/** Every type, field, argument, enum value and input field without a description, by its path. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (path: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(path);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    // The root types are described by their fields.
    if (type !== schema.getQueryType()) check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type))
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
  }
  for (const directive of schema
    .getDirectives()
    .filter((d) => !d.isRepeatable && !['include', 'skip', 'deprecated', 'specifiedBy', 'oneOf'].includes(d.name)))
    check(`@${directive.name}`, directive.description);
  return missing;
}

test('every type, field, argument, enum value and input field has a description', () => {
  const missing = undescribed(buildSchema(loadTypeDefs()));
  expect(missing, `without a description:\n${missing.join('\n')}\n`).toEqual([]);
});

import { buildSchema, printSchema } from 'graphql';
import { expect, test } from 'vitest';
import { loadTypeDefs } from '../../src/api/schema.ts';

test('the printed schema matches its snapshot (an API change must update it on purpose)', () => {
  expect(printSchema(buildSchema(loadTypeDefs()))).toMatchSnapshot();
});

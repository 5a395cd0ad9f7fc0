import { describe, expect, test } from 'vitest';
import { resolveOperationName } from '../../src/explorer/src/operation-name.ts';

describe("GraphiQL's operation name, checked against the query it goes with", () => {
  test('a name the query defines is kept', () => {
    const query = 'query First { a } query Second { b }';
    expect(resolveOperationName(query, 'Second')).toBe('Second');
    expect(resolveOperationName(query, 'First')).toBe('First');
  });

  test("a stale name from the previous tab gives way to the query's first operation", () => {
    expect(resolveOperationName('# a comment\nquery Fresh($id: ID!) { node(id: $id) { id } }', 'Stale')).toBe('Fresh');
    expect(resolveOperationName('query One { a } query Two { b }', 'Stale')).toBe('One');
    expect(resolveOperationName('fragment F on Q { a } query Only { ...F }', 'Stale')).toBe('Only');
  });

  test('an anonymous operation is sent without a name', () => {
    expect(resolveOperationName('{ a }', 'Stale')).toBeNull();
    expect(resolveOperationName('{ a }', undefined)).toBeNull();
  });

  test('text that does not parse keeps its name, so the server reports the syntax error', () => {
    expect(resolveOperationName('query Broken {', 'Broken')).toBe('Broken');
    expect(resolveOperationName('query Broken {', null)).toBeNull();
  });
});

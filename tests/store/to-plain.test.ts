import neo4j from 'neo4j-driver';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toPlain, utf8Length } from '../../src/store/to-plain.ts';

describe('toPlain', () => {
  test('driver values become plain values; nested maps and lists are walked', () => {
    const value = {
      n: neo4j.int(42),
      big: neo4j.int('9007199254740993'),
      day: new neo4j.types.Date(2026, 2, 1),
      list: [neo4j.int(1), 'a', null, { x: neo4j.int(2) }],
      missing: undefined,
    };
    expect(toPlain(value)).toEqual({
      n: 42,
      big: '9007199254740993',
      day: '2026-02-01',
      list: [1, 'a', null, { x: 2 }],
      missing: null,
    });
  });

  test('with a count, it adds the JSON size estimate in the same walk', () => {
    const count = { bytes: 0 };
    toPlain({ name: '天门', n: neo4j.int(1), xs: ['ab'] }, count);
    // {} 2 + "name" 4+4 + 天门 6+2 + "n" 1+4 + 8 + "xs" 2+4 + [] 2+1 + "ab" 2+2
    expect(count.bytes).toBe(2 + 8 + 8 + 5 + 8 + 6 + 3 + 4);
  });
});

describe('utf8Length', () => {
  test('is Buffer.byteLength for any string, short or long, with astral characters and lone surrogates', () => {
    for (const s of ['', 'abc', 'é', '高标准农田', '𠮷野家', 'a\ud800b', '\udc00', 'x'.repeat(65), '岳'.repeat(200)])
      expect(utf8Length(s)).toBe(Buffer.byteLength(s));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => utf8Length(s) === Buffer.byteLength(s)),
      { numRuns: 2000 },
    );
  });
});

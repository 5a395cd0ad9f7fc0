import { describe, expect, test } from 'vitest';
import {
  BREAK_ESCAPE,
  escapeLineBreaks,
  needsBreakEscape,
  unescapeLineBreaks,
  unescapeLineBreaksCypher,
} from '../../src/store/line-breaks.ts';

describe('line breaks in import files', () => {
  const E = BREAK_ESCAPE;
  const samples = ['一行', '甲\n乙', '甲\r\n乙\r', `${E}`, `${E}n`, `${E}\n`, `\n${E}e${E}r`, `${E}${E}nn\n\n`, ''];

  test('an escaped text is on one line and reads back as it was, the escape character included', () => {
    for (const s of samples) {
      const escaped = escapeLineBreaks(s);
      expect(escaped).not.toMatch(/[\r\n]/);
      expect(unescapeLineBreaks(escaped)).toBe(s);
    }
  });

  test('only texts with a line break or the escape character need escaping', () => {
    expect(samples.map(needsBreakEscape)).toEqual([false, true, true, true, true, true, true, true, false]);
  });

  test('the Cypher expression replaces the pairs in the same order as the JS twin', () => {
    const { expr, params } = unescapeLineBreaksCypher('x.text');
    // Evaluate the expression's replace() chain in JS, with the parameters it names.
    const replaces = [...expr.matchAll(/\$(\w+), \$(\w+)\)/g)].map(([, from, to]) => [params[from!]!, params[to!]!]);
    expect(replaces).toHaveLength(3);
    for (const s of samples) {
      const back = replaces.reduce((acc, [from, to]) => acc.split(from!).join(to), escapeLineBreaks(s));
      expect(back).toBe(s);
    }
  });
});

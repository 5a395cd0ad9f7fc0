import { describe, expect, test } from 'vitest';
import { countText } from '../../src/explorer/src/counts.ts';

describe('"showing N of M"', () => {
  const zh = { showing: '显示', of: '/ 共' };
  const en = { showing: 'showing', of: 'of' };

  test('a cut list says how many there are in all', () => {
    expect(countText(40, 120, '条结果', zh)).toBe('显示 40 / 共 120 条结果');
    expect(countText(150, 257, 'nodes', en)).toBe('showing 150 of 257 nodes');
  });

  test('a whole list says only its count', () => {
    expect(countText(12, 12, '条结果', zh)).toBe('12 条结果');
    expect(countText(0, 0, 'targets', en)).toBe('0 targets');
  });

  test('an unknown total says only what is shown', () => {
    expect(countText(60, null, 'nodes', en)).toBe('60 nodes');
  });
});

import { describe, expect, test } from 'vitest';
import { colorScale, HIGH, LOW } from '../../src/explorer/src/color-scale.ts';

describe('the map colour scale', () => {
  test('runs from LOW at the minimum to HIGH at the maximum, clamped outside', () => {
    const c = colorScale(4.5, 5.5);
    expect(c(4.5)).toBe(LOW);
    expect(c(5.5)).toBe(HIGH);
    expect(c(3)).toBe(LOW);
    expect(c(9)).toBe(HIGH);
    const mid = c(5);
    expect(mid).not.toBe(LOW);
    expect(mid).not.toBe(HIGH);
    expect(mid).toMatch(/^#[0-9a-f]{6}$/);
  });

  test('one value alone gets the middle colour', () => {
    expect(colorScale(5, 5)(5)).toBe(colorScale(0, 10)(5));
  });
});

import { describe, expect, test } from 'vitest';
import { parseNumeral, shiftDecimal } from '../../src/extract/quantities/numbers.ts';

describe('numbers', () => {
  test('scales 万 and 亿 exactly, with no floating-point error', () => {
    expect(shiftDecimal('13.89', 4)).toBe('138900');
    expect(shiftDecimal('35.92', 8)).toBe('3592000000');
    expect(shiftDecimal('7662.6', 4)).toBe('76626000');
    expect(shiftDecimal('0.94', 4)).toBe('9400');
    expect(shiftDecimal('4.93', 12)).toBe('4930000000000');
    expect(shiftDecimal('0.1', 1)).toBe('1'); // 0.1 * 10 in floats is fine, 0.1 + 0.2 is not: no floats at all here
  });

  test('parses Arabic, full-width and Chinese numerals', () => {
    expect(parseNumeral('241.08')).toBe('241.08');
    expect(parseNumeral('１２.５')).toBe('12.5');
    expect(parseNumeral('1,200')).toBe('1200');
    expect(parseNumeral('三千')).toBe('3000');
    expect(parseNumeral('十五')).toBe('15');
    expect(parseNumeral('两')).toBe('2');
    expect(parseNumeral('abc')).toBeNull();
  });
});

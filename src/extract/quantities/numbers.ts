import { chinese_parseInt as chineseParseInt } from 'chinese-parseint2';

const FULL_WIDTH = /[０-９．％，]/g;

/** Full-width digits, point, percent and comma to ASCII (same length, so offsets hold). */
export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Parses a numeral as written: Arabic (1,234.5 or full-width) or Chinese (三千, 十五, 两, 一万二千).
 * Returns a canonical decimal string, or null when it is not a number.
 */
export function parseNumeral(raw: string): string | null {
  const s = toHalfWidth(raw).replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(s)) return canonicalDecimal(s);
  if (/^[零〇一二两三四五六七八九十百千万亿]+$/.test(s)) {
    const n = chineseParseInt(s);
    return Number.isFinite(n) ? String(n) : null;
  }
  return null;
}

/** "007.50" → "7.5"; "0.0" → "0". */
export function canonicalDecimal(s: string): string {
  const negative = s.startsWith('-');
  let [int = '0', frac = ''] = (negative ? s.slice(1) : s).split('.');
  int = int.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return negative && body !== '0' ? `-${body}` : body;
}

/**
 * Multiplies a decimal string by 10^power exactly, by moving the point: no floating point, so
 * 13.89万 is exactly 138900 and 35.92亿 exactly 3592000000.
 */
export function shiftDecimal(decimal: string, power: number): string {
  const negative = decimal.startsWith('-');
  const [int = '0', frac = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  const digits = int + frac;
  let point = int.length + power;
  let padded = digits;
  if (point > padded.length) padded = padded.padEnd(point, '0');
  if (point < 0) {
    padded = '0'.repeat(-point) + padded;
    point = 0;
  }
  const result = canonicalDecimal(`${padded.slice(0, point) || '0'}.${padded.slice(point)}`);
  return negative && result !== '0' ? `-${result}` : result;
}

/** Powers of ten of the magnitude characters that stay part of a unit (万亩, 亿元) or scale a value. */
export const MAGNITUDE: Record<string, number> = {
  十: 1,
  百: 2,
  千: 3,
  万: 4,
  十万: 5,
  百万: 6,
  千万: 7,
  亿: 8,
  万亿: 12,
};

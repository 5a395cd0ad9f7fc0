import { parseNumeral, shiftDecimal, toHalfWidth } from './numbers.ts';
import { COUNTERS, UNITS, splitUnit } from './units.ts';

/** A number with its unit as found in the text, before any interpretation of what it measures. */
export interface Quantity {
  /** Start of the number (or of the magnitude word when the number is implicit: 突破亿件). */
  start: number;
  /** End of the unit, including a trailing qualifier (左右, 以上 …). */
  end: number;
  /** The value as written, exact decimal string (13.89), and its unit as written (万亩). */
  value: string;
  unit: string;
  baseValue: string;
  baseUnit: string;
  /** 左右 / 以上 / 以内 … written after the unit. */
  postQualifier: string | null;
  /** No digits written: 万亩蔬菜乡镇, 突破亿件. */
  implicit: boolean;
  /** The numeral as written (13.89, 三千), or null when implicit. */
  numeral: string | null;
}

const DIGITS = '[0-9０-９](?:[0-9０-９]|,(?=[0-9]{3}))*(?:[.．][0-9０-９]+)?';
const CN_NUM = '[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?';
// 千 before 克, 米 or 瓦 starts the unit (0.13千克 is 0.13 kg, not 130 g).
const MAG = '万亿|千万|百万|十万|万|亿|千(?![克米瓦])|百';
// 台 before 阶 is a step (迈上5万亿台阶), not a count of machines.
const UNIT_ALT = UNITS.filter((u) => u !== '万' && u !== '亿')
  .map((u) => (u === '台' ? '台(?!阶)' : u))
  .join('|');
const QUANTITY = new RegExp(`(${DIGITS}|${CN_NUM})?(${MAG})?(${UNIT_ALT})?(左右|及以上|以上|以内|以下|多|余)?`, 'gu');

// A well-formed Chinese numeral (三千, 十五, 一百二十) — not 十四五 or 二〇二六, which are names and dates.
const WELL_FORMED_CN =
  /^(?:[一二两三四五六七八九]?千)?(?:[一二两三四五六七八九]?百|零)?(?:[一二两三四五六七八九]?十|零)?[一二两三四五六七八九]?(?:点[零〇一二三四五六七八九]+)?$/;
const LONE_CN = /^[一二两三四五六七八九百千]$/;
const BEFORE_IMPLICIT = /(过|超过|突破|超|逾|上)$/;
const MAG_POWER: Record<string, number> = { 十: 1, 百: 2, 千: 3, 十万: 5, 百万: 6, 千万: 7 };
// After a counter, these make the number structural: 九个方面工作, 三大任务.
const STRUCTURAL_AFTER = /^(方面|领域|维度|环节|大|是)/;

/** Ranges of “quoted” and 《titled》 text, whose numbers are names (“4+1”, 《十四五规划》). */
export function quotedRanges(s: string): [number, number][] {
  const ranges: [number, number][] = [];
  const re = /“[^”]{0,40}”|《[^》]{0,60}》|"[^"]{0,40}"|‘[^’]{0,40}’/g;
  for (let m = re.exec(s); m; m = re.exec(s)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/**
 * Finds the quantities in a piece of text. Offsets are relative to `s`.
 * Scales 万 and 亿 exactly into baseValue (13.89万亩 → 138900 亩).
 */
export function findQuantities(s: string): Quantity[] {
  const found: Quantity[] = [];
  const quoted = quotedRanges(s);
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(s); m; m = QUANTITY.exec(s)) {
    if (m[0].length === 0) {
      QUANTITY.lastIndex++;
      continue;
    }
    const [whole, num, mag, unit, post] = m;
    const start = m.index;
    const q = interpret(s, start, whole, num, mag, unit, post, quoted);
    if (q) found.push(q);
  }
  return found;
}

function interpret(
  s: string,
  start: number,
  whole: string,
  num: string | undefined,
  mag: string | undefined,
  unit: string | undefined,
  post: string | undefined,
  quoted: [number, number][],
): Quantity | null {
  if (!unit && !mag) return null;
  if (quoted.some(([a, b]) => start >= a && start < b)) return null;
  const before = s.slice(Math.max(0, start - 3), start);
  const after = s.slice(start + whole.length, start + whole.length + 3);
  if (/[A-Za-z0-9.]$/.test(before) || /^[A-Za-z]/.test(after)) return null; // PM2.5, G348, 5G
  // 0.6人/百亿元: a denominator; 4.5%-5%, 3—5个: the upper end of a range already counted.
  if (/[/／]$/.test(before) || /[0-9０-９%％][-－—~～]$/.test(before)) return null;
  const isCn = num !== undefined && !/[0-9０-９]/.test(num);
  if (isCn && !WELL_FORMED_CN.test(num!)) return null;
  if (isCn && LONE_CN.test(num!) && !mag && (COUNTERS.has(unit ?? '') || unit === undefined)) return null;
  if (before.endsWith('第') && unit !== '位' && unit !== '名') return null; // ordinals: 第三届, 第二轮
  if (unit && COUNTERS.has(unit) && STRUCTURAL_AFTER.test(after)) return null;
  if (num === undefined) {
    // No digits: only a magnitude word in a threshold or "beyond" phrase (突破亿件, 万亩蔬菜乡镇).
    if (!unit || !mag || !(BEFORE_IMPLICIT.test(before) || /^[\u4e00-\u9fa5]/.test(after))) return null;
    if (/[每近数几多上千万百]$/.test(before.slice(-1)) && !BEFORE_IMPLICIT.test(before)) return null;
    if (/^[万千百]/.test(after)) return null; // 千家万户
  }
  let value = num === undefined ? '1' : parseNumeral(toHalfWidth(num));
  if (value === null) return null;
  let unitWritten = unit ?? '';
  if (mag) {
    if (mag === '万' || mag === '亿' || mag === '万亿') unitWritten = mag + unitWritten;
    else if (mag === '十万' || mag === '百万' || mag === '千万') {
      value = shiftDecimal(value, MAG_POWER[mag]! - 4);
      unitWritten = `万${unitWritten}`;
    } else value = shiftDecimal(value, MAG_POWER[mag]!);
  }
  if (!unitWritten) return null;
  if (!unit && after.startsWith('级')) return null; // 百亿级产业集群: a scale class, not an amount
  if (unitWritten === '％') unitWritten = '%';
  const { power, base } = splitUnit(unitWritten);
  return {
    start,
    end: start + whole.length,
    value,
    unit: unitWritten,
    baseValue: shiftDecimal(value, power),
    baseUnit: base,
    postQualifier: post ?? null,
    implicit: num === undefined,
    numeral: num ?? null,
  };
}

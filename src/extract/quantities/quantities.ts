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
const MAG = '万亿|千亿|百亿|十亿|千万|百万|十万|万|亿|千(?![克米瓦])|百';
// 台 before 阶 is a step (迈上5万亿台阶), not a count of machines.
// A ratio's :1 must end there (2.21∶1, not 2.21:10). A ratio of three or more terms
// (4.0∶37.7∶58.3) is read as 2.21∶1 is: the first term is the value, the rest its unit.
// (A colon other than ∶ needs decimals in every term: 10:30:00 is a time.)
const RATIO_TERMS = '(?:(?:∶[0-9]+(?:[.．][0-9]+)?){2,3}|(?:[:：][0-9]+[.．][0-9]+){2,3})(?![0-9.．∶:：])';
const UNIT_ALT = [
  RATIO_TERMS,
  ...UNITS.filter((u) => u !== '万' && u !== '亿').map((u) =>
    u === '台' ? '台(?!阶)' : /[∶:：]1$/.test(u) ? `${u}(?![0-9])` : u,
  ),
].join('|');
// 余 / 多 may stand between the number and its magnitude or unit: 1200余所, 80余万名.
const QUANTITY = new RegExp(
  `(${DIGITS}|${CN_NUM})?(余|多)?(${MAG})?(${UNIT_ALT})?(左右|及以上|以上|以内|以下|多|余)?`,
  'gu',
);
// A unit per unit written after the first: 20万元/人, 3元/千瓦时.
const PER_UNIT = /^[/／](平方公里|平方米|立方米|千瓦时|百公里|公斤|千克|人|亩|吨|户|年|天|小时|件|台|张)/;
// Units that count only after Arabic digits (5大基地, not 四大专项行动 which is a slogan).
const DIGITS_ONLY_UNITS = new Set(['大']);

// A well-formed Chinese numeral (三千, 十五, 一百二十) — not 十四五 or 二〇二六, which are names and dates.
const WELL_FORMED_CN =
  /^(?:[一二两三四五六七八九]?千)?(?:[一二两三四五六七八九]?百|零)?(?:[一二两三四五六七八九]?十|零)?[一二两三四五六七八九]?(?:点[零〇一二三四五六七八九]+)?$/;
const LONE_CN = /^[一二两三四五六七八九百千]$/;
const BEFORE_IMPLICIT = /(过|超过|突破|超|逾|上)$/;
const MAG_POWER: Record<string, number> = {
  十: 1,
  百: 2,
  千: 3,
  十万: 5,
  百万: 6,
  千万: 7,
  十亿: 9,
  百亿: 10,
  千亿: 11,
};
// After a counter, these make the number structural: 九个方面工作, 三大任务.
const STRUCTURAL_AFTER = /^(方面|领域|维度|环节|大(?![中型])|是)/;

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
    const [whole, num, pre, mag, unit, post] = m;
    const start = m.index;
    if (pre && num === undefined) continue;
    let q = interpret(s, start, whole, num, mag, unit, post ?? pre, quoted);
    // 30万吨级航道, 1000吨级泊位: a class in a name, not an amount.
    if (q && unit && !post && s[q.end] === '级' && !/^级(及以上|以上)/.test(s.slice(q.end))) q = null;
    if (q) {
      const per = PER_UNIT.exec(s.slice(q.end - (post?.length ?? 0)));
      if (per && !post) q = { ...q, end: q.end + per[0].length, unit: q.unit + per[0], baseUnit: q.baseUnit + per[0] };
      // 4.5%—5%: the range's upper end belongs to this figure's phrase.
      const upper = UPPER_END.exec(s.slice(q.end, q.end + 24));
      if (upper && s.startsWith(q.unit, q.end + upper[0].length))
        q = { ...q, end: q.end + upper[0].length + q.unit.length };
      found.push(q);
    }
  }
  return shareUnits(s, mergeRanks(found, findRanks(s, quoted)));
}

// A rank: 第八 / 第11位 / 第一名 / 首位, after a ranking cue in its clause (全国排名第八, 居全国首位).
const RANK = /第([一二三四五六七八九十]{1,3}|[0-9]{1,3})(位|名)?|首位/g;
const RANK_CUE = /(全国|全省|全球|世界|排名|位居|位列|名列|居)[^，。；！？]{0,14}$/;
const NOT_A_RANK_AFTER = /^(届|次|批|轮|期|个|项|季度|大|产业|阶段|类|条|款|章|部|号|年|议题|方阵|梯队|方面)/;

/** Ranks as quantities in 位 (全国第一 → 1 位); ordinals of names (第三届, 第一议题) are not ranks. */
function findRanks(s: string, quoted: [number, number][]): Quantity[] {
  const out: Quantity[] = [];
  RANK.lastIndex = 0;
  for (let m = RANK.exec(s); m; m = RANK.exec(s)) {
    const start = m.index;
    const end = start + m[0].length;
    if (quoted.some(([a, b]) => start >= a && start < b)) continue;
    const clause = s.slice(Math.max(0, start - 18), start);
    if (!RANK_CUE.test(clause) || (m[0] !== '首位' && !m[2] && NOT_A_RANK_AFTER.test(s.slice(end)))) continue;
    const value = m[0] === '首位' ? '1' : parseNumeral(toHalfWidth(m[1]!));
    if (value === null || value === '0') continue;
    out.push({
      start,
      end,
      value,
      unit: '位',
      baseValue: value,
      baseUnit: '位',
      postQualifier: null,
      implicit: false,
      numeral: m[1] ?? '首',
    });
  }
  return out;
}

/** Adds ranks that no quantity already covers, in text order. */
function mergeRanks(found: Quantity[], ranks: Quantity[]): Quantity[] {
  const fresh = ranks.filter((r) => !found.some((q) => q.start < r.end && r.start < q.end));
  return fresh.length === 0 ? found : [...found, ...fresh].sort((a, b) => a.start - b.start);
}

const UPPER_END = new RegExp(`^[-－—~～](?:${DIGITS})`);

/**
 * A unit written once for a list: 分别快于全国3.4个、1个百分点 gives 3.4 the unit 个百分点 too.
 */
function shareUnits(s: string, found: Quantity[]): Quantity[] {
  for (let i = found.length - 2; i >= 0; i--) {
    const a = found[i]!;
    const b = found[i + 1]!;
    if (s.slice(a.end, b.start) !== '、' || b.unit === a.unit || !b.unit.startsWith(a.unit)) continue;
    const { power, base } = splitUnit(b.unit);
    found[i] = { ...a, unit: b.unit, baseUnit: base, baseValue: shiftDecimal(a.value, power) };
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
  if (unit && DIGITS_ONLY_UNITS.has(unit) && (num === undefined || !/[0-9０-９]/.test(num) || mag)) return null;
  if (unit === '成' && (num === undefined || mag || /^不/.test(s.slice(start + whole.length)))) return null;
  // A range 2—4家 counts from its lower end: the bare number before the dash takes this unit.
  const range = /([0-9０-９]+(?:[.．][0-9０-９]+)?)[-－—~～]$/.exec(s.slice(Math.max(0, start - 12), start));
  if (range && num !== undefined && /[0-9０-９]/.test(num)) {
    const lowStart = start - range[0].length;
    const lowBefore = s.slice(Math.max(0, lowStart - 1), lowStart);
    if (!/[0-9０-９.%％]/.test(lowBefore)) {
      const low = interpret(
        s,
        lowStart,
        range[1]! + (mag ?? '') + (unit ?? ''),
        range[1],
        mag,
        unit,
        undefined,
        quoted,
      );
      if (low) return { ...low, end: start + whole.length, postQualifier: post ?? null };
    }
  }
  const before = s.slice(Math.max(0, start - 3), start);
  const after = s.slice(start + whole.length, start + whole.length + 3);
  // 十二届十次全会, 十一次全会: the ordinal of a plenum or session, not a count.
  if ((unit === '次' || unit === '届') && (/届$/.test(before) || /^(全会|全体会议|会议|党代会|代表大会)/.test(after)))
    return null;
  // 5G基站万人拥有量: 万人 is the denominator of a rate, not an amount.
  if (num === undefined && /^(拥有|比例|占比)/.test(after)) return null;
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
    } else if (mag === '十亿' || mag === '百亿' || mag === '千亿') {
      value = shiftDecimal(value, MAG_POWER[mag]! - 8);
      unitWritten = `亿${unitWritten}`;
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

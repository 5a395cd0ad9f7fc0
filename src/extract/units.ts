// Units a report writes after a number. Longest first, so 平方公里 wins over 公里 and 人次 over 人.
// 年 / 月 / 日 are deliberately absent: numbers before them are dates or durations, not indicators.
export const UNITS = [
  '个百分点', '百分点', '平方公里', '平方千米', '平方米', '立方米', '千瓦时', '千瓦', '兆瓦', '吉瓦',
  '公里', '千米', '公顷', '人次', '户次', '架次', '艘次', '标准箱', '标箱', '万千瓦',
  '美元', '欧元', '港元', '元', '亩', '吨', '千克', '公斤', '克', '升', '米',
  '个', '家', '项', '人', '座', '所', '处', '件', '套', '辆', '台', '户', '条', '场', '次', '张',
  '头', '只', '株', '棵', '册', '部', '支', '名', '例', '起', '宗', '类', '位', '倍', '天', '小时',
  '床', '间', '栋', '批', '片', '款', '门', '篇', '首', '种', '对', '趟', '列', '班', '艘', '架',
  '层', '份', '本', '期', '轮', '万', '亿', '%', '％', '‰',
].sort((a, b) => b.length - a.length);

/** Counters: units that count things. A single-character Chinese numeral before them (一个, 三项) is prose, not data. */
export const COUNTERS = new Set([
  '个', '家', '项', '座', '所', '处', '件', '套', '条', '场', '次', '张', '头', '只', '部', '支', '名', '例', '起',
  '宗', '类', '位', '批', '片', '款', '门', '篇', '首', '种', '对', '趟', '列', '班', '层', '份', '本', '期', '轮', '人', '户', '倍', '天',
]);

/** Units kept with their magnitude prefix in `unit` (13.89万亩 → unit 万亩) and scaled away in baseUnit. */
export const UNIT_MAGNITUDES: Record<string, number> = { 万亿: 12, 亿: 8, 万: 4 };

/**
 * Splits a unit as written into its magnitude and base: 万亩 → {power 4, base 亩}; 亿元 → {8, 元};
 * 万 alone → {4, 个}; ％ → {0, %}.
 */
export function splitUnit(unit: string): { power: number; base: string } {
  for (const prefix of ['万亿', '亿', '万']) {
    if (unit.startsWith(prefix) && unit !== '万千瓦') {
      const base = unit.slice(prefix.length);
      return { power: UNIT_MAGNITUDES[prefix]!, base: base || '个' };
    }
  }
  if (unit === '万千瓦') return { power: 4, base: '千瓦' };
  return { power: 0, base: unit === '％' ? '%' : unit };
}

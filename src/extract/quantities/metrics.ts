// Naming what a number measures, from the words before it in its clause.

const LEADING_NOISE =
  /^(其中|同时|并且|并|和|及|与|以及|、|全年|全市|全省|全区|全县|累计|共计|共|总计|合计|预计|力争|争取|确保|努力|实现|年均|平均)+/;
const TRAILING_VERB =
  /(分别|均|都|已|将|要)?(达到|达|为|是|突破|超过|接近|超|过|逾|近|约|控制在|稳定在|保持在|保持|提高到|提升到|提高至|提升至|降至|降到|降低到|降低至|增至|增加到|缩小到|缩小至|扩大到|扩大至|达成|完成|实现|占比|占|突破到|惠及|上升到|上升至|拓展到|拓展至|覆盖|贡献了|贡献)$/;
// 居全国第 / 全国排名 / 位列…第 before a rank: the cue, not the name of what is ranked.
const RANK_TAIL =
  /(连续[0-9一二三四五六七八九十]+年)?(均|稳|跃|保持|升至|跃升至|提升至)?(位居|居于|居|位列|名列|排名|排)?(全国|全省|全球|世界|国内)?(各省区市|各省区|各城市|城市)?(排名|排)?第?$/;
const GROWTH = /(同比|比上年|较上年|年均)?(增长|下降|提高|提升|降低|减少|增加|上升|回落)$/;

// 高于全国 / 快于全省平均: the scope is what the figure is compared with, not a rank cue.
const COMPARED_END = /(快于|高于|低于|慢于|好于|优于)(全国|全省|全球|世界|国内)?(平)?$/;

/** Drops the rank tail, except a compared scope (高于全国) and the 均 of 人均 / 平均. */
function dropRankTail(m: string): string {
  const tail = RANK_TAIL.exec(m);
  if (!tail || tail[0].length === 0) return m;
  const before = m.slice(0, tail.index);
  if (COMPARED_END.test(before) || (tail[0].startsWith('均') && /[人平]$/.test(before))) return m;
  return before;
}

/** Qualifiers written before a number, nearest first: 突破亿件, 过千万元, 预计实现… */
export function qualifierBefore(prefix: string): string | null {
  const near = /(突破|超过|接近|过|超|逾|近|约|不低于|不少于|力争|预计)$/.exec(
    prefix.replace(TRAILING_VERB, (m) => (/突破|超过|过|超|逾|近|约/.test(m) ? m : '')),
  );
  if (near) return near[1]!;
  const scoped = /(预计|力争|争取|争创)/.exec(prefix);
  return scoped ? scoped[1]! : null;
}

/**
 * A short readable metric from the words before a number: 新建高标准农田 (13.89万亩),
 * 外贸进出口额同比增长 (25%). Falls back to the words after it (108个村生产生活条件得到改善 → 村…).
 */
export function metricFrom(prefix: string, suffix: string): string {
  let m = prefix.replace(/[“”"《》（）()\s]/g, (c) => (c === '“' || c === '”' || c === '《' || c === '》' ? c : ''));
  m = m.replace(LEADING_NOISE, '');
  let growth = '';
  for (let i = 0; i < 3; i++) {
    const g = GROWTH.exec(m);
    if (g) {
      growth = g[0] + growth;
      m = m.slice(0, g.index);
    }
    const t = TRAILING_VERB.exec(m);
    if (t && t.index > 0) m = m.slice(0, t.index);
    else if (!g) break;
  }
  // A metric ends on a noun: not on a connective left over from a list (示范村、 / 地级市和).
  m = dropRankTail(m.replace(LEADING_NOISE, ''))
    .replace(/(和|、|与|及|以及|的|了)+$/, '')
    .trim();
  if (m.length === 0) {
    // The words after a figure name it only up to the next item or figure, never a whole clause
    // (增长5.4%、高于全国…: the growth verb is the metric, and the caller finds its subject).
    const after = /^[^、，。；：,;:0-9０-９]*/
      .exec(suffix.replace(/^(左右|以上|以内|以下|多|余)/, ''))![0]
      .slice(0, 20);
    return after.trim() || growth || '数值';
  }
  if (m.length > 28) m = m.slice(-28);
  return m + growth;
}

/** Splits a list of subjects: 城镇、农村居民人均可支配收入 → [城镇, 农村居民人均可支配收入]. */
export function splitSubjects(s: string): string[] {
  return s
    .split(/、|和|与|及|以及/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

/**
 * Spreads a shared head noun over a list whose first items are bare modifiers:
 * [城镇, 农村居民人均可支配收入] → [城镇居民人均可支配收入, 农村居民人均可支配收入].
 */
export function completeSubjects(items: string[]): string[] {
  const last = items.at(-1);
  if (!last || items.length < 2) return items;
  return items.map((item, i) => {
    if (i === items.length - 1 || item.length + 2 > last.length || item.length > 4) return item;
    return item + last.slice(item.length);
  });
}

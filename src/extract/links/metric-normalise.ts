// Metric names as the report writes them differ in scope words, verbs and qualifiers: 地区生产总值增长,
// 全省生产总值增长 and 全年GDP增长 are one measure. These rules reduce a metric to what it measures.

const SYNONYMS: [RegExp, string][] = [
  [/GDP|国内生产总值|地区生产总值|经济总量/g, '生产总值'],
  [/规模以上/g, '规上'],
  [/国家级/g, '国家'],
];
// Scope, time and qualifier words anywhere in the name (全省, 全年, 预计, 力争 …).
const NOISE =
  /[“”"‘’（）()]|全省|全市|全区|全县|全州|全盟|本省|本市|我省|我市|全年|年度|今年|当年|预计|力争|确保|预期|同比|比上年|总体|继续|再|累计/g;
// Verbs that open the phrase, and words that close it, without changing the measure.
const LEADING =
  /^(?:实现|完成|达到|新建|建设|抓好|抓实|推动|推进|安排|开展|全面|加快|提高|提升|保持|稳定|办好|兑现|落实|谋划|培育|打造|实施|组织|地区)+/;
const TRAILING = /(?:人数|数量|总数|规模以上|稳定在|保持在|控制在|提高到|提升到|达到|突破|超过|以上|左右|为|率)+$/;

/** The measure a metric names: 全年GDP增长 → 生产总值增长, 城镇新增就业人数 → 城镇新增就业. */
export function normaliseMetric(metric: string): string {
  let m = metric;
  for (const [re, to] of SYNONYMS) m = m.replace(re, to);
  m = m.replace(NOISE, '');
  const completed = m.replace(LEADING, '');
  // 完成营造林 keeps its object: strip a leading verb only where something is left.
  m = completed.length >= 2 ? completed : m;
  const trimmed = m.replace(TRAILING, '');
  return trimmed.length >= 2 ? trimmed : m;
}

// What a measure is measured as, after its subject: 增加值增长, 投资, 零售总额 ….
const GENERIC_TAIL =
  /(?:增加值|增长|年均|总额|总量|零售总额|营业收入|收入|产值|投资|规模|比重|占比|比例|产量|销售额|交易额|进出口|出口|进口|总值|利润|税收|个百分点)+$/;

/** The subject of a measure, before its generic tail: 数字经济核心产业增加值增长 → 数字经济核心产业. */
export function subjectOf(measure: string): string {
  return measure.replace(GENERIC_TAIL, '');
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return out;
}

/**
 * How alike two normalised measures are, 0–1: 0 when their subjects differ or either has none
 * (投资, 增长), or one is the other narrowed by a qualifier in front (农村居民… / 居民…); 1 when
 * equal; 0.85 when one (of five characters or more) opens the other (城镇调查失业 / 城镇调查失业率均值);
 * else the Dice coefficient of their character bigrams.
 */
export function measureSimilarity(a: string, b: string): number {
  // The subject decides: 文旅产业增加值增长 is not 工业产业增加值增长, 民间投资 is not 固定资产投资,
  // and a bare 投资 or 增长 names no measure at all.
  const sa = subjectOf(a);
  const sb = subjectOf(b);
  if (sa.length < 2 || sb.length < 2) return 0;
  if (
    sa !== sb &&
    (narrower(sa, sb) || narrower(sb, sa) || (!sa.startsWith(sb) && !sb.startsWith(sa) && dice(sa, sb) < 0.5))
  )
    return 0;
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (narrower(short, long)) return 0;
  if (short.length >= 5 && long.startsWith(short)) return 0.85;
  return dice(a, b);
}

/**
 * True when `long` is `short` with a qualifier in front: a narrower population or scope
 * (农村居民人均可支配收入 in 居民人均可支配收入, 园区新增企业 in 新增企业), so another measure.
 */
function narrower(short: string, long: string): boolean {
  return long.length > short.length && long.endsWith(short);
}

function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

// A designation tier: 国家 / 省 / 市 / 县. Different tiers are different measures.
const TIER = /国家|全国|省级|省重点|市级|县级/;

/** The tier a metric or designation names (国家级实验室 → 国家), or null. */
export function tierOf(name: string): string | null {
  const m = TIER.exec(name.replace(/国家级/g, '国家'));
  if (!m) return null;
  return m[0] === '全国' ? '国家' : m[0].slice(0, 1);
}

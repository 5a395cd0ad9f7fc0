/**
 * Canonical metrics: a curated dictionary from the wording of statistical practice (the
 * 国民经济和社会发展统计公报 and the 主要预期目标 paragraphs every work report carries) to a
 * stable `metricKey`, so that 地区生产总值增长, 全省生产总值增长 and GDP增长 compare, while
 * 海洋生产总值 or 数字经济增加值 never join them.
 *
 * Each key measures one thing in one unit family; the family decides comparability (a GDP
 * growth rate in % and a GDP total in 亿元 are two keys). A metric that no entry matches has no
 * key: it is never guessed.
 */

/** What the value of a key is measured in; two indicators compare only within one family. */
export const UNIT_FAMILIES = ['percent', 'percentage_point', 'currency', 'persons', 'mass', 'area', 'count'] as const;
export type UnitFamily = (typeof UNIT_FAMILIES)[number];

export interface MetricKeyEntry {
  key: string;
  family: UnitFamily;
  /** The name a table header or a chart legend shows. */
  label: string;
  /** Matched against the metric with its scope prefix (全省, 全年 …) removed; anchored at the start. */
  pattern: RegExp;
}

// The scope words a report puts before a metric: 全省生产总值, 今年全市地区生产总值, 全年GDP.
const SCOPE =
  /^(?:今年|全年|当年|年内|预计|力争|全国|全省|全市|全区|全州|全盟|全县|本省|本市|我省|我市|我区|我州|我县)+/;
// Connectives between a metric and its verb: 地区生产总值按可比价格计算增长, 同比增长, 同口径增长.
const GROWTH = '(?:同比|同口径|按可比价格计算|按可比价|按)?(?:增长|增速|增幅|提高|提升)';
const GDP = '(?:地区生产总值|生产总值|GDP|经济)';
// A scope inside a ratio's denominator: 研发经费支出相当于全市生产总值的比例.
const OF_GDP = `(?:全国|全省|全市|全区|全县)?${GDP}(?:的)?比(?:重|例)`;
const INCOME = '(?:人均)?可支配收入';

const entry = (key: string, family: UnitFamily, label: string, source: string): MetricKeyEntry => ({
  key,
  family,
  label,
  pattern: new RegExp(`^(?:${source})$`),
});

/** The dictionary, most specific first: the first entry whose pattern and family fit wins. */
export const METRIC_KEYS: readonly MetricKeyEntry[] = [
  entry('GDP_GROWTH', 'percent', '地区生产总值增长', `${GDP}(?:总量)?${GROWTH}(?:率)?`),
  entry('GDP_TOTAL', 'currency', '地区生产总值', `${GDP}(?:总量|总额)?(?:达到|突破|超过|迈上)?`),
  entry('PER_CAPITA_GDP', 'currency', '人均地区生产总值', `人均${GDP}`),
  entry('PER_CAPITA_GDP_GROWTH', 'percent', '人均地区生产总值增长', `人均${GDP}${GROWTH}`),
  entry('PRIMARY_INDUSTRY_GROWTH', 'percent', '第一产业增加值增长', `(?:第一产业|一产)增加值${GROWTH}`),
  entry('SECONDARY_INDUSTRY_GROWTH', 'percent', '第二产业增加值增长', `(?:第二产业|二产)增加值${GROWTH}`),
  entry('TERTIARY_INDUSTRY_GROWTH', 'percent', '第三产业增加值增长', `(?:第三产业|三产|服务业)增加值${GROWTH}`),
  entry(
    'INDUSTRIAL_VALUE_ADDED_GROWTH',
    'percent',
    '规模以上工业增加值增长',
    `(?:规模以上|规上|规模)工业增加值${GROWTH}`,
  ),
  entry(
    'GENERAL_BUDGET_REVENUE_GROWTH',
    'percent',
    '一般公共预算收入增长',
    `(?:地方)?(?:一般公共预算收入|地方财政收入|财政总收入)${GROWTH}`,
  ),
  entry('GENERAL_BUDGET_REVENUE', 'currency', '一般公共预算收入', '(?:地方)?(?:一般公共预算收入|地方财政收入)'),
  entry('GENERAL_BUDGET_EXPENDITURE', 'currency', '一般公共预算支出', '(?:地方)?一般公共预算支出'),
  entry('FIXED_ASSET_INVESTMENT_GROWTH', 'percent', '固定资产投资增长', `(?:全社会)?固定资产投资${GROWTH}`),
  entry('RETAIL_SALES_GROWTH', 'percent', '社会消费品零售总额增长', `社会消费品零售总额${GROWTH}`),
  entry('RETAIL_SALES', 'currency', '社会消费品零售总额', '社会消费品零售总额'),
  entry(
    'FOREIGN_TRADE_GROWTH',
    'percent',
    '进出口总额增长',
    `(?:外贸)?(?:进出口|货物贸易进出口|外贸进出口)(?:总额|总值)?${GROWTH}`,
  ),
  entry('FOREIGN_TRADE', 'currency', '进出口总额', '(?:外贸)?(?:进出口|货物贸易进出口|外贸进出口)(?:总额|总值)?'),
  entry('EXPORT_GROWTH', 'percent', '出口增长', `(?:货物)?出口(?:总额|总值)?${GROWTH}`),
  entry('ACTUAL_FOREIGN_INVESTMENT', 'currency', '实际使用外资', '实际(?:使用|利用)外资(?:金额)?'),
  entry('URBAN_SURVEYED_UNEMPLOYMENT', 'percent', '城镇调查失业率', '城镇调查失业率(?:控制在)?'),
  entry('NEW_URBAN_JOBS', 'persons', '城镇新增就业', '城镇新增就业(?:人数|岗位)?'),
  entry('CPI', 'percent', '居民消费价格涨幅', '居民消费价格(?:涨幅|总水平|指数|上涨|涨幅控制在)?'),
  entry('URBAN_RESIDENT_INCOME_GROWTH', 'percent', '城镇居民人均可支配收入增长', `城镇(?:常住)?居民${INCOME}${GROWTH}`),
  entry('RURAL_RESIDENT_INCOME_GROWTH', 'percent', '农村居民人均可支配收入增长', `农村(?:常住)?居民${INCOME}${GROWTH}`),
  entry(
    'RESIDENT_INCOME_GROWTH',
    'percent',
    '居民人均可支配收入增长',
    `(?:城乡|全体)?(?:常住)?居民${INCOME}(?:分别)?${GROWTH}`,
  ),
  entry('RESIDENT_INCOME', 'currency', '居民人均可支配收入', `(?:全体|城乡)?(?:常住)?居民${INCOME}`),
  entry('GRAIN_OUTPUT', 'mass', '粮食产量', '粮食(?:总)?产量(?:稳定在|保持在|达到)?'),
  entry('GRAIN_SOWN_AREA', 'area', '粮食播种面积', '粮食(?:播种)?面积(?:稳定在)?'),
  entry(
    'RD_INTENSITY',
    'percent',
    '研发经费投入强度',
    `(?:全社会)?(?:研究与试验发展|研发|R&D)(?:经费)?(?:投入|支出)?(?:强度|占${OF_GDP}|相当于${OF_GDP})`,
  ),
  entry('URBANIZATION_RATE', 'percent', '常住人口城镇化率', '常住人口城镇化率(?:达到)?'),
  entry('URBANIZATION_RATE_CHANGE', 'percentage_point', '常住人口城镇化率提高', `常住人口城镇化率${GROWTH}`),
  entry('ENERGY_INTENSITY_REDUCTION', 'percent', '单位地区生产总值能耗降低', `单位${GDP}能(?:源消)?耗(?:降低|下降)`),
  entry(
    'CARBON_INTENSITY_REDUCTION',
    'percent',
    '单位地区生产总值二氧化碳排放降低',
    `单位${GDP}二氧化碳排放(?:量)?(?:降低|下降)`,
  ),
  entry('GOOD_AIR_DAYS_RATIO', 'percent', '空气质量优良天数比率', '(?:环境)?空气(?:质量)?优良天数比(?:例|率|重)'),
  entry(
    'PM25_CONCENTRATION',
    'count',
    '细颗粒物（PM2.5）平均浓度',
    '(?:细颗粒物)?(?:（PM2\\.5）|PM2\\.5)(?:年)?平均浓度',
  ),
  entry('HIGH_STANDARD_FARMLAND', 'area', '新建高标准农田', '(?:新建|建成|改造提升)?高标准农田(?:建设)?'),
  entry('HIGH_TECH_ENTERPRISES', 'count', '高新技术企业数', '(?:国家)?高新技术企业(?:数量|总数)?'),
];

const FAMILY_OF_BASE_UNIT: Readonly<Record<string, UnitFamily>> = {
  '%': 'percent',
  个百分点: 'percentage_point',
  百分点: 'percentage_point',
  元: 'currency',
  美元: 'currency',
  人: 'persons',
  人次: 'persons',
  吨: 'mass',
  斤: 'mass',
  千克: 'mass',
  公斤: 'mass',
  亩: 'area',
  公顷: 'area',
  平方公里: 'area',
  家: 'count',
  个: 'count',
  微克每立方米: 'count',
  '微克/立方米': 'count',
};

/** The unit family of a base unit (%, 元, 人 …), or null for units no key is measured in. */
export function unitFamilyOf(baseUnit: string): UnitFamily | null {
  return FAMILY_OF_BASE_UNIT[baseUnit] ?? null;
}

/** Every base unit of a family: the units whose indicators compare with each other. */
export function baseUnitsOf(family: UnitFamily): string[] {
  return Object.entries(FAMILY_OF_BASE_UNIT)
    .filter(([, f]) => f === family)
    .map(([unit]) => unit);
}

/** A metric without its scope prefix and punctuation: 全省生产总值增长 → 生产总值增长. */
export function normaliseMetric(metric: string): string {
  return metric.replace(/[\s“”"'‘’、，,：:]/g, '').replace(SCOPE, '');
}

/**
 * The canonical key of a metric measured in `baseUnit`, or null when no entry fits both the
 * wording and the unit family (海洋生产总值增长 has none; 地区生产总值增长 in 亿元 has none either).
 */
export function metricKeyFor(metric: string, baseUnit: string): string | null {
  const family = unitFamilyOf(baseUnit);
  if (family === null) return null;
  const name = normaliseMetric(metric);
  for (const e of METRIC_KEYS) if (e.family === family && e.pattern.test(name)) return e.key;
  return null;
}

/** The dictionary entry of a key, for labels and unit families. */
export function metricKeyEntry(key: string): MetricKeyEntry | undefined {
  return METRIC_KEYS.find((e) => e.key === key);
}

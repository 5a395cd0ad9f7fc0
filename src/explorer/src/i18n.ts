import type { Kind } from './api.ts';
import { countText } from './counts.ts';

/** The UI speaks Chinese by default; `?lang=en` (or the toggle) switches to English. */
export type Lang = 'zh' | 'en';

const STRINGS = {
  search: ['搜索', 'Search'],
  searchPlaceholder: [
    '搜索 指标、目标、项目、地点、企业…（如 高标准农田）',
    'Search indicators, goals, projects, places… (e.g. 高标准农田)',
  ],
  explore: ['图谱', 'Explore'],
  trace: ['追溯', 'Trace'],
  progress: ['进展', 'Progress'],
  ide: ['GraphQL 控制台', 'GraphQL IDE'],
  searching: ['正在搜索…', 'Searching…'],
  loading: ['正在加载…', 'Loading…'],
  retry: ['重试', 'Retry'],
  error: ['出错了', 'Something went wrong'],
  noResults: ['没有找到结果', 'No results'],
  results: ['条结果', 'results for'],
  startHint: [
    '输入关键词搜索，然后打开一条结果。按 / 聚焦搜索框。',
    'Search to start, then open a result. Press / to search.',
  ],
  detailsHint: ['点击节点或打开搜索结果查看详情。', 'Click a node, or open a search result, to see its details.'],
  traceHint: ['打开一个目标或项目，然后选择“追溯”。', 'Open a target or a project, then choose Trace.'],
  allReports: ['全部报告', 'All reports'],
  report: ['报告', 'Report'],
  evidence: ['原文依据', 'Evidence'],
  previous: ['上年', 'Previous'],
  change: ['变化', 'change'],
  servingProjects: ['支撑项目', 'Serving projects'],
  serves: ['服务目标', 'Serves'],
  confidence: ['置信度', 'confidence'],
  expand: ['展开邻居（2 跳）', 'Expand neighbours (2 hops)'],
  expandBy: ['按关系展开', 'Expand by relationship'],
  allRelations: ['全部关系', 'all relationships'],
  hide: ['隐藏节点', 'Hide node'],
  traceButton: ['追溯', 'Trace'],
  noNode: ['没有这个节点', 'No such node'],
  noLinks: ['没有关联。', 'No links.'],
  nodes: ['个节点', 'nodes'],
  edges: ['条边', 'edges'],
  showing: ['显示', 'showing'],
  of: ['/ 共', 'of'],
  showMore: ['显示更多', 'show more'],
  fit: ['适应', 'Fit'],
  exportPng: ['导出 PNG', 'PNG'],
  exportJson: ['导出 JSON', 'JSON'],
  hidden: ['已隐藏', 'hidden'],
  showHidden: ['恢复隐藏', 'Unhide all'],
  target: ['目标', 'target'],
  thisYear: ['今年', 'this year'],
  lastYear: ['上年', 'last year'],
  sortBy: ['排序', 'Sort'],
  filter: ['筛选', 'Filter'],
  filterPlaceholder: ['按名称筛选', 'filter by name'],
  onlyWithPrevious: ['只看有上年数据的', 'only with last year'],
  downloadCsv: ['下载 CSV', 'Download CSV'],
  targets: ['个目标', 'targets'],
  withPrevious: ['个有上年结果', "with last year's result"],
  chartTitle: ['今年目标与上年结果（同单位）', 'Target vs last year (same unit)'],
  places: ['地点', 'Places'],
  projects: ['项目', 'Projects'],
  enterprises: ['企业', 'Enterprises'],
  children: ['下级', 'Children'],
  parent: ['上级', 'Parent'],
  reports: ['报告', 'Reports'],
  sectionPath: ['所在章节', 'Section'],
  sameEvidence: ['条关联共用这段原文', 'links share this passage'],
  language: ['English', '中文'],
  map: ['地图', 'Map'],
  compare: ['对比', 'Compare'],
  metric: ['指标', 'Metric'],
  year: ['年份', 'Year'],
  kindLabel: ['类型', 'Kind'],
  mapTitle: ['各省份指标地图', 'The metric by province'],
  noComparison: ['这个指标在这一年没有数据。', 'No region states this metric for that year.'],
  noValue: ['无数据', 'no value'],
  region: ['地区', 'region'],
  regions: ['个地区', 'regions'],
  value: ['数值', 'value'],
  offMap: ['不在省级地图上', 'not on the province map'],
  compareChartTitle: ['各地区数值', 'Value by region'],
  filterRegion: ['按地区筛选', 'filter by region'],
} satisfies Record<string, [string, string]>;
export type Key = keyof typeof STRINGS;

/** Readable labels for the API's field names and enum values: never a raw `baseValue`. */
const FIELDS: Record<string, [string, string]> = {
  metric: ['指标', 'Metric'],
  value: ['数值', 'Value'],
  unit: ['单位', 'Unit'],
  baseValue: ['基数', 'Base value'],
  baseUnit: ['基本单位', 'Base unit'],
  kind: ['类型', 'Type'],
  year: ['年份', 'Year'],
  period: ['期间', 'Period'],
  qualifier: ['限定', 'Qualifier'],
  threshold: ['门槛值', 'Threshold'],
  name: ['名称', 'Name'],
  action: ['动作', 'Action'],
  aliases: ['别名', 'Aliases'],
  type: ['类别', 'Type'],
  code: ['行政区划代码', 'Code'],
  title: ['标题', 'Title'],
  path: ['章节路径', 'Path'],
  level: ['层级', 'Level'],
  regionName: ['地区', 'Region'],
  deliveredOn: ['作报告日期', 'Delivered on'],
  meeting: ['会议', 'Meeting'],
  speaker: ['报告人', 'Speaker'],
  planYear: ['规划年份', 'Plan year'],
};
const VALUES: Record<string, [string, string]> = {
  TARGET: ['目标', 'target'],
  ACHIEVEMENT: ['完成情况', 'achievement'],
  LONG_TERM_TARGET: ['远期目标', 'long-term target'],
  PROVINCE: ['省', 'province'],
  CITY: ['市', 'city'],
  COUNTY: ['县区', 'county'],
  TOWN: ['乡镇', 'town'],
  STREET: ['街道', 'street'],
  COMMUNITY: ['社区', 'community'],
  VILLAGE: ['村', 'village'],
  REGION: ['区域', 'region'],
  true: ['是', 'yes'],
  false: ['否', 'no'],
};
const KINDS: Record<Kind, [string, string]> = {
  REPORT: ['报告', 'Report'],
  SECTION: ['章节', 'Section'],
  INDICATOR: ['指标', 'Indicator'],
  GOAL: ['目标', 'Goal'],
  PROJECT: ['项目', 'Project'],
  PLACE: ['地点', 'Place'],
  ENTERPRISE: ['企业', 'Enterprise'],
};

let current: Lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
const index = () => (current === 'zh' ? 0 : 1);

export const lang = (): Lang => current;
export function setLang(l: Lang): void {
  current = l;
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    node.textContent = t(node.dataset.i18n as Key);
  for (const node of document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]'))
    node.placeholder = t(node.dataset.i18nPlaceholder as Key);
}
export const t = (key: Key): string => STRINGS[key][index()];
/** A field's label; an unknown field keeps its name rather than vanish. */
export const fieldLabel = (field: string): string => FIELDS[field]?.[index()] ?? field;
/** An enum or boolean value in words (`TARGET` → 目标); other values unchanged. */
export const valueLabel = (v: unknown): string => VALUES[String(v)]?.[index()] ?? String(v);
export const kindName = (k: Kind): string => KINDS[k]?.[index()] ?? k;
/** "40 条结果", or "显示 40 / 共 120 条结果" when fewer are shown than there are (counts.ts). */
export const countOf = (shown: number, total: number | null, unit: string): string =>
  countText(shown, total, unit, { showing: t('showing'), of: t('of') });

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '#config/project-root.ts';
import type { PlaceType } from '#domain/report-graph.ts';

// General geographic dictionaries: names any report may use, none taken from a particular report.
// Macro-regions and zones, terrain, major rivers, lakes and mountains, province abbreviations and
// the sub-provincial regions written with them, foreign countries and major foreign cities.

/** A place name that is not an administrative division of China. */
export interface GeneralPlace {
  name: string;
  canonical: string;
  type: PlaceType;
}

const REGIONS = [
  // Economic regions and zones of China.
  '京津冀',
  '长三角',
  '珠三角',
  '粤港澳大湾区',
  '成渝地区双城经济圈',
  '成渝',
  '长江三角洲',
  '珠江三角洲',
  '黄河三角洲',
  '环渤海',
  '北部湾',
  '海峡西岸',
  '海峡两岸',
  '港澳',
  '港澳台',
  '关中',
  '中原',
  '中西部',
  '中西部地区',
  '东中西部',
  '中部地区',
  '东部地区',
  '西部地区',
  '东北地区',
  '西北地区',
  '西南地区',
  '华北地区',
  '华东地区',
  '华南地区',
  '华中地区',
  '华北',
  '华东',
  '华南',
  '华中',
  '东北',
  '西北',
  '西南',
  '东北三省',
  // World regions.
  '亚洲',
  '欧洲',
  '非洲',
  '北美',
  '北美洲',
  '南美',
  '南美洲',
  '拉美',
  '拉丁美洲',
  '大洋洲',
  '亚太',
  '亚太地区',
  '欧亚',
  '东北亚',
  '东南亚',
  '东亚',
  '南亚',
  '西亚',
  '中亚',
  '中东',
  '中东欧',
  '西欧',
  '北欧',
  '东欧',
  '南欧',
  '东盟',
  '欧盟',
  '南极',
  '北极',
  '南极洲',
  // Terrain.
  '黄土高原',
  '青藏高原',
  '云贵高原',
  '内蒙古高原',
  '四川盆地',
  '塔里木盆地',
  '准噶尔盆地',
  '柴达木盆地',
  '华北平原',
  '东北平原',
  '江汉平原',
  '关中平原',
  '成都平原',
  '河套平原',
  '三江平原',
  '松嫩平原',
  '塔克拉玛干沙漠',
  '腾格里沙漠',
  '巴丹吉林沙漠',
  '库布其沙漠',
  '乌兰布和沙漠',
  '毛乌素沙地',
  '科尔沁沙地',
  '浑善达克沙地',
  '呼伦贝尔沙地',
];

const RIVERS = [
  '黄河',
  '长江',
  '淮河',
  '海河',
  '珠江',
  '辽河',
  '松花江',
  '汾河',
  '渭河',
  '泾河',
  '洛河',
  '沁河',
  '漳河',
  '桑干河',
  '永定河',
  '滹沱河',
  '大清河',
  '子牙河',
  '汉江',
  '湘江',
  '资江',
  '沅江',
  '澧水',
  '赣江',
  '闽江',
  '钱塘江',
  '瓯江',
  '嘉陵江',
  '岷江',
  '沱江',
  '乌江',
  '金沙江',
  '澜沧江',
  '怒江',
  '雅鲁藏布江',
  '红河',
  '南盘江',
  '北盘江',
  '西江',
  '北江',
  '东江',
  '韩江',
  '漓江',
  '沂河',
  '沭河',
  '大运河',
  '京杭大运河',
  '秦淮河',
  '塔里木河',
  '伊犁河',
  '额尔齐斯河',
  '嫩江',
  '图们江',
  '鸭绿江',
  '乌苏里江',
  '浦江',
  '黄浦江',
  '苏州河',
  '新安江',
  '富春江',
  '清江',
  '汀江',
  '九龙江',
];

const LAKES = [
  '洞庭湖',
  '鄱阳湖',
  '太湖',
  '巢湖',
  '洪泽湖',
  '高邮湖',
  '骆马湖',
  '微山湖',
  '南四湖',
  '洪湖',
  '梁子湖',
  '滇池',
  '洱海',
  '抚仙湖',
  '泸沽湖',
  '青海湖',
  '纳木错',
  '呼伦湖',
  '兴凯湖',
  '博斯腾湖',
  '查干湖',
  '千岛湖',
  '白洋淀',
  '衡水湖',
  '乌梁素海',
  '丹江口水库',
  '三峡水库',
];

const MOUNTAINS = [
  '太行山',
  '吕梁山',
  '中条山',
  '五台山',
  '恒山',
  '泰山',
  '华山',
  '衡山',
  '嵩山',
  '黄山',
  '庐山',
  '峨眉山',
  '武当山',
  '武夷山',
  '井冈山',
  '九华山',
  '普陀山',
  '雁荡山',
  '天目山',
  '莫干山',
  '崂山',
  '沂蒙山',
  '大别山',
  '秦岭',
  '巴山',
  '大巴山',
  '武陵山',
  '乌蒙山',
  '雪峰山',
  '罗霄山',
  '南岭',
  '燕山',
  '阴山',
  '贺兰山',
  '六盘山',
  '祁连山',
  '天山',
  '昆仑山',
  '阿尔泰山',
  '喜马拉雅山',
  '横断山',
  '哀牢山',
  '长白山',
  '大兴安岭',
  '小兴安岭',
  '梵净山',
  '玉龙雪山',
  '梅里雪山',
  '珠穆朗玛峰',
  '十万大山',
  '太白山',
  '伏牛山',
  '桐柏山',
  '幕阜山',
];

// Major foreign cities (capitals and world cities), written as Chinese reports write them.
const FOREIGN_CITIES = [
  '东京',
  '大阪',
  '首尔',
  '釜山',
  '新德里',
  '孟买',
  '曼谷',
  '河内',
  '胡志明市',
  '万象',
  '金边',
  '仰光',
  '吉隆坡',
  '雅加达',
  '马尼拉',
  '迪拜',
  '阿布扎比',
  '利雅得',
  '德黑兰',
  '伊斯坦布尔',
  '莫斯科',
  '圣彼得堡',
  '阿斯塔纳',
  '阿拉木图',
  '塔什干',
  '比什凯克',
  '杜尚别',
  '乌兰巴托',
  '伦敦',
  '巴黎',
  '柏林',
  '法兰克福',
  '汉堡',
  '慕尼黑',
  '杜伊斯堡',
  '罗马',
  '米兰',
  '马德里',
  '巴塞罗那',
  '阿姆斯特丹',
  '鹿特丹',
  '布鲁塞尔',
  '维也纳',
  '日内瓦',
  '苏黎世',
  '布达佩斯',
  '华沙',
  '布拉格',
  '雅典',
  '纽约',
  '华盛顿',
  '洛杉矶',
  '旧金山',
  '芝加哥',
  '多伦多',
  '温哥华',
  '悉尼',
  '墨尔本',
  '奥克兰',
  '开罗',
  '内罗毕',
  '约翰内斯堡',
  '圣保罗',
  '里约热内卢',
  '布宜诺斯艾利斯',
  '墨西哥城',
  '利马',
  '圣地亚哥',
];

// Country short names that are also ordinary words or parts of them in reports (中非合作 is
// China–Africa, 黑山 a county, 关岛 and 圣诞岛 are territories); never matched alone.
const NOT_A_COUNTRY = new Set(['中非', '黑山', '关岛', '圣诞岛', '格陵兰', '南极洲', '加纳', '马里', '多哥', '汤加']);

/** One-character abbreviations of the provinces (简称), and the second ones some also have. */
export const PROVINCE_ABBREVIATIONS: Record<string, string[]> = {
  '11': ['京'],
  '12': ['津'],
  '13': ['冀'],
  '14': ['晋'],
  '15': ['蒙'],
  '21': ['辽'],
  '22': ['吉'],
  '23': ['黑'],
  '31': ['沪'],
  '32': ['苏'],
  '33': ['浙'],
  '34': ['皖'],
  '35': ['闽'],
  '36': ['赣'],
  '37': ['鲁'],
  '41': ['豫'],
  '42': ['鄂'],
  '43': ['湘'],
  '44': ['粤'],
  '45': ['桂'],
  '46': ['琼'],
  '50': ['渝'],
  '51': ['川', '蜀'],
  '52': ['黔', '贵'],
  '53': ['滇', '云'],
  '54': ['藏'],
  '61': ['陕', '秦'],
  '62': ['甘', '陇'],
  '63': ['青'],
  '64': ['宁'],
  '65': ['新'],
};

// Abbreviations that are unambiguous enough to open a direction region (晋北, 苏南, 粤东西北):
// 京东 is a company, 新西 and 宁南 are other things, so the capitals and the common characters stay out.
const DIRECTION_ABBREVIATIONS = '冀晋蒙辽苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇陕陇藏';
const DIRECTIONS = ['东', '南', '西', '北', '中', '东南', '东北', '西南', '西北'];

let countries: GeneralPlace[] | undefined;

function loadCountries(): GeneralPlace[] {
  if (countries) return countries;
  // From the project root, so the compiled bundle (dist/chunks) finds it as the sources do.
  const file = path.join(PROJECT_ROOT, 'src', 'gazetteer', 'data', 'countries.tsv');
  countries = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [name = '', full = ''] = line.split('\t');
    if (!name || NOT_A_COUNTRY.has(name)) continue;
    countries.push({ name, canonical: name, type: 'other' });
    if (full && full !== name && /^[\u4e00-\u9fa5]+$/.test(full))
      countries.push({ name: full, canonical: name, type: 'other' });
  }
  return countries;
}

/**
 * The general places: every name a report may write for them (a canonical name and its written
 * forms share one canonical), built once.
 */
export function generalPlaces(): GeneralPlace[] {
  if (cached) return cached;
  const out: GeneralPlace[] = [];
  const add = (name: string, type: PlaceType, canonical = name) => out.push({ name, canonical, type });
  for (const n of REGIONS) add(n, 'region');
  for (const n of RIVERS) {
    add(n, 'river');
    // 黄河流域 is a region of its own.
    add(`${n}流域`, 'region');
  }
  for (const n of LAKES) add(n, 'lake');
  for (const n of MOUNTAINS) add(n, 'other');
  for (const a of DIRECTION_ABBREVIATIONS) for (const d of DIRECTIONS) add(`${a}${d}`, 'region');
  for (const n of FOREIGN_CITIES) add(n, 'city');
  out.push(...loadCountries());
  cached = out;
  return out;
}
let cached: GeneralPlace[] | undefined;

const ALL_ABBREVIATIONS = Object.values(PROVINCE_ABBREVIATIONS).flat().join('');
// A run of three or more abbreviations names the provinces together (京津冀, 晋冀鲁豫, 黑吉辽).
const ABBREVIATION_RUN = new RegExp(`[${ALL_ABBREVIATIONS}]{3,6}`, 'g');
// Characters that also start or end ordinary words; a run containing them needs 地区/区域 etc. after it.
const COMMON = /[新青云宁吉贵甘秦蜀黑]/;

/** Runs of province abbreviations that name a group of provinces, offsets relative to `p`. */
export function findAbbreviationRuns(p: string): { name: string; start: number }[] {
  const out: { name: string; start: number }[] = [];
  ABBREVIATION_RUN.lastIndex = 0;
  for (let m = ABBREVIATION_RUN.exec(p); m; m = ABBREVIATION_RUN.exec(p)) {
    const run = m[0];
    if (new Set(run).size !== run.length) continue;
    // The run must end a word: 新疆 is not 新 + 疆.
    const after = p.slice(m.index + run.length, m.index + run.length + 2);
    if (/^[省市区县疆夏海南西北东]/.test(after)) continue;
    const common = [...run].filter((ch) => COMMON.test(ch)).length;
    if (common > 1 || (common === 1 && !/^(地区|区域|毗邻|交界|边界|协同|合作|一体|大宗|革命)/.test(after))) continue;
    out.push({ name: run, start: m.index });
  }
  return out;
}

import type { PlaceType, Report } from '#domain/report-graph.ts';
import { loadGazetteer, shortName, type Division } from '#gazetteer/gazetteer.ts';
import { isOrdinaryWord } from './word-boundaries.ts';
import { generalPlaces, middleRegionFits } from './general-places.ts';

/** A name a report may write for a division, and the division it means. */
export interface PlaceEntry {
  surface: string;
  canonical: string;
  code: string;
  type: PlaceType;
  parentCode: string | null;
  /** The name must be a whole word where it is written (jieba's segmentation): 加纳 is not in 增加纳入. */
  wordOnly?: boolean;
  /**
   * A home division whose short form is also a word (中山, 金山): a place only as an item of a 、 list
   * beside another division (甲州、中山、乙门), where nothing else can be meant.
   */
  listOnly?: boolean;
}

// Division names, or their short forms, that are also ordinary words in reports (城区和乡镇污水…,
// 公安派出所, 和平发展, 长安汽车): never matched as places on their own.
const GENERIC = new Set([
  '城区',
  '郊区',
  '矿区',
  '新区',
  '市辖区',
  '开发区',
  '高新区',
  '市区',
  '县城',
  '林区',
  '公安',
  '和平',
  '新华',
  '长安',
  '永安',
  '太平',
  '安宁',
  '富民',
  '东方',
  '城关',
  '开发',
  '新城',
  '中山',
  '朝阳',
  '青山',
  '白云',
  '长城',
  '光明',
  '前进',
  '胜利',
  '团结',
  '解放',
  '建设',
  '红星',
  '友谊',
  '东风',
  '新民',
  '和顺',
  '兴安',
  '大通',
  '金山',
  '宝山',
  '普陀',
  '海安',
  // Towns named after what they are (a county's 中心镇 is a kind of town, not a name).
  '中心镇',
  '中心乡',
  '重点镇',
  '新城镇',
]);

// Short names of divisions that are also ordinary words (通道, 大方, 资源, 合作): matched only in
// their full form (通道县). The guarded city names (大同, 长治) are whole words where they are places.
const COMMON_WORD_SHORTS = new Set([
  '通道',
  '大方',
  '桃源',
  '开化',
  '石门',
  '平定',
  '芙蓉',
  '天心',
  '天台',
  '江山',
  '南海',
  '西山',
  '城东',
  '城西',
  '城南',
  '城北',
  '城中',
  '江北',
  '江南',
  '河东',
  '河西',
  '市中',
  '复兴',
  '大名',
  '双桥',
  '运河',
  '小店',
  '长子',
  '永和',
  '回民',
  '元宝',
  '振兴',
  '太和',
  '宏伟',
  '灯塔',
  '二道',
  '丰满',
  '平房',
  '富裕',
  '向阳',
  '工农',
  '友好',
  '新兴',
  '六合',
  '三门',
  '无为',
  '大观',
  '定远',
  '三元',
  '平和',
  '光泽',
  '莲花',
  '万年',
  '二七',
  '红旗',
  '博爱',
  '台前',
  '建安',
  '方城',
  '民权',
  '江岸',
  '当阳',
  '保康',
  '监利',
  '洞口',
  '中方',
  '会同',
  '凤凰',
  '清新',
  '七星',
  '资源',
  '港口',
  '海棠',
  '天涯',
  '南岸',
  '南部',
  '前锋',
  '名山',
  '石棉',
  '九龙',
  '白玉',
  '威信',
  '比如',
  '金台',
  '太白',
  '武功',
  '宝塔',
  '延长',
  '黄龙',
  '清水',
  '安定',
  '合作',
  '平安',
  '同仁',
  '共和',
  '同心',
  '温泉',
  '龙山',
  '东山',
  '南山',
  '北山',
  '华容',
  '来宾',
  '阿里',
  '白银',
  '日照',
  '开封',
  '保定',
  '包头',
  '四平',
  '普洱',
  '五华',
  '盘龙',
  '官渡',
  '石林',
  '富民',
  '大理',
  '海门',
  '龙岗',
  '宝安',
  '越秀',
  '天河',
  '海珠',
  '黄埔',
  '西湖',
  '上城',
  '滨江',
  '鼓楼',
  '城关',
  '高新',
  '经开',
  '新市',
  '新城',
  '老城',
  '古城',
  '东区',
  '西区',
  '南区',
  '北区',
  '中区',
  '大同',
  '长治',
  '吉安',
  '通化',
  '安康',
  '海港',
  '港北',
  '港南',
  '江海',
  '海州',
  '连山',
  '永定',
  '新化',
  '安化',
  '临平',
  '大兴',
]);

// The 55 minority nationalities (and 各族, all of them), longest first, so that a division's name is
// cut where its nationalities begin (阿克塞哈萨克族自治县 → 阿克塞, not 阿克 + 塞哈萨克族).
const NATIONALITIES = (
  '蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 ' +
  '景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 ' +
  '保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各'
)
  .split(' ')
  .sort((a, b) => b.length - a.length)
  .join('|');
// 楚雄彝族自治州 → 楚雄 and 楚雄州, 峨边彝族自治县 → 峨边: reports drop the nationality.
const NATIONALITY = new RegExp(`^([\\u4e00-\\u9fa5]{2,5}?)(?:(?:${NATIONALITIES})族)+(自治州|自治县|自治旗)$`);

/** The short forms of an autonomous division's name: 楚雄彝族自治州 → 楚雄, 楚雄州. */
export function autonomousShortNames(name: string): string[] {
  const m = NATIONALITY.exec(name);
  if (!m) return [];
  const base = m[1]!;
  const unit = m[2] === '自治州' ? '州' : m[2] === '自治县' ? '县' : '旗';
  return [base, `${base}${unit}`];
}

function typeOf(d: Division): PlaceType {
  return d.level === 'village' ? 'village' : d.level;
}

/**
 * Builds the place dictionary scoped to a report's region: every province (full and short
 * name); every prefecture-level city by full name and, in the report's own province, by short
 * name too; the counties of the report's province; and, for a city or county report, its towns,
 * streets, villages and communities (towns also by short name: 岳口镇 → 岳口).
 */
export function buildPlaceDictionary(region: Report['region']): Map<string, PlaceEntry> {
  const key = region.code ?? region.name;
  let dict = dictionaries.get(key);
  if (dict) {
    // Most recently used last, so the oldest is the one dropped.
    dictionaries.delete(key);
  } else {
    dict = build(region);
    if (dictionaries.size >= MAX_DICTIONARIES) dictionaries.delete(dictionaries.keys().next().value!);
  }
  dictionaries.set(key, dict);
  return dict;
}

// The dictionaries of the regions used last: the gazetteer does not change while the process
// runs, and a bulk load of a thousand reports of as many regions must not keep a thousand of them.
const MAX_DICTIONARIES = 16;
const dictionaries = new Map<string, Map<string, PlaceEntry>>();

/** What the dictionary of any region reads from the gazetteer, computed once: divisions by level, short forms. */
interface GazetteerIndex {
  /** Provinces, cities and counties, in gazetteer order. */
  upper: Division[];
  counties: Division[];
  /** Towns and streets by province (the first two digits of their codes), in gazetteer order. */
  towns: Map<string, Division[]>;
  /** The general places' entries (they never change). */
  general: PlaceEntry[];
  shorts: Map<string, string[]>;
}
let gazetteerIndex: GazetteerIndex | undefined;

function indexGazetteer(): GazetteerIndex {
  if (gazetteerIndex) return gazetteerIndex;
  const g = loadGazetteer();
  const index: GazetteerIndex = { upper: [], counties: [], towns: new Map(), general: [], shorts: new Map() };
  for (const d of g.byCode.values()) {
    if (d.level === 'province' || d.level === 'city' || d.level === 'county') index.upper.push(d);
    if (d.level === 'county') index.counties.push(d);
    else if (d.level === 'town' || d.level === 'street') {
      const province = d.code.slice(0, 2);
      const list = index.towns.get(province);
      if (list) list.push(d);
      else index.towns.set(province, [d]);
    }
  }
  for (const p of generalPlaces())
    index.general.push({
      surface: p.name,
      canonical: p.canonical,
      code: '',
      type: p.type,
      parentCode: null,
      // Rivers, lakes and the special administrative regions stand inside longer words (汾河谷地, 台湾同胞).
      // A water name opening with a direction is a whole word (北运河, but not 江北运河).
      ...(((p.type === 'river' || p.type === 'lake') && !/^[东西南北]/.test(p.name)) || p.type === 'province'
        ? {}
        : { wordOnly: true }),
    });
  gazetteerIndex = index;
  return index;
}

/** A division's short forms (shortName, then the autonomous ones), computed once per name. */
function shortsOf(index: GazetteerIndex, name: string): string[] {
  let shorts = index.shorts.get(name);
  if (!shorts) {
    shorts = [shortName(name), ...autonomousShortNames(name)].filter((x): x is string => !!x);
    index.shorts.set(name, shorts);
  }
  return shorts;
}

// Whether a town's short form is an ordinary word: jieba's answer never changes, so it is asked once.
const ordinaryWords = new Map<string, boolean>();
function isOrdinaryWordOnce(word: string): boolean {
  let yes = ordinaryWords.get(word);
  if (yes === undefined) {
    yes = isOrdinaryWord(word);
    ordinaryWords.set(word, yes);
  }
  return yes;
}

/** Adds a division (and its short forms) or a full name only to a dictionary, first name wins. */
function createAdders(dict: Map<string, PlaceEntry>, index: GazetteerIndex) {
  // `wordOnly`: the short form must be a whole word where it is written (大同 but not 世界大同).
  const add = (d: Division, withShort: boolean, wordOnly = false) => {
    if (GENERIC.has(d.name)) return;
    const entry = { canonical: d.name, code: d.code, type: typeOf(d), parentCode: d.parentCode };
    // A town's full name too must end where a word ends: 发展乡 is not in 发展乡村旅游.
    const town = d.level === 'town' || d.level === 'street';
    if (!dict.has(d.name)) dict.set(d.name, { surface: d.name, ...entry, ...(town ? { wordOnly: true } : {}) });
    if (!withShort) return;
    for (const short of shortsOf(index, d.name)) {
      if (short.length < 2 || GENERIC.has(short) || dict.has(short)) continue;
      if (wordOnly && COMMON_WORD_SHORTS.has(short)) continue;
      // A town's short form that is an ordinary word (发展乡 → 发展, 繁荣镇 → 繁荣) would name the
      // town wherever the report says the word: only its full name names it.
      if (town && isOrdinaryWordOnce(short)) continue;
      dict.set(short, {
        surface: short,
        ...entry,
        ...(wordOnly || GUARDED_CITIES.has(short) ? { wordOnly: true } : {}),
      });
    }
  };
  // A full name only, and only where it is a whole word (城关镇 is not in 县城关镇).
  const addFullName = (d: Division) => {
    if (GENERIC.has(d.name) || dict.has(d.name) || d.name.length < 3) return;
    dict.set(d.name, {
      surface: d.name,
      canonical: d.name,
      code: d.code,
      type: typeOf(d),
      parentCode: d.parentCode,
      wordOnly: true,
    });
  };
  return { add, addFullName };
}

// The part of a dictionary that depends only on the home province and on whether the report is
// the province's own: at most two per province, so kept without a bound; a region's dictionary
// starts as a copy of it.
const provinceBases = new Map<string, Map<string, PlaceEntry>>();

function provinceBase(homeProvince: Division | undefined, provincial: boolean): Map<string, PlaceEntry> {
  const key = `${homeProvince?.code ?? ''}|${provincial}`;
  const hit = provinceBases.get(key);
  if (hit) return hit;
  const index = indexGazetteer();
  const dict = new Map<string, PlaceEntry>();
  const { add, addFullName } = createAdders(dict, index);
  const inHomeProvince = (d: Division) => homeProvince !== undefined && d.code.startsWith(homeProvince.code);
  // Provinces and the cities of the home province by short name too; other provinces' cities and,
  // in a provincial report, its counties and districts by short name only where it is a whole word
  // and not an ordinary one (通道县 is never 通道).
  for (const d of index.upper) {
    if (d.level === 'province') add(d, true);
    else if (d.level === 'city') add(d, true, d.parentCode !== homeProvince?.code);
    else if (inHomeProvince(d)) add(d, true, provincial);
  }
  // The home province's divisions whose short form is also a word: list items only (see listOnly).
  for (const d of index.upper) {
    if (d.level === 'province' || !inHomeProvince(d) || GENERIC.has(d.name)) continue;
    for (const short of shortsOf(index, d.name)) {
      if (short.length < 2 || dict.has(short) || !(GENERIC.has(short) || COMMON_WORD_SHORTS.has(short))) continue;
      const entry = { canonical: d.name, code: d.code, type: typeOf(d), parentCode: d.parentCode };
      dict.set(short, { surface: short, ...entry, listOnly: true });
    }
  }
  // Other provinces' counties and districts by their full name only (a report names a district of a
  // neighbour as 某某区), after the home province's, so a name two provinces share means the home one.
  for (const d of index.counties) if (!inHomeProvince(d) && d.name.length >= 3) addFullName(d);
  // In a provincial report, the province's towns by their full name (某某镇, 某某乡): a report names
  // a town it singles out, never by the short form alone.
  if (provincial && homeProvince)
    for (const d of index.towns.get(homeProvince.code.slice(0, 2)) ?? [])
      if (d.code.startsWith(homeProvince.code) && /[镇乡]$/.test(d.name)) addFullName(d);
  // Macro-regions, terrain, rivers, lakes, mountains and foreign places; a division of the same
  // name wins. Foreign and regional names are whole words where written (法国 is not in 依法国有).
  for (const e of index.general) if (!dict.has(e.surface)) dict.set(e.surface, e);
  provinceBases.set(key, dict);
  return dict;
}

function build(region: Report['region']): Map<string, PlaceEntry> {
  const g = loadGazetteer();
  const home = region.code ? g.byCode.get(region.code) : undefined;
  const homeProvince = home
    ? home.level === 'province'
      ? home
      : g.ancestors(home.code).find((d) => d.level === 'province')
    : undefined;
  const base = provinceBase(homeProvince, home?.level === 'province');
  if (!home || home.level === 'province') return base;
  // A city or county report: its towns, streets, villages and communities, after the base.
  const dict = new Map(base);
  const { add } = createAdders(dict, indexGazetteer());
  const scope = home.code;
  for (const d of indexGazetteer().towns.get(scope.slice(0, 2)) ?? []) if (d.code.startsWith(scope)) add(d, true);
  for (const v of villagesUnder(g.villagesOf(homeProvince?.code ?? scope.slice(0, 2)), scope))
    if (v.code.startsWith(scope) && v.name.length >= 3) add(v, false);
  return dict;
}

// A province's villages by the first four digits of their codes (the city), in gazetteer order, so
// that a city or county report reads its own villages, not the whole province's.
const villagesByCity = new WeakMap<Division[], Map<string, Division[]>>();

function villagesUnder(villages: Division[], scope: string): Division[] {
  if (scope.length < 4) return villages;
  let byCity = villagesByCity.get(villages);
  if (!byCity) {
    byCity = new Map();
    for (const v of villages) {
      const list = byCity.get(v.code.slice(0, 4));
      if (list) list.push(v);
      else byCity.set(v.code.slice(0, 4), [v]);
    }
    villagesByCity.set(villages, byCity);
  }
  return byCity.get(scope.slice(0, 4)) ?? [];
}

// City names that are also words (长治久安, 世界大同): places only where they are whole words.
const GUARDED_CITIES = new Set(['大同', '长治', '吉安', '通化', '安康']);

/** Looks a name up; `prefixes` (first two characters → longest name) lets a scan skip the positions where no name can start. */
export interface PlaceLookup {
  get(name: string): PlaceEntry | undefined;
  prefixes: Map<string, number>;
}

/** True when text[start, end) is a whole word; used for the entries marked `wordOnly`. */
export type WordCheck = (text: string, start: number, end: number) => boolean;

const prefixCache = new WeakMap<Map<string, PlaceEntry>, Map<string, number>>();

function addPrefix(prefixes: Map<string, number>, name: string) {
  const key = name.slice(0, 2);
  if ((prefixes.get(key) ?? 0) < name.length) prefixes.set(key, name.length);
}

/** One lookup over the gazetteer dictionary and the places discovered in a report, copying neither. */
export function combineLookup(dict: Map<string, PlaceEntry>, extra: Map<string, PlaceEntry>): PlaceLookup {
  let base = prefixCache.get(dict);
  if (!base) {
    base = new Map();
    for (const k of dict.keys()) addPrefix(base, k);
    prefixCache.set(dict, base);
  }
  const prefixes = new Map(base);
  for (const name of extra.keys()) addPrefix(prefixes, name);
  return { get: (name) => dict.get(name) ?? extra.get(name), prefixes };
}

const FACILITY_AFTER = /^(港|机场|高铁站|火车站|水库|经开区|高新区|综保区|开发区|新区)/;
const COMPANY_AFTER = /^(石化|集团|公司|股份|钢铁|药业|电力|煤业|化工)/;

const NAMED_AFTER_DIVISION =
  /(水库|科学城|新城|都市圈|城市群|城镇群|经济圈|开发区|经开区|高新区|综保区|保税区|新区|园区|片区)$/;

/** True when text[start, end) is a 、 list item next to an item that is a division (甲州、中山). */
function besideListedDivision(text: string, start: number, end: number, lookup: PlaceLookup): boolean {
  const isDivision = (name: string) => {
    const e = lookup.get(name);
    return e !== undefined && e.code !== '' && !e.listOnly;
  };
  const itemEnd = /[、，。；和及与等]/;
  for (let len = 2; len <= 4; len++) {
    if (
      text[end] === '、' &&
      isDivision(text.slice(end + 1, end + 1 + len)) &&
      itemEnd.test(text[end + 1 + len] ?? '。')
    )
      return true;
    if (text[start - 1] === '、' && start - 1 - len >= 0 && isDivision(text.slice(start - 1 - len, start - 1)))
      if (start - 1 - len === 0 || /[、，。；：（“]/.test(text[start - 2 - len]!)) return true;
  }
  return false;
}

/** Longest-match scan of a text for place names; returns [start, end, entry] triples. */
export function scanPlaces(text: string, lookup: PlaceLookup, isWord?: WordCheck): [number, number, PlaceEntry][] {
  const hits: [number, number, PlaceEntry][] = [];
  for (let i = 0; i < text.length;) {
    const longest = lookup.prefixes.get(text.slice(i, i + 2));
    if (!longest) {
      i++;
      continue;
    }
    let matched = 0;
    for (let len = Math.min(longest, text.length - i); len >= 2; len--) {
      const e = lookup.get(text.slice(i, i + len));
      const after = text.slice(i + len, i + len + 3);
      // A division named at the head of its port, station or zone (某县港) is one where the
      // segmenter reads a single word; a general name heading a company (某山石化) is not a place.
      const heads = e?.code ? FACILITY_AFTER.test(after) : false;
      if (e && !e.code && COMPANY_AFTER.test(after)) continue;
      if (e?.listOnly && !besideListedDivision(text, i, i + len, lookup)) continue;
      if (e && !e.code && !middleRegionFits(e.surface, text[i - 1] ?? '', after)) continue;
      if (e && !(e.wordOnly && isWord && !heads && !isWord(text, i, i + len))) {
        hits.push([i, i + len, e]);
        matched = len;
        break;
      }
    }
    // A work, zone or park named after a division (某县水库, 某区科学城, 某市某某景区) names the division too; a
    // mountain or river does not (吕梁山 is not 吕梁市).
    const outer = matched ? hits.at(-1)![2] : undefined;
    if (outer && !outer.code && (outer.type === 'park' || NAMED_AFTER_DIVISION.test(outer.surface))) {
      for (let len = matched - 1; len >= 2; len--) {
        const e = lookup.get(text.slice(i, i + len));
        if (e?.code) {
          hits.splice(hits.length - 1, 0, [i, i + len, e]);
          break;
        }
      }
    }
    i += matched || 1;
  }
  return hits;
}

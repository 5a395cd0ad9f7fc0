import type { PlaceType, Report } from '#domain/report-graph.ts';
import { loadGazetteer, shortName, type Division } from '#gazetteer/gazetteer.ts';

/** A name a report may write for a division, and the division it means. */
export interface PlaceEntry {
  surface: string;
  canonical: string;
  code: string;
  type: PlaceType;
  parentCode: string | null;
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
  '安康',
  '大同',
  '长治',
  '吉安',
  '兴安',
  '通化',
  '大通',
  '金山',
  '宝山',
  '普陀',
  '海安',
]);

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
  if (!dict) {
    dict = build(region);
    dictionaries.set(key, dict);
  }
  return dict;
}

// One dictionary per region, built once: the gazetteer does not change while the process runs.
const dictionaries = new Map<string, Map<string, PlaceEntry>>();

function build(region: Report['region']): Map<string, PlaceEntry> {
  const g = loadGazetteer();
  const dict = new Map<string, PlaceEntry>();
  const add = (d: Division, withShort: boolean) => {
    if (GENERIC.has(d.name)) return;
    const entry = { canonical: d.name, code: d.code, type: typeOf(d), parentCode: d.parentCode };
    if (!dict.has(d.name)) dict.set(d.name, { surface: d.name, ...entry });
    const short = withShort ? shortName(d.name) : null;
    if (short && !GENERIC.has(short) && !dict.has(short)) dict.set(short, { surface: short, ...entry });
  };
  const home = region.code ? g.byCode.get(region.code) : undefined;
  const homeProvince = home
    ? home.level === 'province'
      ? home
      : g.ancestors(home.code).find((d) => d.level === 'province')
    : undefined;
  for (const d of g.byCode.values()) {
    if (d.level === 'province') add(d, true);
    else if (d.level === 'city') add(d, d.parentCode === homeProvince?.code);
    else if (d.level === 'county' && homeProvince && d.code.startsWith(homeProvince.code))
      add(d, home?.level !== 'province');
  }
  if (home && home.level !== 'province') {
    const scope = home.code;
    for (const d of g.byCode.values())
      if ((d.level === 'town' || d.level === 'street') && d.code.startsWith(scope)) add(d, true);
    for (const v of g.villagesOf(homeProvince?.code ?? scope.slice(0, 2)))
      if (v.code.startsWith(scope) && v.name.length >= 3) add(v, false);
  }
  return dict;
}

/** Looks a name up; `firstChars` lets a scan skip the positions where no name can start. */
export interface PlaceLookup {
  get(name: string): PlaceEntry | undefined;
  firstChars: Set<string>;
}

const firstCharCache = new WeakMap<Map<string, PlaceEntry>, Set<string>>();

/** One lookup over the gazetteer dictionary and the places discovered in a report, copying neither. */
export function combineLookup(dict: Map<string, PlaceEntry>, extra: Map<string, PlaceEntry>): PlaceLookup {
  let base = firstCharCache.get(dict);
  if (!base) {
    base = new Set([...dict.keys()].map((k) => k[0]!));
    firstCharCache.set(dict, base);
  }
  const firstChars = new Set(base);
  for (const name of extra.keys()) firstChars.add(name[0]!);
  return { get: (name) => dict.get(name) ?? extra.get(name), firstChars };
}

/** Longest-match scan of a text for place names; returns [start, end, entry] triples. */
export function scanPlaces(text: string, lookup: PlaceLookup): [number, number, PlaceEntry][] {
  const hits: [number, number, PlaceEntry][] = [];
  for (let i = 0; i < text.length;) {
    if (!lookup.firstChars.has(text[i]!)) {
      i++;
      continue;
    }
    let matched = 0;
    for (let len = Math.min(12, text.length - i); len >= 2; len--) {
      const e = lookup.get(text.slice(i, i + len));
      if (e) {
        hits.push([i, i + len, e]);
        matched = len;
        break;
      }
    }
    i += matched || 1;
  }
  return hits;
}

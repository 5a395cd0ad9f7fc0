import type { Enterprise, Mention, Place, PlaceType, Project, Report } from '#domain/report-graph.ts';
import { loadGazetteer } from '#gazetteer/gazetteer.ts';
import { canonicalEnterprises, companyOfProject, findCompanies, isNotEnterprise } from './enterprises.ts';
import { findHeadLists, findLists } from './lists.ts';
import { findOccurrences } from './occurrences.ts';
import {
  ENTERPRISE_SUFFIX,
  PLACE_SUFFIX,
  PROJECT_SUFFIX,
  isCompanyCategory,
  isDesignationName,
  isGenericWorkName,
  isKindOfFacility,
  isMalformedName,
  isNaturalArea,
  isNegated,
  isSectorTerm,
  placeTypeForSuffix,
} from './name-patterns.ts';
import type { Paragraph } from '../outline/paragraphs.ts';
import { buildPlaceDictionary, combineLookup, scanPlaces, type PlaceEntry } from '../places/place-dictionary.ts';
import { findAbbreviationRuns } from '../places/general-places.ts';
import { findNamedAreas } from '../places/named-areas.ts';
import { createWordCheck } from '../places/word-boundaries.ts';
import type { SectionIndex } from '../outline/section-index.ts';
import { findSingletons } from './singletons.ts';

export interface Entities {
  projects: Project[];
  enterprises: Enterprise[];
  places: Place[];
}

interface Candidates {
  projects: Map<string, Set<string>>; // name → aliases
  enterprises: Set<string>;
  places: Map<string, { type: PlaceType }>;
}

// 省属企业, 全市…: the province's own kinds; 省国金投资集团 (a named group of the province) passes.
const NOT_AN_ENTERPRISE = /^(我市|全市|全省)|^(市|省|县|区)(?!.{3,}(集团|银行|公司)$)|^[\u4e00-\u9fa5]$/;

/** Two works in one list item (…一期、二期和黄茅峡水库): split where the first one's suffix ends. */
function splitPair(name: string, joints = /^(.+?)(?:和|及|与)(.{2,})$/): string[] {
  const m = joints.exec(name);
  return m && PROJECT_SUFFIX.test(m[1]!) ? [m[1]!, m[2]!] : [name];
}

function addPlace(c: Candidates, name: string, type: PlaceType) {
  if (name.length >= 2 && !c.places.has(name)) c.places.set(name, { type });
}

/** Places named inside a project or list item: 张家湖, 沉湖骨干河道 → 沉湖, 九条河综合整治 → 九条河. */
function placesInside(c: Candidates, name: string, listed = false) {
  // A park or heritage site built as a work is a place too (某某国家考古遗址公园).
  const park = /^(.{2,}?)(国家考古遗址公园|考古遗址公园|遗址公园|国家公园|湿地公园|森林公园|地质公园)$/.exec(name);
  if (park && !/^(国家|省级|市级|一批|各类|新建)/.test(park[1]!)) addPlace(c, name, 'park');
  const whole = PLACE_SUFFIX.exec(name);
  // 北沿江 (along the river) names a route, not the river.
  if (whole && !listed && /(河|湖|江)$/.test(name) && !/沿[河湖江]$/.test(name) && name.length <= 5)
    addPlace(c, name, placeTypeForSuffix(name));
  const head = /^([\u4e00-\u9fa5]{1,4}?[河湖江])(?=骨干|综合|水系|流域|治理|整治|湿地)/.exec(name);
  if (head && head[1]!.length >= 2) addPlace(c, head[1]!, placeTypeForSuffix(head[1]!));
}

/** 融入武汉都市圈 → 武汉都市圈: a zone name starts with a place the dictionary knows. */
function trimToKnownPlace(name: string, dict: Map<string, PlaceEntry>): string {
  // 打好黄河 → 黄河: a known river or lake at the end of a water name is the name.
  if (/[河湖江]$/.test(name) && !dict.has(name)) {
    for (let i = 1; i <= name.length - 2; i++) {
      const t = dict.get(name.slice(i))?.type;
      if (t === 'river' || t === 'lake') return name.slice(i);
    }
  }
  if (!/(都市圈|城市群|经济带|经济区)$/.test(name)) return name;
  for (let i = 0; i < name.length - 3; i++) {
    for (let len = 2; len <= 6 && i + len <= name.length; len++)
      if (dict.has(name.slice(i, i + len))) return name.slice(i);
  }
  return name;
}

// Works done on the water bodies a list names (某湖、某河等综合治理工程).
const WATER_WORKS = /(治理|整治|修复|保护|清淤|疏浚|生态|水系|连通)/;

function collect(paragraphs: Paragraph[], dict: Map<string, PlaceEntry>): Candidates {
  const c: Candidates = { projects: new Map(), enterprises: new Set(), places: new Map() };
  const isPlace = (name: string) => dict.has(name);
  const addEnterprise = (name: string) => {
    if (
      !NOT_AN_ENTERPRISE.test(name) &&
      !isMalformedName(name, 2) &&
      !/[“”]/.test(name) &&
      !isCompanyCategory(name) &&
      !isNotEnterprise(name, isPlace)
    ) {
      c.enterprises.add(name);
    }
  };
  // `listed`: the name is an item of a list of works (甲河、乙湖等煤矿 / 等项目): it names the work, so a
  // water-like item (甲河) is not also a river.
  const addProject = (name: string, minLength = 4, alias?: string, listed = false) => {
    if (isMalformedName(name, minLength) || isGenericWorkName(name) || isSectorTerm(name)) return;
    // 检验检测中心 (a kind), 某某国际科技创新中心 (a designation), 某河某地段 (a place) are not works.
    if (isKindOfFacility(name) || isDesignationName(name) || isNaturalArea(name)) return;
    // 活力中心, 场景平台: a two-character head names a kind unless it is a place.
    const short = /^(.{2})(中心|平台)$/.exec(name);
    if (short && !dict.has(short[1]!)) return;
    if (!c.projects.has(name)) c.projects.set(name, new Set());
    if (alias && alias !== name) c.projects.get(name)!.add(alias);
    const company = companyOfProject(name, isPlace);
    if (company) addEnterprise(company);
    placesInside(c, name, listed);
  };
  for (const p of paragraphs) {
    for (const item of findLists(p.text)) {
      // 坚决反对政绩工程、形象工程: works the report rules out are not its works.
      if (isNegated(p.text, item.start)) continue;
      if (item.kind === 'enterprise') {
        addEnterprise(item.name);
      } else if (item.kind === 'project') {
        // 新建某某坝: the building verb opens the item, the work is what it builds.
        for (const name of splitPair(item.name.replace(/^(改扩建|扩建|改建|续建|新建)(?=[\u4e00-\u9fa5“]{3})/, ''))) {
          // A company named as doing a project (利全家居、通威三期等151个项目开工) is an enterprise.
          // (A product line named with its maker, …新一代锂电池 or …动力和储能, stays a project.)
          if (ENTERPRISE_SUFFIX.test(name) && !PROJECT_SUFFIX.test(name) && name.length >= 3 && name.length <= 8)
            addEnterprise(name);
          // 某某配置二期 (from 某某配置一期、二期) is written only as its phase: that is its mention.
          // (…等综合治理工程 treats the water bodies it lists: 某湖、某河骨干河道 stay places.)
          else
            addProject(
              name,
              3,
              item.written && name.endsWith(item.written) ? item.written : undefined,
              !WATER_WORKS.test(item.category),
            );
        }
      } else if (item.kind === 'place') {
        // 中心城区及黄潭等4个乡镇: only the last of a 及/和 pair is the listed place.
        const name = item.name.split(/及|和|与/).at(-1)!;
        const known = dict.get(name);
        addPlace(c, name, known?.type ?? (/[湖河江]$/.test(name) ? placeTypeForSuffix(name) : 'other'));
      }
    }
    // 甲乙、丙丁等3条高速公路: each short name is a work with the shared head (甲乙 → 甲乙高速公路).
    for (const item of findHeadLists(p.text)) {
      if (isNegated(p.text, item.start)) continue;
      const composed = item.name.replace(/(扩容|改扩建|扩建)?$/, (tail) => `${item.head}${tail}`);
      addProject(
        item.name,
        2,
        item.name.endsWith(item.head!) || PROJECT_SUFFIX.test(item.name) ? undefined : composed,
        true,
      );
    }
    // 晋冀鲁豫, 太原盆地, 某某综保区: groups of provinces, terrain and zones named after a place.
    for (const co of findCompanies(p.text, isPlace)) addEnterprise(co.name);
    for (const r of findAbbreviationRuns(p.text)) addPlace(c, r.name, 'region');
    for (const a of findNamedAreas(p.text, dict)) addPlace(c, a.name, a.type);
    for (const s of findSingletons(p.text, (name) => dict.has(name))) {
      if (isNegated(p.text, s.start)) continue;
      // 某某高铁及某港二期: two works (与 joins the parts of one: 某馆与某园融合工程).
      if (s.kind === 'project') for (const name of splitPair(s.name, /^(.+?)及(.{2,})$/)) addProject(name);
      else if (s.kind === 'enterprise') addEnterprise(s.name);
      else if (s.kind === 'place')
        addPlace(c, trimToKnownPlace(s.name, dict), s.placeType ?? placeTypeForSuffix(s.name));
    }
  }
  // "国投、高新投集团": a shared 集团 — both are enterprises, the first written without it.
  return c;
}

function occurrences(text: string, needle: string, from: number, to: number): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(needle, from); i >= 0 && i < to; i = text.indexOf(needle, i + needle.length)) at.push(i);
  return at;
}

/**
 * Finds the report's projects, enterprises and places: list patterns (A、B等…项目),
 * suffix patterns (…工程, …集团, …湖) and the administrative gazetteer scoped to the region,
 * then every mention of each in the body.
 */
export function extractEntities(
  paragraphs: Paragraph[],
  text: string,
  index: SectionIndex,
  gid: (s: string) => string,
  region: Report['region'],
): Entities {
  const dict = buildPlaceDictionary(region);
  const c = collect(paragraphs, dict);
  const bodyStart = paragraphs[0]?.start ?? 0;
  const bodyEnd = paragraphs.at(-1)?.end ?? text.length;
  const mention = (start: number, end: number): Mention => ({
    sectionId: gid((index.at(start) ?? paragraphs[0]!.section).id),
    start,
    end,
  });
  // Paragraphs are in text order: a binary search, not a scan per mention.
  const inBody = (start: number) => {
    let lo = 0;
    let hi = paragraphs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = paragraphs[mid]!;
      if (start < p.start) hi = mid - 1;
      else if (start >= p.end) lo = mid + 1;
      else return true;
    }
    return false;
  };

  // Places: gazetteer names and discovered ones share one longest-match scan, so 天门河 is not 天门.
  const discovered = new Map<string, PlaceEntry>();
  for (const [name, { type }] of c.places) {
    if (!dict.has(name)) discovered.set(name, { surface: name, canonical: name, code: '', type, parentCode: null });
  }
  const scanDict = combineLookup(dict, discovered);
  const byKey = new Map<string, { entry: PlaceEntry; surfaces: Map<string, number>; mentions: Mention[] }>();
  const isWord = createWordCheck();
  for (const p of paragraphs) {
    for (const [s, e, entry] of scanPlaces(p.text, scanDict, isWord)) {
      const key = entry.code || `name:${entry.canonical}`;
      const slot = byKey.get(key) ?? { entry, surfaces: new Map<string, number>(), mentions: [] };
      slot.surfaces.set(entry.surface, (slot.surfaces.get(entry.surface) ?? 0) + 1);
      slot.mentions.push(mention(p.start + s, p.start + e));
      byKey.set(key, slot);
    }
  }
  const g = loadGazetteer();
  const regionKey = region.code ?? region.name;
  const places: Place[] = [];
  const idOfCode = new Map<string, string>();
  for (const [key, slot] of byKey) {
    const { entry } = slot;
    // The name is the full form when the report writes it, else the form it does write (渔薪 → alias 渔薪镇).
    const written = [...slot.surfaces.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
    const name = slot.surfaces.has(entry.canonical) || !entry.code ? entry.canonical : written[0]!;
    const aliases = [...new Set([...written, entry.canonical])].filter((a) => a !== name);
    const id = entry.code ? `place:${entry.code}` : `place:${regionKey}/${entry.canonical}`;
    if (entry.code) idOfCode.set(entry.code, id);
    places.push({
      id,
      name,
      aliases,
      type: entry.type,
      code: entry.code || null,
      parentId: null,
      mentions: slot.mentions,
    });
    void key;
  }
  const regionPlaceId = region.code ? (idOfCode.get(region.code) ?? null) : null;
  for (const place of places) {
    if (place.code) {
      const parent = g.ancestors(place.code).find((a) => idOfCode.has(a.code));
      place.parentId = parent ? idOfCode.get(parent.code)! : null;
    } else if (regionPlaceId && place.id !== regionPlaceId) place.parentId = regionPlaceId;
  }

  // A mention inside a longer name of the same kind belongs to that name (产业技术研究院 in 现代纺织产业技术研究院).
  const insideLonger = (names: Iterable<string>) => {
    // name → the longer names that contain it, found through each name's substrings (names are
    // short), so a list of thousands of names costs linear time, not a scan of every pair.
    // (Only parts as long as some name are looked up: a list of same-length names slices nothing.)
    const all = new Set(names);
    const lengths = [...new Set([...all].map((n) => n.length))].sort((a, b) => a - b);
    const containing = new Map<string, string[]>();
    for (const other of all)
      for (const len of lengths) {
        if (len >= other.length) break;
        for (let i = 0; i + len <= other.length; i++) {
          const part = other.slice(i, i + len);
          if (all.has(part)) {
            const list = containing.get(part) ?? [];
            if (!list.includes(other)) list.push(other);
            containing.set(part, list);
          }
        }
      }
    return (name: string, at: number) =>
      (containing.get(name) ?? []).some((other) =>
        occurrences(text, other, Math.max(0, at - other.length), at + other.length).some(
          (o) => o <= at && at + name.length <= o + other.length,
        ),
      );
  };
  const projectInside = insideLonger(c.projects.keys());
  const projectAt = findOccurrences(text, c.projects.keys(), bodyStart, bodyEnd);
  // A name never written as such (某某配置二期) is found through its aliases.
  const unwritten = [...c.projects]
    .filter(([name]) => (projectAt.get(name)?.length ?? 0) === 0)
    .flatMap(([, aliases]) => [...aliases]);
  for (const [alias, at] of findOccurrences(text, unwritten, bodyStart, bodyEnd)) projectAt.set(alias, at);
  const enterpriseAt = findOccurrences(text, c.enterprises, bodyStart, bodyEnd);
  const projects: Project[] = [];
  for (const [name, aliases] of c.projects) {
    const own = projectAt.get(name) ?? [];
    const alias = own.length > 0 ? undefined : [...aliases].find((a) => (projectAt.get(a)?.length ?? 0) > 0);
    const written = alias ?? name;
    const mentions = (alias ? projectAt.get(alias)! : own)
      .filter((at) => inBody(at) && !projectInside(written, at))
      .map((s) => mention(s, s + written.length));
    if (mentions.length > 0) projects.push({ id: gid(`project:${name}`), name, aliases: [...aliases], mentions });
  }
  const enterprises: Enterprise[] = [];
  for (const [name, aliases] of canonicalEnterprises(c.enterprises)) {
    const own = (enterpriseAt.get(name) ?? []).filter(inBody);
    // An alias written inside the legal form (国投 in 国投集团) is that mention, not another one.
    const short = aliases.flatMap((a) =>
      (enterpriseAt.get(a) ?? [])
        .filter((s) => inBody(s) && !own.some((o) => o <= s && s < o + name.length))
        .map((s) => [s, a.length]),
    );
    const mentions = [...own.map((s) => [s, name.length]), ...short]
      .sort((x, y) => x[0]! - y[0]!)
      .map(([s, n]) => mention(s!, s! + n!));
    if (mentions.length > 0) enterprises.push({ id: `enterprise:${name}`, name, aliases, mentions });
  }
  return { projects, enterprises, places };
}

import type { PlaceType } from '#domain/report-graph.ts';

/** An area named after a place: 某某盆地, 某河谷地, 某某综保区; offsets relative to the paragraph. */
export interface NamedArea {
  name: string;
  start: number;
  type: PlaceType;
}

const TERRAIN = ['盆地', '谷地', '河谷', '平原', '三角洲'];
// Parks named after a river, lake or mountain the dictionary knows (某河公园, 某湖湿地公园).
const PARK = /(湿地公园|森林公园|国家公园|公园|风景区)/g;
const NATURAL: ReadonlySet<string> = new Set(['river', 'lake', 'other']);
const ZONE =
  /(综合保税区|综保区|保税港区|保税区|自贸片区|经济技术开发区|高新技术产业开发区|高新区|经开区|开发区|新区|科学城)/g;
// Heads of a zone that name a kind, not a place (临空经济区, 省级高新区, 各类开发区).
const GENERIC_ZONE_HEAD =
  /^(国家级?|省级?|市级?|县级?|各类|各级|全省|全市|全国|现有|新建|临空|临港|空港|航空港|保税|综合|现代|特色|产业|海洋|口岸|沿边|边境|跨境|数字|绿色|生态|重点|园区|一批|城市|农业|高新|经开|推动|推进|支持|提升|加快|建设|打造|创建|设立|用好|做强|发挥|深化|优化|整合|规范|壮大|提质|争创|申建|申报|获批|升级|实施|开展|强化|以上|以下)/;
const HEAD_START = /[，。；、：（“和与及]/;

// A city's named districts (甲乙科学城, 甲乙国际商务区, 甲乙新片区, 甲乙特别合作区, 甲乙中心区): their head
// is a proper name the gazetteer need not hold, so it is taken as the clause writes it, after at
// most an adverb and a verb. (新区, 开发区 and 示范区 keep the known-head rule: 建设开发区 and
// 共同富裕示范区 are a verb and a kind, or a designation.)
const NAMED_DISTRICT = /(科学城|科技城|商务区|新片区|合作区|中心区)/g;
const LEADING_VERBS =
  /^(?:高标准|高水平|高质量|加力|大力|持续|全面|深入|积极|着力|国家|出台实施|落实|推进|推动|支持|加速|加快|完善|强化|深化|提升|优化|实施|建设|建成|打造|发展|做强|用好|依托|服务)+/;
// Heads that name a kind, a count or a direction, not a place (境外经贸合作区, 五个新片区, 北部新片区).
const GENERIC_DISTRICT_HEAD =
  /^(境外|海外|跨境|国际|区域|国内|各类|一批|多个|[东西南北中]部|城[东西南北])|[0-9一二三四五六七八九十百千]+[个批项家处]|[的等]/;

// Archaeological sites: 某某遗址 as written, and the items of 甲、乙等遗迹/遗址 on their own.
const SITE = /遗址(?!公园)/g;
const SITE_LIST =
  /((?:[\u4e00-\u9fa5]{2,4}、)+[\u4e00-\u9fa5]{2,4})等(?:[一-十\d]+[处个])?(?:国家)?(?:考古)?(?:遗迹|遗址)/g;
// What precedes a site's name in its clause: a verb or a qualifier (推进某某遗址申遗, 一批遗址).
const BEFORE_SITE =
  /^.*?(推进|推动|加强|加快|做好|实施|开展|保护|建设|发掘|用好|依托|启动|完成|深化|支持|打造|申报|申遗|考古|研究|利用|以及|及|和|与)/;
const GENERIC_SITE = /^(考古|重要|重点|一批|各类|古|文化|历史|革命|工业|旧址|国家|省级|世界)|旧址$|遗迹$/;

/**
 * Terrain named after a known place (太原盆地-like, a river's 谷地) and zones whose head is a
 * known place or a two-character name opening a clause (某某综保区与…). `known` says whether a
 * name is in the place dictionary.
 */
export function findNamedAreas(
  p: string,
  known: { has(name: string): boolean; get?(name: string): { type: PlaceType } | undefined },
): NamedArea[] {
  const out: NamedArea[] = [];
  SITE.lastIndex = 0;
  for (let m = SITE.exec(p); m; m = SITE.exec(p)) {
    // The clause before 遗址, without its verb and the division it lies in (某县某某遗址 → 某某遗址).
    const clauseStart = Math.max(
      0,
      ...[...'，。；、：（“”）'].map((ch) => p.lastIndexOf(ch, m!.index - 1) + 1),
      m.index - 8,
    );
    let head = p.slice(clauseStart, m.index).replace(BEFORE_SITE, '');
    for (let len = Math.min(4, head.length - 2); len >= 2; len--)
      if (known.has(head.slice(0, len))) {
        head = head.slice(len);
        break;
      }
    if (head.length >= 2 && /^[\u4e00-\u9fa5]+$/.test(head) && !GENERIC_SITE.test(head))
      out.push({ name: `${head}遗址`, start: m.index - head.length, type: 'other' });
  }
  SITE_LIST.lastIndex = 0;
  for (let m = SITE_LIST.exec(p); m; m = SITE_LIST.exec(p)) {
    // The first item runs back to its clause's start: 推进甲、乙等… → 甲, not 进甲.
    let at = Math.max(...[...'，。；：（“”）'].map((ch) => p.lastIndexOf(ch, m!.index) + 1), m.index - 10);
    const list = p.slice(at, m.index + m[1]!.length);
    for (const item of list.split('、')) {
      const name = item.replace(BEFORE_SITE, '');
      if (name.length >= 2 && !GENERIC_SITE.test(name))
        out.push({ name, start: at + item.length - name.length, type: 'other' });
      at += item.length + 1;
    }
  }
  out.push(...ratedScenicAreas(p, known));
  // A part of a known range named by its direction (西秦岭, 东天山).
  for (const m of p.matchAll(/[东西南北](?=[\u4e00-\u9fa5]{2,4})/g)) {
    for (let len = 4; len >= 2; len--) {
      const range = p.slice(m.index + 1, m.index + 1 + len);
      if (/[山岭]$/.test(range) && known.get?.(range)?.type === 'other') {
        out.push({ name: m[0] + range, start: m.index, type: 'other' });
        break;
      }
    }
  }
  PARK.lastIndex = 0;
  for (let m = PARK.exec(p); m; m = PARK.exec(p)) {
    for (let len = 4; len >= 2; len--) {
      const head = p.slice(m.index - len, m.index);
      if (m.index - len >= 0 && NATURAL.has(known.get?.(head)?.type ?? '')) {
        out.push({ name: head + m[0], start: m.index - len, type: 'park' });
        break;
      }
    }
  }
  // Each suffix on its own: 某河谷地 holds both 河谷 and 谷地.
  for (const suffix of TERRAIN) {
    for (let at = p.indexOf(suffix); at >= 0; at = p.indexOf(suffix, at + 1)) {
      for (let len = 4; len >= 2; len--) {
        const head = p.slice(at - len, at);
        if (at - len >= 0 && known.has(head)) {
          out.push({ name: head + suffix, start: at - len, type: 'region' });
          break;
        }
      }
    }
  }
  ZONE.lastIndex = 0;
  for (let m = ZONE.exec(p); m; m = ZONE.exec(p)) {
    let found: NamedArea | null = null;
    for (let len = 4; len >= 2 && !found; len--) {
      const at = m.index - len;
      const head = p.slice(at, m.index);
      if (at < 0 || !/^[\u4e00-\u9fa5]+$/.test(head) || GENERIC_ZONE_HEAD.test(head)) continue;
      // A known place as head (某市高新区), or a two-character name that opens its clause.
      // Only a customs zone takes an unknown head: 开展高新区… is a verb and a kind.
      const opens = (at === 0 || HEAD_START.test(p[at - 1]!)) && /保税|综保/.test(m[0]);
      if (known.has(head) || (len === 2 && opens)) found = { name: head + m[0], start: at, type: 'other' };
    }
    if (found) out.push(found);
  }
  // A district whose head is a known place was found above (甲市科学城).
  for (const d of namedDistricts(p)) if (!out.some((a) => a.start === d.start && a.name === d.name)) out.push(d);
  return out;
}

/** 支持甲乙科学城 → 甲乙科学城: a named district whose head opens its clause (see NAMED_DISTRICT). */
function namedDistricts(p: string): NamedArea[] {
  const out: NamedArea[] = [];
  NAMED_DISTRICT.lastIndex = 0;
  for (let m = NAMED_DISTRICT.exec(p); m; m = NAMED_DISTRICT.exec(p)) {
    const clauseStart = Math.max(...[...'，。；、：（“”）和与及'].map((ch) => p.lastIndexOf(ch, m!.index - 1) + 1));
    const clause = p.slice(clauseStart, m.index);
    const head = clause.replace(LEADING_VERBS, '');
    if (head.length < 2 || head.length > 8 || !/^[\u4e00-\u9fa5]+$/.test(head)) continue;
    // A 新片区 is one zone's named extension, so a head that elsewhere names a kind (临港, 临空) is its name.
    if ((m[0] !== '新片区' && GENERIC_ZONE_HEAD.test(head)) || GENERIC_DISTRICT_HEAD.test(head)) continue;
    out.push({ name: head + m[0], start: m.index - head.length, type: 'other' });
  }
  return out;
}

// 某某、某某等3家5A级景区, 某某、某某创建国家5A级旅游景区: the rated areas of a clause.
const RATED = /[1-5１-５]A级(?:旅游)?景区/g;
// What comes between the names and the rating (等3家, 成功创建国家, 入选国家…).
const BEFORE_RATING =
  /(?:等)?(?:[0-9一二三四五六七八九十]+[家个处])?(?:先后|成功)?(?:创建|创成|入选|获评|获批|成为|晋级|升级为|申报|申创|争创)?(?:为)?(?:国家)?(?:级)?$/;
const OPENING_VERB = /^(新增|推动|推进|支持|加快|争取|实现|确保|力争|完成|打造)/;

/**
 * The scenic areas a clause names with their national rating (新增甲寺、乙沟3家5A级景区, 推动甲景区、乙故里
 * 创建国家5A级旅游景区), as written; a name that is or opens with a known place followed by another
 * (某市阳关玉门关) is left to the dictionary.
 */
function ratedScenicAreas(p: string, known: { has(name: string): boolean }): NamedArea[] {
  const out: NamedArea[] = [];
  RATED.lastIndex = 0;
  for (let m = RATED.exec(p); m; m = RATED.exec(p)) {
    const clauseStart = Math.max(...[...'，。；：（“”）'].map((ch) => p.lastIndexOf(ch, m!.index - 1) + 1));
    const clause = p.slice(clauseStart, m.index).replace(BEFORE_RATING, '');
    let at = clauseStart;
    for (const [k, raw] of clause.split('、').entries()) {
      const name = k === 0 ? raw.replace(OPENING_VERB, '') : raw;
      const start = at + raw.length - name.length;
      at += raw.length + 1;
      if (name.length < 2 || name.length > 10 || !/^[\u4e00-\u9fa5]+$/.test(name) || known.has(name)) continue;
      const rest = [4, 3, 2].map((len) => name.slice(len)).find((r, i) => known.has(name.slice(0, [4, 3, 2][i])) && r);
      if (rest && [...Array(rest.length - 1).keys()].some((i) => known.has(rest.slice(0, i + 2)))) continue;
      out.push({ name, start, type: 'park' });
    }
  }
  return out;
}

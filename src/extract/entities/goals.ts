import type { Goal } from '#domain/report-graph.ts';
import type { Paragraph } from '../outline/paragraphs.ts';
import type { SectionIndex } from '../outline/section-index.ts';

// Designations a report sets out to win or reports as won: titles (全国文明城市), list
// memberships (全国县域经济百强), zones and bases (全省服装电商产业基地).

/** Verbs, longest first; the action kept is the core verb (力争创成 → 创成). */
const ACTION =
  /(成功|力争|争取|加快|全力|积极|再次|首次|荣|被)?(创成|争创|创建|打造|获评|评为|入选|获批|跻身|重返|纳入|列入|注册|命名为|建设|建成|获得|授予|摘得|荣获|申建|申报|成为|当好|构建|进入|争取|双获|获(?![评批得取益悉]))/g;
const SCOPE =
  /^(全国|全省|全市|国家级|国家|省级以上|省级|省|部级|市级|中国|世界|国际|联合国|全球|亚洲|首批|[\u4e00-\u9fa5]{2,3}(省|地区))/;
const STRONG_SUFFIX =
  /(示范区|示范市|示范县|示范镇|示范村镇|示范村|示范社区|示范点|示范基地|示范城市|先行区|先导区|试验区|实验区|试点市|试点县|之乡|之城|之都|名村|名镇|名城|百强|基地|高地|强县|强市|强省|文明城市|园林城市|卫生城市|森林城市|节水型城市|宜居城市|高新区|自贸区|城市群|中心城市|先进市|先进县|示范市（县）|示范项目|试点|桥头堡|策源地|屏障|样板区|引领区|核心区|承载区|支撑区|排头兵|辐射中心|湿地城市|遗产|奖)$/;
// Positionings whose head alone is a kind of facility (分拣中心, 交通枢纽): a goal only with a
// scope or a rank in the name (区域科技创新中心, 国际性综合交通枢纽, 重要节点).
const POSITION_SUFFIX = /(中心|枢纽|门户|走廊|节点|重点城市|中心城市|标杆城市)$/;
const POSITION_SCOPE = /(国际|全国|全球|区域|国家|重要|世界|综合性|影响力|核心|战略)/;
// Verbs that also take works and plain objects (建设分拣中心, 争取资金): the name needs a strong suffix.
const WEAK_ACTION = new Set([
  '建设',
  '建成',
  '打造',
  '获得',
  '成为',
  '争取',
  '当好',
  '申报',
  '构建',
  '进入',
  '获',
  '双获',
]);
// Verbs that confer an honour: what they name is a title when it names a kind of holder
// (评为某某魅力城市, 获评某某示范单位), even without a scope.
const HONOUR_ACTION = new Set(['获评', '评为', '命名为', '授予', '荣获', '入选']);
const HOLDER_KIND = /(城市|之城|之都|县|镇|村|社区|单位|案例|典型)$/;
// 6个方面重点方向, 等重大使命任务: a closing word for the items just listed.
const LIST_CLOSER =
  /(等)?([0-9]+|[一二三四五六七八九十两]+)?(个|大|项)?(方面|领域|重点方向|方向|使命任务|重大使命任务|任务|目标)[\u4e00-\u9fa5]{0,4}$/;

/**
 * A whole designation: a strong suffix, or a positioning with its scope in the name or in the
 * words before it that cleaning cut off (具有全球影响力的产业科技创新中心 → 产业科技创新中心).
 */
function isStrong(name: string, context = name): boolean {
  // A cluster is a designation when it is ranked (国家级…产业集群), a kind of industry otherwise.
  if (/集群$/.test(name)) return /^(国家级|国家|省级|世界级)/.test(name);
  return STRONG_SUFFIX.test(name) || (POSITION_SUFFIX.test(name) && POSITION_SCOPE.test(context));
}

// What the clause goes on to say about a designation named first (…基地交出“硬核答卷”,
// …中心成势见效, …枢纽取得积极进展): the name ends before it.
const PREDICATE =
  /(取得|交出|贡献|成势见效|迈出|迈上|初见成效|成效明显|成效显著|进展顺利|稳步推进|扎实推进|加快推进|深入推进|全面提速|蹄疾步稳)/;

// An ordinal before a designation (我省第6个…, 全国首个…): not part of the name, and not a count.
const ORDINAL = /^(我省|全省|我市|全市|全国|全球)?(第[0-9一二三四五六七八九十]+个|首个|首家)/;

// A grade, rank or range said of something (获评国家A级, 跻身全球第三大加油港, 纳入…保障范围),
// a place (扬子江城市群) rather than a designation.
// A numbered shorthand (三个高地, 五大基地) names a slogan, not one designation.
const NOT_DESIGNATION =
  /([A-Z]级|等次|范围|布局)$|第[0-9一二三四五六七八九十]+[大批]|前[0-9一二三四五六七八九十]+|^[一二两三四五六七八九十]+[个大项]/;
const ZONE_PLACE = /(城市群|都市圈|经济带)$/;
const TRAILING = /(创建名单|名单|名录|荣誉称号|称号|认证|建设工作|创建工作|创建|建设|任务|工作|目标|行列)$/;
const CLAUSE_END = /[，。；！？：]/;

export interface GoalDraft {
  name: string;
  action: string;
  start: number;
  end: number;
}

const COUNT = /\d+[个家所项处座]/;

// A ranking or a count said of something (…人数位居全国前列), not a designation.
const RANKING = /(位居|位列|排名|居全国|居全省|前列|人数|数量)/;

function isDesignation(name: string, context = name): boolean {
  if (name.length < 4 || name.length > 30) return false;
  if (NOT_DESIGNATION.test(name) || (ZONE_PLACE.test(name) && !/(世界级|国家级|全国|国际|一流)/.test(name)))
    return false;
  if (/参与|推动|支持|依托/.test(name)) return false;
  if (RANKING.test(name) || /^(一批|一大批|一系列|更多|若干|多个|各类)/.test(name)) return false;
  if (/[0-9０-９]/.test(name.replace(/\dA级/, ''))) return false;
  return SCOPE.test(name) || isStrong(name, context);
}

function cleanItem(raw: string): string {
  // 建设好…示范区 (好 completes the verb), 获批创建…试验区 (a second verb), 石化化工等…基地 (a scope),
  // but 某某高地等重大使命任务 (等 closes the list: the designation is before it).
  let s = raw.trim();
  // 建设好…, 获批创建…, 创建为…: a second verb, and the 好/为 that completes a verb, open the item.
  for (let i = 0; i < 2; i++)
    s = s
      .replace(/^[“”]?(的|和|及|与|好|为|成为|成)/, '')
      .replace(/^(创建|争创|创成|建设|打造|支持|助力|推动|推进|聚焦|国家级)(?=.{4})/, (v) => (v === '国家级' ? v : ''))
      .replace(ORDINAL, '')
      .replace(/^“([^“”]+)”$/, '$1');
  const closer = LIST_CLOSER.exec(s);
  if (closer && closer.index >= 4) s = s.slice(0, closer.index);
  s = s.replace(/^.*等(?=.{4})/, '');
  const de = s.lastIndexOf('的');
  if (de >= 0 && de < s.length - 4) s = s.slice(de + 1);
  for (let i = 0; i < 2; i++) s = s.replace(TRAILING, '');
  // An award is named from its scope on (我省首个制造业领域中国质量奖 → 中国质量奖).
  // …联合国“某某奖”: the quoted award is the name.
  const quoted = /“([^“”]{2,}奖)”$/.exec(s);
  if (quoted) s = quoted[1]!;
  if (/奖$/.test(s)) {
    const scoped = /(中国|国家|全国|世界|国际|全省|省)[\u4e00-\u9fa5]*奖$/.exec(s);
    if (scoped) s = scoped[0];
  }
  return s.trim();
}

// A designation named first, then won: …试点获批, …基地落地苏州, …中心落户浙江, …均实现“零”的突破.
const WON_AFTER =
  /(?:成功|正式)?(获批建设|获批实施|获批|获[\u4e00-\u9fa5]{0,3}批复|(?:在[\u4e00-\u9fa5]{1,4})?落地|(?:在[\u4e00-\u9fa5]{1,4})?落户|实现“零”的突破|实现“零的突破”|实现零的突破)/g;

function findWonAfter(p: string, out: GoalDraft[]) {
  WON_AFTER.lastIndex = 0;
  for (let m = WON_AFTER.exec(p); m; m = WON_AFTER.exec(p)) {
    let s = m.index;
    while (s > 0 && !CLAUSE_END.test(p[s - 1]!)) s--;
    const clause = p.slice(s, m.index).replace(/均$/, '');
    const lead =
      /^(推进|开展|推动|深化|抓好|做好|启动|加快|全力|积极|聚焦|支持|助力|争取)+/.exec(clause)?.[0].length ?? 0;
    const headStart = s + lead;
    const action = m[1]!.replace(/“|”/g, '').replace(/^在[\u4e00-\u9fa5]{1,4}(?=落)/, '');
    for (const item of splitItems(clause.slice(lead))) {
      if (COUNT.test(item.text.replace(ORDINAL, ''))) continue;
      const raw = item.text.replace(/^新一轮/, '');
      const name = cleanItem(raw);
      if (name.length < 4) continue;
      // Landing (落地, 落户) says a hub or a base came, not an institution (某某学会落户). The verb
      // of approval is evidence enough for a hub or a reform (…集结中心获批建设, …综合改革获批实施);
      // a short kind (政策试点获批) is not a designation.
      const ok =
        (name.length >= 6 || SCOPE.test(name)) &&
        (/^落/.test(action)
          ? isDesignation(name, raw) && isStrong(name, raw)
          : isDesignation(name, raw) ||
            (POSITION_SUFFIX.test(name) && !/^(一批|更多|各类)/.test(name)) ||
            (/^获批/.test(action) && /综合改革$/.test(name)));
      if (!ok) continue;
      const at = headStart + item.offset + item.text.indexOf(name);
      out.push({ name, action: action.startsWith('实现') ? '实现' : action, start: at, end: m.index + m[0].length });
    }
  }
}

/**
 * Items of a coordinated list: split at 、 always, at 和 only after a whole designation
 * (A示范区和B基地 is two, 特色装备和先进制造基地 is one).
 */
function splitItems(s: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const re = /[^、]+/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    let text = m[0];
    let offset = m.index;
    for (let k = text.indexOf('和'); k >= 0; k = text.indexOf('和', k + 1)) {
      if (k >= 4 && isStrong(cleanItem(text.slice(0, k)))) {
        out.push({ text: text.slice(0, k), offset });
        offset += k + 1;
        text = text.slice(k + 1);
        k = -1;
      }
    }
    out.push({ text, offset });
  }
  // 国家甲级、乙级智能工厂: a grade alone shares the noun of the run's last item (国家甲级智能工厂).
  const last = out.at(-1);
  const noun = last && out.length > 1 ? /级([\u4e00-\u9fa5]{2,8})$/.exec(last.text)?.[1] : undefined;
  if (noun) for (const item of out.slice(0, -1)) if (/级$/.test(item.text)) item.text += noun;
  return out;
}

/**
 * Finds the goals stated in one paragraph (offsets relative to it):
 * verb-first (力争创成全国文明城市; 打造A、B和C) and designation-first
 * (全国文明城市、国家生态园林城市创建稳步推进; 推进国家高新区、省级创新型县（市）创建).
 */
export function findGoals(p: string): GoalDraft[] {
  const out: GoalDraft[] = [];
  ACTION.lastIndex = 0;
  for (let m = ACTION.exec(p); m; m = ACTION.exec(p)) {
    // 荣获 read as 荣 + 获 is still 荣获.
    const action = m[0].endsWith('荣获') ? '荣获' : m[2]!;
    const from = m.index + m[0].length;
    let to = from;
    while (to < p.length && !CLAUSE_END.test(p[to]!)) to++;
    const rest = p.slice(from, to);
    const predicate = PREDICATE.exec(rest);
    const tail = predicate && predicate.index >= 4 ? rest.slice(0, predicate.index) : rest;
    // Counted designations (创建省级美丽乡村典型示范村3个) are indicators, not goals. In a counted
    // list (A、B2家…实验室; A基地、B高地…6个方面) only items named as designations are goals.
    // A count that closes the list (…6个方面重点方向) counts the items, not a designation.
    const closer = LIST_CLOSER.exec(tail);
    const counted = COUNT.test(closer ? tail.slice(0, closer.index) : tail);
    // 建设一批A、B、C: a list opened by a class word names kinds, every item of it.
    const kinds = /^(一批|一大批|一系列|更多|各类|若干)/.test(tail);
    for (const item of kinds ? [] : splitItems(tail)) {
      const listed = item.text.replace(LIST_CLOSER, '').replace(ORDINAL, '');
      if (/^[\u4e00-\u9fa5“”（）()A-Z0-9]*?\d/.test(listed) && COUNT.test(listed)) continue;
      const name = cleanItem(item.text);
      const honour = HONOUR_ACTION.has(action) && name.length >= 5 && HOLDER_KIND.test(name) && !RANKING.test(name);
      if (!isDesignation(name, item.text) && !honour) continue;
      if ((counted || WEAK_ACTION.has(action)) && !isStrong(name, item.text)) continue;
      // 获 alone takes only an award or a titled honour (获“六连优” is a rating).
      if ((action === '获' || action === '双获') && !/(奖|城市|遗产)$/.test(name)) continue;
      const at = from + item.offset + item.text.indexOf(name);
      out.push({ name, action, start: m.index, end: at + name.length });
    }
    // Designation-first: the list before 创建 / 建设 in the same clause.
    if (
      (action === '创建' || action === '建设') &&
      (from >= p.length ||
        /^(稳步|有序|扎实|取得|工作|进展|顺利|加快|结出|展现|迈出|迈上|实现|成效|深入|全面|，|。|；)/.test(
          p.slice(from, from + 2),
        ))
    ) {
      let s = m.index;
      while (s > 0 && !CLAUSE_END.test(p[s - 1]!)) s--;
      const head = p
        .slice(s, m.index)
        .replace(/^.*?(推进|开展|推动|深化|抓好|做好|启动|加快|全力|积极|聚焦|支持|助力|服务|统筹|加强|完善)/, '');
      const headStart = m.index - head.length;
      for (const item of splitItems(head)) {
        const name = cleanItem(item.text);
        if (!isDesignation(name) || (action === '建设' && !isStrong(name))) continue;
        out.push({ name, action, start: headStart + item.offset, end: m.index + m[0].length });
      }
    }
  }
  findWonAfter(p, out);
  return out;
}

/** Goals of the whole report: one per (name, kind), later statements kept as occurrences. */
export function extractGoals(
  paragraphs: Paragraph[],
  text: string,
  index: SectionIndex,
  gid: (s: string) => string,
): Goal[] {
  const goals = new Map<string, Goal>();
  for (const p of paragraphs) {
    for (const d of findGoals(p.text)) {
      const start = p.start + d.start;
      const end = p.start + d.end;
      const sectionId = gid((index.at(start) ?? p.section).id);
      const key = `${d.name.replace(/[“”]/g, '')}|${p.kindYear.kind}`;
      const existing = goals.get(key);
      if (existing) {
        existing.occurrences.push({ sectionId, action: d.action, start, end });
        continue;
      }
      goals.set(key, {
        id: gid(`G${String(goals.size + 1).padStart(3, '0')}`),
        sectionId,
        kind: p.kindYear.kind,
        year: p.kindYear.year,
        name: d.name,
        action: d.action,
        text: text.slice(start, end),
        start,
        end,
        occurrences: [],
      });
    }
  }
  return [...goals.values()];
}

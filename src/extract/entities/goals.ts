import type { Goal } from '#domain/report-graph.ts';
import type { Paragraph } from '../outline/paragraphs.ts';
import type { SectionIndex } from '../outline/section-index.ts';

// Designations a report sets out to win or reports as won: titles (全国文明城市), list
// memberships (全国县域经济百强), zones and bases (全省服装电商产业基地).

/** Verbs, longest first; the action kept is the core verb (力争创成 → 创成). */
const ACTION =
  /(成功|力争|争取|加快|全力|积极|再次|首次|荣|被)?(创成|争创|创建|打造|获评|评为|入选|获批|跻身|重返|纳入|列入|注册|命名为|建设|建成|获得|授予|摘得|荣获|申建|成为|争取)/g;
const SCOPE =
  /^(全国|全省|全市|国家级|国家|省级以上|省级|省|部级|市级|中国|世界|国际|全球|亚洲|首批|[\u4e00-\u9fa5]{2,3}(省|地区))/;
const STRONG_SUFFIX =
  /(示范区|示范市|示范县|示范镇|示范村镇|示范村|示范社区|示范点|示范基地|示范城市|先行区|先导区|试验区|实验区|试点市|试点县|之乡|之城|之都|名村|名镇|名城|百强|基地|高地|强县|强市|强省|文明城市|园林城市|卫生城市|森林城市|节水型城市|宜居城市|高新区|自贸区|城市群|中心城市|先进市|先进县|示范市（县）|示范项目|试点|桥头堡|策源地|屏障|样板区|引领区|核心区|承载区)$/;
// Positionings whose head alone is a kind of facility (分拣中心, 交通枢纽): a goal only with a
// scope or a rank in the name (区域科技创新中心, 国际性综合交通枢纽, 重要节点).
const POSITION_SUFFIX = /(中心|枢纽|门户|走廊|节点|重点城市|中心城市)$/;
const POSITION_SCOPE = /(国际|全国|全球|区域|国家|重要|世界|综合性|影响力|核心|战略)/;
// Verbs that also take works and plain objects (建设分拣中心, 争取资金): the name needs a strong suffix.
const WEAK_ACTION = new Set(['建设', '建成', '打造', '获得', '成为', '争取']);
// 6个方面重点方向, 等重大使命任务: a closing word for the items just listed.
const LIST_CLOSER =
  /(等)?([0-9]+|[一二三四五六七八九十两]+)?(个|大|项)?(方面|领域|重点方向|方向|使命任务|重大使命任务|任务|目标)[\u4e00-\u9fa5]{0,4}$/;

function isStrong(name: string): boolean {
  return STRONG_SUFFIX.test(name) || (POSITION_SUFFIX.test(name) && POSITION_SCOPE.test(name));
}
const TRAILING = /(创建名单|名单|荣誉称号|称号|建设工作|创建工作|创建|建设|任务|工作|目标|行列)$/;
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

function isDesignation(name: string): boolean {
  if (name.length < 4 || name.length > 30) return false;
  if (/参与|推动|支持|依托/.test(name)) return false;
  if (RANKING.test(name) || /^(一批|一大批|一系列|更多|若干|多个|各类)/.test(name)) return false;
  if (/[0-9０-９]/.test(name.replace(/\dA级/, ''))) return false;
  return SCOPE.test(name) || isStrong(name);
}

function cleanItem(raw: string): string {
  // 建设好…示范区 (好 completes the verb), 获批创建…试验区 (a second verb), 石化化工等…基地 (a scope),
  // but 某某高地等重大使命任务 (等 closes the list: the designation is before it).
  let s = raw
    .trim()
    .replace(/^[“”]?(的|和|及|与|好|成为|成)/, '')
    .replace(/^(创建|争创|创成|建设|打造|支持|助力|推动|推进|聚焦|国家级)(?=.{4})/, (v) => (v === '国家级' ? v : ''));
  const closer = LIST_CLOSER.exec(s);
  if (closer && closer.index >= 4) s = s.slice(0, closer.index);
  s = s.replace(/^.*等(?=.{4})/, '');
  const de = s.lastIndexOf('的');
  if (de >= 0 && de < s.length - 3) s = s.slice(de + 1);
  for (let i = 0; i < 2; i++) s = s.replace(TRAILING, '');
  return s.trim();
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
    const action = m[2]!;
    const from = m.index + m[0].length;
    let to = from;
    while (to < p.length && !CLAUSE_END.test(p[to]!)) to++;
    const tail = p.slice(from, to);
    // Counted designations (创建省级美丽乡村典型示范村3个) are indicators, not goals. In a counted
    // list (A、B2家…实验室; A基地、B高地…6个方面) only items named as designations are goals.
    // A count that closes the list (…6个方面重点方向) counts the items, not a designation.
    const closer = LIST_CLOSER.exec(tail);
    const counted = COUNT.test(closer ? tail.slice(0, closer.index) : tail);
    for (const item of splitItems(tail)) {
      const listed = item.text.replace(LIST_CLOSER, '');
      if (/^[\u4e00-\u9fa5“”（）()A-Z0-9]*?\d/.test(listed) && COUNT.test(listed)) continue;
      const name = cleanItem(item.text.replace(/^(国家级|国家|省级|全国|全省)?[\u4e00-\u9fa5]{0,3}(等)?$/, (x) => x));
      if (!isDesignation(name)) continue;
      if ((counted || WEAK_ACTION.has(action)) && !isStrong(name)) continue;
      const at = from + item.offset + item.text.indexOf(name);
      out.push({ name, action, start: m.index, end: at + name.length });
    }
    // Designation-first: the list before 创建 / 建设 in the same clause.
    if (
      (action === '创建' || action === '建设') &&
      (from >= p.length || /^(稳步|有序|扎实|取得|工作|进展|顺利|加快|，|。|；)/.test(p.slice(from, from + 2)))
    ) {
      let s = m.index;
      while (s > 0 && !CLAUSE_END.test(p[s - 1]!)) s--;
      const head = p
        .slice(s, m.index)
        .replace(/^.*?(推进|开展|推动|深化|抓好|做好|启动|加快|全力|积极|聚焦|支持|助力|服务)/, '');
      const headStart = m.index - head.length;
      for (const item of splitItems(head)) {
        const name = cleanItem(item.text);
        if (!isDesignation(name) || (action === '建设' && !isStrong(name))) continue;
        out.push({ name, action, start: headStart + item.offset, end: m.index + m[0].length });
      }
    }
  }
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

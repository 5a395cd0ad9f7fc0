import { LEAD_VERBS, OPENING_WORDS, classifyListCategory, type ListKind } from './name-patterns.ts';

/** One item of an enumerated list (A、B等…项目), with offsets relative to the searched text. */
export interface ListItem {
  name: string;
  start: number;
  end: number;
  kind: ListKind;
  /** The category noun after 等 (重大项目, 上市公司, 湖泊). */
  category: string;
  /** The shared head of an abbreviated list of works (甲乙、丙丁等3条高速公路 → 高速公路). */
  head?: string;
  /** How an item named from the item before it is written (某某配置一期、二期 → 二期). */
  written?: string;
}

const CLAUSE_END = /[，。；！？：,;]/;
// The list is A、B(、C)等 followed by an optional count and the category noun phrase.
const LIST =
  /([^，。；！？：、等]{1,24}(?:、[^，。；！？：、等]{1,20})*)等(?:[0-9一二三四五六七八九十百]+[个家所座项条处])?([^，。；！？：、]{0,14}?)(项目|工程|企业|公司|上市公司|平台|机构|湖泊|乡镇|学校|单位|集团|景区|设施)/g;

// An abbreviated list of works that share their head: 甲乙、丙丁等3条高速公路, 某山、某城等国家考古遗址公园.
const HEADS =
  '(国家考古遗址公园|国家文化公园|高速公路|高速|高铁|城际铁路|城际|铁路|机场|水电站|电站|水库|煤矿|通道|港口|码头|大桥|隧道|船闸|灌区|新线)';
// Heads that say what the items are without being part of their names: 甲乙、丙丁等新线 → 甲乙.
const NAMELESS_HEAD = /^新线$/;
const CLOSING = `等(?:[0-9一二三四五六七八九十百]+[条个座处])?${HEADS}`;
const HEAD_LIST = new RegExp(`([^，。；！？：、等]{1,16}(?:、[^，。；！？：、等]{1,12}){1,30})${CLOSING}`, 'g');
// The list pattern is costly on a long 、 run: a paragraph without its closing 等 + head is skipped.
const HAS_CLOSING = new RegExp(CLOSING);
// Words that make an item a kind, not a name (一批机场, 新建机场): such a list is not abbreviated names.
// The same without 等: a run of short names whose last one carries the head (甲、乙、丙丁大型水库,
// 甲乙、丙丁水电站). The head must be a kind of facility, so a run of sectors (新能源、新材料产业园) is not read.
const SHARED_TAIL =
  /(?:^|[，。；：])(?:建成|开工建设|建设|推进|加快)?((?:[\u4e00-\u9fa5]{2,4}、){1,8})([\u4e00-\u9fa5]{2,4}?)((?:大型|中型)?(?:水库|水电站|灌区|高速公路|铁路|高铁|机场|国家文化公园))(?=[，。；、等建开投项]|$)/g;
const KIND_ITEM =
  /(一批|重点|重大|新建|各类|相关|城市|城际|农村|普通|支线|干线|国家|省级|跨|高|改造|建设|提升|项目|工程)/;
const PHASE = /^[一二三四五六七八九十]+期/;
const PHASE_END = /[一二三四五六七八九十]+期$/;

/** 某某配置一期、二期: a bare phase takes the name of the item before it (某某配置二期). */
function withPhaseHead(items: string[]): string[] {
  return items.map((raw, i) => {
    const prev = items[i - 1]?.replace(LEAD_VERBS, '');
    return PHASE.test(raw) && prev && PHASE_END.test(prev) ? prev.replace(PHASE_END, '') + raw : raw;
  });
}

/**
 * Finds abbreviated lists of works with a shared head (甲乙、丙丁和戊己扩容等17条高速公路): each item is a
 * work, and `head` is what it is (甲乙 → 甲乙高速公路).
 */
export function findHeadLists(p: string): ListItem[] {
  const out: ListItem[] = [];
  for (const m of HAS_CLOSING.test(p) ? p.matchAll(HEAD_LIST) : []) {
    const head = m[2]!;
    const raw = m[1]!;
    // 甲乙和丙丁扩容: two short names joined by 和 are two items (so 和 is not cut as a lead word).
    const items = raw.split('、');
    const lead = LEAD_VERBS.exec(items[0]!);
    const leadLength = lead && !/和$/.test(lead[0]) ? lead[0].length : 0;
    const opening = OPENING_WORDS.exec(items[0]!.slice(leadLength))?.[0].length ?? 0;
    items[0] = items[0]!.slice(leadLength + opening);
    const parts = items.flatMap((x) => (/^[\u4e00-\u9fa5]{2,4}和[\u4e00-\u9fa5]{2,6}$/.test(x) ? x.split('和') : [x]));
    if (parts.some((x) => x.length < 2 || x.length > 10 || KIND_ITEM.test(x.replace(/扩容|扩建|改扩建$/, ''))))
      continue;
    let at = m.index + leadLength + opening;
    for (const name of parts) {
      const start = p.indexOf(name, at);
      out.push({
        name,
        start,
        end: start + name.length,
        kind: 'project',
        category: head,
        head: NAMELESS_HEAD.test(head) ? '' : head,
      });
      at = start + name.length;
    }
  }
  for (const m of p.matchAll(SHARED_TAIL)) {
    const head = m[3]!;
    const items = m[1]!.split('、').filter(Boolean);
    if (items.some((x) => KIND_ITEM.test(x)) || KIND_ITEM.test(m[2]!)) continue;
    let at = m.index + m[0].indexOf(m[1]!);
    for (const name of items) {
      out.push({ name, start: at, end: at + name.length, kind: 'project', category: head, head });
      at += name.length + 1;
    }
  }
  return out;
}

/**
 * Finds enumerated lists closed by 等 and a category noun: 引进中国节能、兴发集团等上市公司,
 * 谋划实施A、B、C等重大项目, 全面完成肖严湖、龙骨湖等13个湖泊. The first item starts after the
 * clause's last lead verb (引进, 实施 …) so that 成功引进中国节能 gives 中国节能.
 */
export function findLists(p: string): ListItem[] {
  const out: ListItem[] = [];
  LIST.lastIndex = 0;
  for (let m = LIST.exec(p); m; m = LIST.exec(p)) {
    const body = m[1]!;
    const category = `${m[2] ?? ''}${m[3]}`;
    const kind = classifyListCategory(category);
    const parts = body.split('、');
    const named = withPhaseHead(parts);
    let offset = m.index;
    parts.forEach((raw, i) => {
      let name = named[i]!;
      let start = offset;
      if (i === 0) {
        const lead = LEAD_VERBS.exec(name);
        if (lead) {
          start += lead[0].length;
          name = name.slice(lead[0].length);
        }
      }
      const opening = OPENING_WORDS.exec(name)?.[0].length ?? 0;
      start += opening;
      const trimmed = name.slice(opening).trim();
      if (trimmed.length >= 2 && trimmed.length <= 20 && !CLAUSE_END.test(trimmed)) {
        const written = named[i] !== raw ? PHASE.exec(raw)?.[0] : undefined;
        out.push({
          name: trimmed,
          start,
          end: start + trimmed.length,
          kind,
          category,
          ...(written ? { written } : {}),
        });
      }
      offset += raw.length + 1;
    });
  }
  return out;
}

import { LEAD_VERBS, OPENING_WORDS, classifyListCategory, type ListKind } from './name-patterns.ts';

/** One item of an enumerated list (A、B等…项目), with offsets relative to the searched text. */
export interface ListItem {
  name: string;
  start: number;
  end: number;
  kind: ListKind;
  /** The category noun after 等 (重大项目, 上市公司, 湖泊). */
  category: string;
}

const CLAUSE_END = /[，。；！？：,;]/;
// The list is A、B(、C)等 followed by an optional count and the category noun phrase.
const LIST =
  /([^，。；！？：、等]{1,24}(?:、[^，。；！？：、等]{1,20})*)等(?:[0-9一二三四五六七八九十百]+[个家所座项条处])?([^，。；！？：、]{0,14}?)(项目|工程|企业|公司|上市公司|平台|机构|湖泊|乡镇|学校|单位|集团|景区|设施)/g;

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
    let offset = m.index;
    parts.forEach((raw, i) => {
      let name = raw;
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
        out.push({ name: trimmed, start, end: start + trimmed.length, kind, category });
      }
      offset += raw.length + 1;
    });
  }
  return out;
}

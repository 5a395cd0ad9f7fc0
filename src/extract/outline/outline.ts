import { AppError } from '#errors/app-error.ts';
import { APPENDIX, TRAILER, isClutterLine, splitLines, type Line } from './lines.ts';
import { isLeadSentence, isStandaloneHeading, parallelLeads } from './leads.ts';

/** A section before ids are made global: ids here are local outline paths (S1, S1.2.3). */
export interface OutlineSection {
  id: string;
  parentId: string | null;
  level: number;
  marker: string | null;
  title: string;
  part: 'body' | 'appendix';
  start: number;
  end: number;
}

export interface Outline {
  sections: OutlineSection[];
  /** Non-clutter lines of the report proper, from the salutation (各位代表) to the appendices. */
  body: Line[];
  /** The header lines before the body: title, date/meeting line, speaker. */
  header: Line[];
  /** Non-clutter lines of the appendices (附件…, 名词解释), their headings included. */
  appendix: Line[];
  bodyStart: number;
  bodyEnd: number;
}

const CN = '一二三四五六七八九十';
const PART = new RegExp(`^([${CN}]+)、(.{1,48})$`);
const CHAPTER = new RegExp(`^[（(]\\s*([${CN}]+)\\s*[）)]`);
const ENUM_LEAD = new RegExp(`^([${CN}]+)是`);
// gansu-style parts without 一、: "“十四五”时期工作回顾", "2026年重点工作".
const UNMARKED_PART =
  /(工作回顾|发展成就|主要目标任务|目标任务|重点工作|工作安排|主要任务|自身建设|总体要求|总体思路)$/;
const SALUTATION = /^各位代表[：:！!，,]/;
// Paragraphs that speak to the whole part, closing any chapter before them (各位代表！过去一年…).
const PART_LEVEL_PARAGRAPH = /^(各位代表|我们将|我们要)/;
// Paragraphs that open a new time frame of the review (刚刚过去的2025年，… / 五年来，…): they belong
// to the part, so the chapter before them ends, but topic leads may follow them.
const TIME_FRAME_PARAGRAPH = /^(刚刚过去的|过去的?一年|一年来|五年来|过去五年)/;
// ——经济运行稳中有进。…: a dash item of a review, a level-2 section of its own paragraph.
const DASH_ITEM = /^[—―－-]{2}\s*/;

function isMarkedPart(line: Line): boolean {
  const m = PART.exec(line.content);
  return m !== null && !/[。；]./.test(m[2]!);
}

function isUnmarkedPart(line: Line): boolean {
  return line.content.length <= 30 && !/[。，；：！？]/.test(line.content) && UNMARKED_PART.test(line.content);
}

/** Joins two lines into one paragraph, keeping offsets: the line break becomes spaces of its width. */
function joinLines(a: Line, b: Line): Line {
  return { index: a.index, content: a.content + ' '.repeat(b.start - a.end) + b.content, start: a.start, end: b.end };
}

// Fragments that cannot start a paragraph: a web page broke a line at a bold or subscript run
// (…发展的 / 主要目标 / 是：…, 绿地率 / 2.5 / 年平均浓度…).
const CONTINUATION = /^(是[：:]|[，。、；：,;:）)])|^[0-9.]+$/;

/**
 * Mends lines a web page broke: a chapter marker split over two lines ("（" / "三）改革开放…"), a
 * line ending in 的, and fragments that cannot start a paragraph (是：…, a bare number).
 */
function mendBrokenLines(lines: Line[]): Line[] {
  const out: Line[] = [];
  let afterNumber = false; // the last line joined was a bare number: what follows continues it
  for (const line of lines) {
    const last = out.at(-1);
    const brokenMarker =
      last !== undefined && /^[（(]$/.test(last.content) && new RegExp(`^[${CN}]+[）)]`).test(line.content);
    const broken: boolean =
      last !== undefined &&
      !/[。！？；：]$/.test(last.content) &&
      (afterNumber || /的$/.test(last.content) || CONTINUATION.test(line.content));
    afterNumber = broken && /^[0-9.]+$/.test(line.content);
    if (last !== undefined && (brokenMarker || broken)) out[out.length - 1] = joinLines(last, line);
    else out.push(line);
  }
  return out;
}

/** Finds where the report proper begins and ends, and where appendices start. */
function findBody(lines: Line[]) {
  let startIdx = lines.findIndex((l) => SALUTATION.test(l.content));
  if (startIdx < 0) startIdx = lines.findIndex((l) => isMarkedPart(l));
  if (startIdx < 0) {
    throw new AppError(
      'no recognisable report structure: neither a salutation (各位代表) nor part headings (一、…) were found',
      'NOT_A_REPORT',
    );
  }
  let endIdx = lines.findIndex((l, i) => i > startIdx && TRAILER.test(l.content));
  if (endIdx < 0) endIdx = lines.length;
  let appendixIdx = lines.findIndex((l, i) => i > startIdx && i < endIdx && APPENDIX.test(l.content));
  if (appendixIdx < 0) appendixIdx = endIdx;
  return { startIdx, endIdx, appendixIdx };
}

/**
 * Builds the report's outline: parts (一、 or unmarked part headings), chapters （一）
 * including inline ones, level-3 lead phrases opening a paragraph, and level-4 lead phrases
 * inside one; appendices (附件, 名词解释) are separate level-1 sections with part "appendix".
 * @throws AppError NOT_A_REPORT when no structure is found at all.
 */
export function parseOutline(text: string): Outline {
  const all = splitLines(text);
  const { startIdx, endIdx, appendixIdx } = findBody(all);
  const header = all.slice(0, startIdx).filter((l) => !isClutterLine(l.content));
  const body = mendBrokenLines(all.slice(startIdx, appendixIdx).filter((l) => !isClutterLine(l.content)));
  const bodyEnd = body.at(-1)?.end ?? all[startIdx]!.end;
  const builder = createBuilder();
  const markedParts = body.filter(isMarkedPart).length;
  const isPart = (l: Line) => (markedParts >= 2 ? isMarkedPart(l) : isMarkedPart(l) || isUnmarkedPart(l));
  const partHasChapters = new Map<number, boolean>();
  let currentPart = -1;
  for (const line of body) {
    if (isPart(line)) currentPart = line.index;
    else if (CHAPTER.test(line.content)) partHasChapters.set(currentPart, true);
  }

  const framed = framedLeads(body, isPart);

  currentPart = -1;
  // After a part-level paragraph (各位代表！过去一年…) the part is closing: lead-like sentences
  // there are rhetoric, not topics, until the next chapter or part heading.
  let closing = false;
  body.forEach((line, i) => {
    const c = line.content;
    if (isPart(line)) {
      currentPart = line.index;
      closing = false;
      const m = PART.exec(c);
      builder.open(1, m ? `${m[1]}、` : null, m ? m[2]!.trim() : c, line.start);
      return;
    }
    if (!builder.hasPart()) return; // salutation and opening words
    const hasChapters = partHasChapters.get(currentPart) === true;
    const chapter = CHAPTER.exec(c);
    if (chapter) {
      closing = false;
      const rest = c.slice(chapter[0].length);
      const lead = /^[^。]*。/.exec(rest)?.[0];
      builder.open(2, `（${chapter[1]}）`, lead && lead.length < rest.length ? lead : rest, line.start);
      addLevel4(builder, line, chapter[0].length + (lead?.length ?? rest.length), true);
      return;
    }
    const dash = DASH_ITEM.exec(c);
    if (dash) {
      const title = /^[^。！]*[。！]/.exec(c.slice(dash[0].length))?.[0] ?? c.slice(dash[0].length);
      if (title.length > 0) {
        builder.open(2, '——', title, line.start);
        builder.closeTo(1, line.end); // one paragraph: what follows belongs to the part again
        return;
      }
    }
    const enumLead = ENUM_LEAD.exec(c);
    if (enumLead) {
      const lead = /^[^。！]*[。！]/.exec(c)?.[0] ?? c;
      builder.open(hasChapters ? 3 : 2, `${enumLead[1]}是`, lead.slice(enumLead[0].length), line.start);
      addLevel4(builder, line, lead.length);
      return;
    }
    const framedLead = framed.get(i);
    if (framedLead) {
      builder.open(3, null, framedLead, line.start);
      closing = false;
      return;
    }
    if (PART_LEVEL_PARAGRAPH.test(c)) {
      builder.closeTo(1, line.start);
      closing = true;
      return;
    }
    if (TIME_FRAME_PARAGRAPH.test(c)) {
      builder.closeTo(1, line.start);
      closing = false;
      return;
    }
    if (closing) return;
    const next = body[i + 1];
    if (isStandaloneHeading(c) && next && !isPart(next) && !CHAPTER.test(next.content)) {
      // A one-sentence line straight after a heading introduces it (不负人民重托，…服务型政府。).
      if (/[，,]/.test(c) && i > 0 && isBareHeading(body[i - 1]!, isPart)) return;
      builder.open(hasChapters ? 3 : 2, null, c, line.start);
      return;
    }
    const first = /^[^。]*。/.exec(c)?.[0];
    if (first && first.length < c.length && isLeadSentence(first)) {
      builder.open(3, null, first, line.start);
      addLevel4(builder, line, first.length);
    }
  });
  builder.closeTo(0, bodyEnd);

  const appendix = all.slice(appendixIdx, endIdx).filter((l) => !isClutterLine(l.content));
  appendix.forEach((line) => {
    if (APPENDIX.test(line.content)) builder.openAppendix(line.content, line.start);
  });
  builder.closeAppendix(appendix.at(-1)?.end ?? bodyEnd);
  return { sections: builder.sections, body, header, appendix, bodyStart: all[startIdx]!.start, bodyEnd };
}

// A time frame opening a topic lead: 这五年，某某扎实推进，某某跃上新台阶。
const FRAMED_LEAD = /^(这五年|五年来|过去五年|这一年|一年来)[，,]([^。！]*[。！])/;

/**
 * Paragraphs of a part that open, three or more in a row of the same part, with the same time frame
 * and a topic lead (这五年，高质量发展扎实推进，经济实力跃上新台阶。… 这五年，民生保障扎实稳固…。):
 * a parallel series of level-3 leads, titled with the frame. One such paragraph alone frames, it
 * heads nothing. Returns the body index of each and its title.
 */
function framedLeads(body: Line[], isPart: (l: Line) => boolean): Map<number, string> {
  const groups = new Map<string, { index: number; title: string }[]>();
  let part = -1;
  body.forEach((line, i) => {
    if (isPart(line)) part = i;
    const m = FRAMED_LEAD.exec(line.content);
    if (!m || m[0].length >= line.content.length || !isFramedTopic(m[2]!)) return;
    const key = `${part}/${m[1]}`;
    groups.set(key, [...(groups.get(key) ?? []), { index: i, title: m[0] }]);
  });
  const out = new Map<number, string>();
  for (const group of groups.values()) if (group.length >= 3) for (const g of group) out.set(g.index, g.title);
  return out;
}

/** The topic after a time frame: short, no figures, one clause or two (雄安新区拔节生长，京津冀协同发展成果丰硕). */
function isFramedTopic(sentence: string): boolean {
  const body = sentence.replace(/[。！]$/, '');
  return body.length >= 4 && body.length <= 24 && !/[；;：:？0-9]/.test(body) && body.split(/[，,]/).length <= 2;
}

/** A heading line with no text of its own: a part, or a chapter written as a whole line. */
function isBareHeading(line: Line, isPart: (l: Line) => boolean): boolean {
  if (isPart(line)) return true;
  const chapter = CHAPTER.exec(line.content);
  return chapter !== null && !/。./.test(line.content.slice(chapter[0].length));
}

/**
 * Level-4 lead phrases: a run of short parallel sentences inside one paragraph (推动交通运输一体化。…);
 * in a chapter's own paragraph also the leads that take up the items its opening enumerates.
 */
function addLevel4(builder: Builder, line: Line, afterLead: number, chapter = false): void {
  for (const lead of parallelLeads(line.content, afterLead, chapter))
    builder.open(4, null, lead.title, line.start + lead.offset);
}

type Builder = ReturnType<typeof createBuilder>;

function createBuilder() {
  const sections: OutlineSection[] = [];
  const open: OutlineSection[] = [];
  const children = new Map<string | null, number>();
  let appendixCount = 0;
  const closeTo = (level: number, at: number) => {
    while (open.length > 0 && open.at(-1)!.level > level) open.pop()!.end = at;
  };
  return {
    sections,
    hasPart: () => open.length > 0,
    closeTo,
    /**
     * Opens a section at the level asked for; a level can be skipped (a lead phrase straight
     * under a part is level 3 with the part as parent). Ids are outline paths: the parent's id and
     * the section's place among its parent's children.
     */
    open(level: number, marker: string | null, title: string, start: number) {
      closeTo(level - 1, start);
      const parent = open.at(-1) ?? null;
      const n = (children.get(parent?.id ?? null) ?? 0) + 1;
      children.set(parent?.id ?? null, n);
      const section: OutlineSection = {
        id: parent ? `${parent.id}.${n}` : `S${n}`,
        parentId: parent?.id ?? null,
        level: parent ? level : 1,
        marker,
        title,
        part: 'body',
        start,
        end: start,
      };
      sections.push(section);
      open.push(section);
    },
    openAppendix(title: string, start: number) {
      this.closeAppendix(start);
      appendixCount += 1;
      const section: OutlineSection = {
        id: `A${appendixCount}`,
        parentId: null,
        level: 1,
        marker: null,
        title,
        part: 'appendix',
        start,
        end: start,
      };
      sections.push(section);
      open.push(section);
    },
    closeAppendix(at: number) {
      closeTo(0, at);
    },
  };
}

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

function isMarkedPart(line: Line): boolean {
  const m = PART.exec(line.content);
  return m !== null && !/[。；]./.test(m[2]!);
}

function isUnmarkedPart(line: Line): boolean {
  return line.content.length <= 30 && !/[。，；：！？]/.test(line.content) && UNMARKED_PART.test(line.content);
}

/** Joins a chapter marker broken over two lines ("（" / "三）改革开放…") into one line. */
function mendBrokenMarkers(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if ((line.content === '（' || line.content === '(') && next && new RegExp(`^[${CN}]+[）)]`).test(next.content)) {
      out.push({ index: line.index, content: `（${next.content}`, start: line.start, end: next.end });
      i++;
    } else out.push(line);
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
  const body = mendBrokenMarkers(all.slice(startIdx, appendixIdx).filter((l) => !isClutterLine(l.content)));
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
    const chapter = CHAPTER.exec(c);
    if (chapter) {
      closing = false;
      const rest = c.slice(chapter[0].length);
      const lead = /^[^。]*。/.exec(rest)?.[0];
      builder.open(2, `（${chapter[1]}）`, lead && lead.length < rest.length ? lead : rest, line.start);
      return;
    }
    const enumLead = ENUM_LEAD.exec(c);
    if (enumLead) {
      const lead = /^[^。！]*[。！]/.exec(c)?.[0] ?? c;
      const level = partHasChapters.get(currentPart) ? 3 : 2;
      builder.open(level, `${enumLead[1]}是`, lead.slice(enumLead[0].length), line.start);
      addLevel4(builder, line, lead.length);
      return;
    }
    if (PART_LEVEL_PARAGRAPH.test(c)) {
      builder.closeTo(1, line.start);
      closing = true;
      return;
    }
    if (closing) return;
    const next = body[i + 1];
    if (isStandaloneHeading(c) && next && !isPart(next) && !CHAPTER.test(next.content)) {
      builder.open(3, null, c, line.start);
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
  return { sections: builder.sections, body, header, bodyStart: all[startIdx]!.start, bodyEnd };
}

/** Level-4 lead phrases: a run of short parallel sentences inside one paragraph (推动交通运输一体化。…). */
function addLevel4(builder: Builder, line: Line, afterLead: number): void {
  for (const lead of parallelLeads(line.content, afterLead))
    builder.open(4, null, lead.title, line.start + lead.offset);
}

type Builder = ReturnType<typeof createBuilder>;

function createBuilder() {
  const sections: OutlineSection[] = [];
  // Each open section with the level it was asked for: a lead phrase straight under a part is
  // stored at level 2 but must still close when the next lead phrase (level 3) opens.
  const open: (OutlineSection & { requested: number })[] = [];
  const counters: number[] = [0, 0, 0, 0, 0];
  let appendixCount = 0;
  const closeTo = (level: number, at: number) => {
    while (open.length > 0 && open.at(-1)!.requested > level) {
      const { requested: _requested, ...section } = open.pop()!;
      sections[sections.findIndex((s) => s.id === section.id)]!.end = at;
    }
  };
  return {
    sections,
    hasPart: () => open.length > 0,
    closeTo,
    open(level: number, marker: string | null, title: string, start: number) {
      closeTo(level - 1, start);
      const parent = open.at(-1) ?? null;
      // A level can be skipped (a lead phrase straight under a part): ids follow the parent.
      const effectiveLevel = parent ? Math.min(level, parent.level + 1) : 1;
      counters[effectiveLevel] = (counters[effectiveLevel] ?? 0) + 1;
      for (let l = effectiveLevel + 1; l < counters.length; l++) counters[l] = 0;
      const id = parent ? `${parent.id}.${counters[effectiveLevel]}` : `S${counters[1]}`;
      const section: OutlineSection = {
        id,
        parentId: parent?.id ?? null,
        level: effectiveLevel,
        marker,
        title,
        part: 'body',
        start,
        end: start,
      };
      sections.push(section);
      open.push({ ...section, requested: level });
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
      open.push({ ...section, requested: 1 });
    },
    closeAppendix(at: number) {
      closeTo(0, at);
    },
  };
}

import type { Line } from './lines.ts';
import type { Outline, OutlineSection } from './outline.ts';
import { classifyPart, kindYearFor, type KindYear, type Phase, type YearContext } from './phases.ts';
import type { SectionIndex } from './section-index.ts';

/** A paragraph of the report proper, with the context that decides what its figures mean. */
export interface Paragraph {
  text: string;
  start: number;
  end: number;
  section: OutlineSection;
  part: OutlineSection;
  phase: Phase;
  kindYear: KindYear;
}

/**
 * Walks the body paragraphs inside parts (skipping the salutation and opening words), deciding
 * for each the kind and year of what it states; a five-year cue (这五年…) carries over to the
 * following paragraphs of the same chapter until a one-year cue (2025年…) replaces it.
 */
export function walkParagraphs(outline: Outline, index: SectionIndex, years: YearContext): Paragraph[] {
  const out: Paragraph[] = [];
  let fiveYear = false;
  let lastPart: string | null = null;
  let lastChapter: string | null = null;
  for (const line of outline.body as Line[]) {
    const section = index.at(line.start);
    const part = index.partAt(line.start);
    if (!section || !part || part.part !== 'body') continue;
    const phase = classifyPart(part.title);
    const chapter = section.level >= 2 ? section.id.split('.').slice(0, 2).join('.') : part.id;
    if (part.id !== lastPart) fiveYear = /十[三四]五|五年/.test(part.title) && !/(19|20)\d\d年/.test(part.title);
    else if (chapter !== lastChapter && section.level === 2 && section.start === line.start)
      fiveYear = fiveYear && false;
    lastPart = part.id;
    lastChapter = chapter;
    const ky = kindYearFor(phase, part.title, line.content, years, fiveYear);
    fiveYear = ky.fiveYear;
    const { fiveYear: _f, ...kindYear } = ky;
    out.push({ text: line.content, start: line.start, end: line.end, section, part, phase, kindYear });
  }
  return out;
}

import type { Line } from './lines.ts';
import type { Outline, OutlineSection } from './outline.ts';
import { classifyPart, kindYearFor, planNameFor, type KindYear, type Phase, type YearContext } from './phases.ts';
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
 * for each the kind and year of what it states; a five-year cue (这五年…, …的五年) carries over to
 * the following paragraphs of the part until a one-year cue (刚刚过去的2025年…) replaces it.
 */
export function walkParagraphs(outline: Outline, index: SectionIndex, years: YearContext): Paragraph[] {
  const out: Paragraph[] = [];
  let fiveYear = false;
  let lastPart: string | null = null;
  // In a part that reviews the last plan and then sets out the next (…发展成就和“十五五”时期主要目标任务),
  // everything from the first mention of the plan covering the plan year on is a long-term target.
  const nextPlan = planNameFor(years.planYear);
  let longTerm = false;
  for (const line of outline.body as Line[]) {
    const section = index.at(line.start);
    const part = index.partAt(line.start);
    if (!section || !part || part.part !== 'body') continue;
    let phase = classifyPart(part.title);
    if (part.id !== lastPart) fiveYear = /十[三四]五|五年/.test(part.title) && !/(19|20)\d\d年/.test(part.title);
    if (part.id !== lastPart) longTerm = false;
    if (
      phase === 'mixed_review_long_term' &&
      ((nextPlan && line.content.includes(nextPlan)) || /规划纲要|纲要草案|规划建议/.test(line.content))
    )
      longTerm = true;
    if (longTerm) phase = 'long_term';
    lastPart = part.id;
    const ky = kindYearFor(phase, part.title, line.content, years, fiveYear);
    fiveYear = ky.fiveYear;
    const { fiveYear: _f, ...kindYear } = ky;
    out.push({ text: line.content, start: line.start, end: line.end, section, part, phase, kindYear });
  }
  return out;
}

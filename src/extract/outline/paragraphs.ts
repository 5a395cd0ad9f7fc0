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
 * True when a paragraph of a part that reviews one plan and sets out the next turns to the next:
 * it opens with that plan (“十五五”时期是…), sets its goals (…“十五五”时期经济社会发展的主要目标是),
 * or speaks of the plan's outline (纲要草案). A review paragraph that only mentions the next plan
 * (…为“十五五”开局奠定基础) does not.
 */
function opensLongTerm(paragraph: string, nextPlan: string | null): boolean {
  if (/规划纲要|纲要草案|规划建议|^展望|^未来五年/.test(paragraph)) return true;
  if (!nextPlan) return false;
  const at = paragraph.indexOf(nextPlan);
  if (at < 0) return false;
  return at <= 2 || new RegExp(`${nextPlan}”?时期[^，。；]{0,12}(目标|任务|要求)`).test(paragraph);
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
    // The part's own heading names both plans: only its paragraphs turn to the next one.
    if (phase === 'mixed_review_long_term' && line.start !== part.start && opensLongTerm(line.content, nextPlan))
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

/**
 * The paragraphs of an appendix that lists the plan year's works (附件1 / 2026年省十件民生实事 / …):
 * their figures are that year's targets. Other appendices (名词解释, one not naming the plan year
 * in its opening lines) state no figures of the report.
 */
export function walkAppendixParagraphs(outline: Outline, index: SectionIndex, years: YearContext): Paragraph[] {
  const out: Paragraph[] = [];
  const planYear = `${years.planYear}年`;
  for (const part of outline.sections) {
    if (part.part !== 'appendix' || !/^附件/.test(part.title)) continue;
    const lines = outline.appendix.filter(
      (l) => l.start >= part.start && l.start < part.end && l.content !== part.title,
    );
    if (!lines.slice(0, 2).some((l) => l.content.includes(planYear) && l.content.length <= 40)) continue;
    for (const line of lines) {
      const section = index.at(line.start) ?? part;
      out.push({
        text: line.content,
        start: line.start,
        end: line.end,
        section,
        part,
        phase: 'plan',
        kindYear: { kind: 'target', year: years.planYear },
      });
    }
  }
  return out;
}

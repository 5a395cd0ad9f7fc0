import type { Goal, Indicator, Project, ReportGraph } from '../../src/domain/report-graph.ts';
import type { Gold } from '../../src/eval/gold.ts';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { indexClauses } from '../../src/extract/links/clauses.ts';
import { linkPrevious } from '../../src/extract/links/previous.ts';
import { linkServes } from '../../src/extract/links/serves.ts';
import { splitUnit } from '../../src/extract/quantities/units.ts';
import type { Paragraph } from '../../src/extract/outline/paragraphs.ts';

/**
 * The report's graph with the gold's own indicators, goals and projects in place of the extracted
 * ones, linked by the link stage: it scores the linking rules on their own, whatever entity
 * extraction finds. Each gold item is placed at the first occurrence of its text.
 */
export function linkGoldEntities(report: string | Uint8Array, gold: Gold): ReportGraph {
  const graph = extractReportGraph(report);
  const text = graph.report.text;
  const lines: Paragraph[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    lines.push({ start: at, end: at + line.length } as Paragraph);
    at += line.length + 1;
  }
  const idOf = (x: unknown) => String((x as { id?: unknown }).id);
  const place = (needle: string) => {
    const s = text.indexOf(needle);
    return s < 0 ? null : { start: s, end: s + needle.length };
  };
  const indicators: Indicator[] = gold.indicators.flatMap((g) => {
    const span = place(g.text);
    if (!span) return [];
    const { base } = splitUnit(g.unit);
    const x = g as typeof g & { period?: string; threshold?: boolean };
    return [
      {
        id: idOf(g),
        sectionId: 'S',
        kind: g.kind as Indicator['kind'],
        year: g.year,
        ...(x.period ? { period: x.period } : {}),
        metric: g.metric,
        value: g.value,
        unit: g.unit,
        baseValue: String(g.value),
        baseUnit: base,
        qualifier: null,
        threshold: x.threshold ?? false,
        text: g.text,
        ...span,
      } as Indicator,
    ];
  });
  const goals: Goal[] = gold.goals.flatMap((g) => {
    const span = place(g.text);
    if (!span) return [];
    return [
      {
        id: idOf(g),
        sectionId: 'S',
        kind: g.kind,
        year: g.year,
        name: g.name,
        action: g.action ?? null,
        text: g.text,
        ...span,
        occurrences: [],
      } as unknown as Goal,
    ];
  });
  // A mention inside a longer gold name belongs to that name, as in extraction.
  const inLonger = (name: string, s: number) =>
    gold.projects.some((o) => {
      if (o.name.length <= name.length || !o.name.includes(name)) return false;
      const from = text.lastIndexOf(o.name, s);
      return from >= 0 && from + o.name.length >= s + name.length;
    });
  const projects: Project[] = gold.projects.flatMap((g) => {
    const mentions = [];
    for (let s = text.indexOf(g.name); s >= 0; s = text.indexOf(g.name, s + 1))
      if (!inLonger(g.name, s)) mentions.push({ sectionId: 'S', start: s, end: s + g.name.length });
    return mentions.length
      ? [{ id: `project:${g.name}`, name: g.name, aliases: g.aliases ?? [], mentions } as Project]
      : [];
  });
  const clauses = indexClauses(text, lines);
  const relationships = [
    ...linkServes({ text, projects, indicators, goals, clauses }),
    ...linkPrevious(text, indicators, goals, graph.report.reviewYear),
  ];
  return { ...graph, indicators, goals, projects, relationships };
}

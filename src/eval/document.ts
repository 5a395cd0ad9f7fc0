import type { ReportGraph } from '#domain/report-graph.ts';
import type { Gold } from './gold.ts';

/** The share of gold evidence texts that must occur in the report for the gold to be about it. */
const MIN_EVIDENCE_SHARE = 0.9;

/**
 * Says whether a gold annotation was written for this report. Every gold evidence text and entity
 * name is an exact substring of the report it annotates, so the share of them found in this
 * report's text tells; the gold's `document` (title and date line) must name the report's region. Returns a warning naming the
 * mismatch, or null when the gold fits: scoring a tianmen gold against hebei then says so instead
 * of printing zeros.
 */
export function documentMismatch(graph: ReportGraph, gold: Gold): string | null {
  const text = graph.report.text;
  const evidence = [
    ...gold.indicators.map((i) => i.text),
    ...gold.goals.map((g) => g.text),
    ...[...gold.projects, ...gold.enterprises, ...gold.places].map((e) => e.name.replace(/[“”]/g, '')),
  ].filter((t) => t.length > 0);
  const present = evidence.filter((t) => text.includes(t) || text.includes(t.replace(/[“”]/g, ''))).length;
  const problems: string[] = [];
  if (gold.document) {
    const region = graph.report.region.name;
    const short = region.replace(/(省|市|自治区|特别行政区)$/, '');
    if (!gold.document.includes(region) && !(short.length >= 2 && gold.document.includes(short))) {
      problems.push(`its document "${gold.document}" is not this report ("${graph.report.title}")`);
    }
  }
  if (evidence.length > 0 && present / evidence.length < MIN_EVIDENCE_SHARE) {
    problems.push(`only ${present} of its ${evidence.length} evidence texts and names occur in the report`);
  }
  return problems.length > 0 ? `the gold does not match the report: ${problems.join('; ')}` : null;
}

import type { ExtractWarning, ReportGraph } from '#domain/report-graph.ts';

/**
 * What a reader should know about an extraction that still produced a graph: an unknown region,
 * no date, no plan part, a text that stops mid-sentence, repeated headings.
 */
export function collectWarnings(graph: Omit<ReportGraph, 'warnings'>, bodyEnd: number): ExtractWarning[] {
  const w: ExtractWarning[] = [];
  const { report, sections } = graph;
  if (!report.region.code)
    w.push({
      code: 'REGION_UNKNOWN',
      message: `the region "${report.region.name}" is not in the gazetteer; places are matched without it`,
    });
  if (!report.deliveredOn)
    w.push({
      code: 'NO_DATE',
      message: `no delivery date line (——YYYY年M月D日在…会议上) was found; plan year ${report.planYear} is inferred`,
    });
  const parts = sections.filter((s) => s.level === 1 && s.part === 'body');
  if (parts.length < 2)
    w.push({ code: 'FEW_PARTS', message: `only ${parts.length} part heading(s) found; the outline may be incomplete` });
  const seen = new Set<string>();
  for (const s of sections.filter((x) => x.level <= 2)) {
    const key = `${s.level}|${s.parentId ?? ''}|${s.title}`;
    if (seen.has(key))
      w.push({ code: 'DUPLICATE_SECTION', message: `the heading "${s.title}" appears twice at level ${s.level}` });
    seen.add(key);
  }
  const tail = report.text.slice(Math.max(0, bodyEnd - 1), bodyEnd);
  if (tail && !/[。！？!?”」）)…]/.test(tail))
    w.push({ code: 'TRUNCATED', message: 'the report text stops mid-sentence; it may be cut off' });
  if (graph.indicators.length === 0)
    w.push({ code: 'NO_INDICATORS', message: 'no quantitative indicators were found' });
  return w;
}

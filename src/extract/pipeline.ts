import { metricKeyFor } from '#domain/metric-keys.ts';
import { ReportGraphSchema, type Indicator, type ReportGraph } from '#domain/report-graph.ts';
import { AppError } from '#errors/app-error.ts';
import { decodeReport } from './outline/decode.ts';
import { extractEntities } from './entities/entities.ts';
import { extractGoals } from './entities/goals.ts';
import { extractIndicators } from './quantities/indicators.ts';
import { linkGraph } from './links/links.ts';
import { htmlToText, isHtml } from './outline/html.ts';
import { extractMeta, reportIdFor, sha256Of } from './outline/meta.ts';
import { parseOutline } from './outline/outline.ts';
import { walkAppendixParagraphs, walkParagraphs } from './outline/paragraphs.ts';
import { classifyPart } from './outline/phases.ts';
import { createSectionIndex } from './outline/section-index.ts';
import { collectWarnings } from './warnings.ts';

/** The longest text accepted: ten times the longest real report, so a runaway input fails fast. */
export const MAX_TEXT_CHARS = 2_000_000;

/**
 * Extracts a ReportGraph from a report's bytes or text: decode → outline → meta → indicators,
 * goals and entities per paragraph → links. Pure: no I/O beyond the bundled gazetteer.
 * @throws AppError NOT_A_REPORT when the input is empty, binary or has no report structure.
 */
export function extractReportGraph(input: Uint8Array | string): ReportGraph {
  const decoded = decodeReport(input).text;
  // A saved web page: the report is its visible text, and offsets point into that text.
  const text = isHtml(decoded) ? htmlToText(decoded) : decoded;
  if (text.trim().length === 0) throw new AppError('the input is empty (only white space)', 'NOT_A_REPORT');
  if (text.length > MAX_TEXT_CHARS) {
    throw new AppError(
      `the text has ${text.length} characters; a report has at most ${MAX_TEXT_CHARS} (real ones have under 200,000)`,
      'BAD_USER_INPUT',
    );
  }
  const outline = parseOutline(text);
  const planHint = outline.sections
    .filter((s) => s.level === 1 && s.part === 'body' && classifyPart(s.title) === 'plan')
    .map((s) => /(20\d\d)年/.exec(s.title)?.[1])
    .find((y) => y !== undefined);
  const meta = extractMeta(outline.header, text, planHint ? Number(planHint) : null);
  const sha256 = sha256Of(text);
  const reportId = reportIdFor(meta.region.name, meta.planYear, sha256);
  const gid = (local: string) => `${reportId}/${local}`;
  const index = createSectionIndex(outline.sections);
  const years = { reviewYear: meta.reviewYear, planYear: meta.planYear };

  const paragraphs = walkParagraphs(outline, index, years);
  const indicators: Indicator[] = [];
  // An appendix listing the plan year's works (附件1 / 2026年十件民生实事) states targets too.
  for (const p of [...paragraphs, ...walkAppendixParagraphs(outline, index, years)]) {
    for (const draft of extractIndicators(p.text, p.start, p.kindYear)) {
      const section = index.at(draft.start) ?? p.section;
      const metricKey = metricKeyFor(draft.metric, draft.baseUnit);
      indicators.push({
        id: gid(`I${String(indicators.length + 1).padStart(3, '0')}`),
        sectionId: gid(section.id),
        ...draft,
        ...(metricKey === null ? {} : { metricKey }),
        text: text.slice(draft.start, draft.end),
      });
    }
  }
  const goals = extractGoals(paragraphs, text, index, gid);
  const entities = extractEntities(paragraphs, text, index, gid, meta.region);
  const graph: ReportGraph = {
    schemaVersion: 1,
    report: { id: reportId, ...meta, sha256, text },
    sections: outline.sections.map((s) => ({ ...s, id: gid(s.id), parentId: s.parentId ? gid(s.parentId) : null })),
    indicators,
    goals,
    ...entities,
    relationships: [],
    warnings: [],
  };
  graph.relationships = linkGraph(graph, paragraphs);
  graph.warnings = collectWarnings(graph, outline.bodyEnd);
  const checked = ReportGraphSchema.safeParse(graph);
  if (!checked.success) {
    throw new AppError(`extraction produced an invalid ReportGraph: ${checked.error.issues[0]?.message}`, 'INTERNAL', {
      details: { issues: checked.error.issues.slice(0, 5) },
    });
  }
  return checked.data;
}

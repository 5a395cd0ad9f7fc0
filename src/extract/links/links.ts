import type { Evidence, Mention, Relationship, ReportGraph } from '#domain/report-graph.ts';
import { indexClauses } from './clauses.ts';
import { linkPrevious } from './previous.ts';
import { linkServes } from './serves.ts';
import type { Paragraph } from '../outline/paragraphs.ts';

export { SERVES_CONFIDENCE } from './serves.ts';

/** Confidence of the links read from names and the gazetteer. */
export const CONFIDENCE = {
  inName: 0.9,
  gazetteer: 1,
  region: 0.6,
} as const;

/** The longest entity name the extractor keeps (isMalformedName): a bound for looking back. */
const MAX_NAME = 32;

/**
 * Links the extracted nodes, each link with the text that supports it:
 * SERVES (project → indicator or goal the clause or sentence ties it to, see links/serves.ts),
 * LOCATED_IN (project or enterprise → a place named in it), INVOLVES (enterprise → project it
 * names), PART_OF (place → its gazetteer parent) and PREVIOUS (a target → the review part's figure
 * of the same measure, or the same designation, see links/previous.ts). Linear in the text and in
 * the number of mentions: sentences and clauses are indexed once, mentions are sorted once.
 */
export function linkGraph(graph: ReportGraph, paragraphs: Paragraph[]): Relationship[] {
  const text = graph.report.text;
  const clauses = indexClauses(text, paragraphs);
  const rels = new Map<string, Relationship>();
  const sentenceEvidence = (m: Mention): Evidence => {
    const s = clauses.sentenceAt(m.start) ?? m;
    return { sectionId: m.sectionId, start: s.start, end: s.end, text: text.slice(s.start, s.end) };
  };
  const add = (r: Relationship) => {
    const key = `${r.type}|${r.from}|${r.to}`;
    const old = rels.get(key);
    if (!old || old.confidence < r.confidence) rels.set(key, r);
  };

  for (const r of linkServes({
    text,
    projects: graph.projects,
    indicators: graph.indicators,
    goals: graph.goals,
    clauses,
  }))
    add(r);

  // LOCATED_IN: a place mention inside a project's or enterprise's mention. Mentions sorted by
  // start, so each place mention looks back over the few that can hold it.
  const holders = [...graph.projects, ...graph.enterprises]
    .flatMap((e) => e.mentions.map((m) => ({ e, m })))
    .sort((a, b) => a.m.start - b.m.start);
  const firstAtOrAfter = (at: number) => {
    let lo = 0;
    let hi = holders.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (holders[mid]!.m.start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const place of graph.places) {
    for (const pm of place.mentions) {
      for (let k = firstAtOrAfter(pm.start - MAX_NAME); k < holders.length && holders[k]!.m.start <= pm.start; k++) {
        const { e, m } = holders[k]!;
        if (m.end < pm.end || e.name === place.name) continue;
        add({
          type: 'LOCATED_IN',
          from: e.id,
          to: place.id,
          confidence: CONFIDENCE.inName,
          evidence: sentenceEvidence(m),
        });
      }
    }
  }

  // INVOLVES: an enterprise's name inside a project's name, looked up by the project's substrings.
  const enterprises = new Map(graph.enterprises.map((e) => [e.name, e]));
  // Only the lengths some enterprise name has are sliced (a report has few enterprises).
  const lengths = [...new Set(graph.enterprises.map((e) => e.name.length))]
    .filter((n) => n >= 2 && n <= MAX_NAME)
    .sort((a, b) => a - b);
  for (const project of graph.projects) {
    const seen = new Set<string>();
    for (let i = 0; i < project.name.length; i++) {
      for (const len of lengths) {
        if (i + len > project.name.length) break;
        const enterprise = enterprises.get(project.name.slice(i, i + len));
        if (!enterprise || enterprise.name === project.name || seen.has(enterprise.id)) continue;
        seen.add(enterprise.id);
        add({
          type: 'INVOLVES',
          from: enterprise.id,
          to: project.id,
          confidence: CONFIDENCE.inName,
          evidence: sentenceEvidence(project.mentions[0]!),
        });
      }
    }
  }

  const placeIds = new Set(graph.places.map((p) => p.id));
  for (const place of graph.places) {
    if (!place.parentId || !placeIds.has(place.parentId)) continue;
    add({
      type: 'PART_OF',
      from: place.id,
      to: place.parentId,
      confidence: place.code ? CONFIDENCE.gazetteer : CONFIDENCE.region,
      evidence: sentenceEvidence(place.mentions[0]!),
    });
  }

  for (const r of linkPrevious(text, graph.indicators, graph.goals, graph.report.reviewYear)) add(r);
  return [...rels.values()];
}

import type { Place, ReportGraph, Relationship } from '#domain/report-graph.ts';
import { loadGazetteer } from '#gazetteer/gazetteer.ts';

/** The id a gazetteer division has as a Place (the extractor's ids for coded places). */
export const placeIdOfCode = (code: string) => `place:${code}`;

// The confidence the extractor gives a gazetteer parent.
const GAZETTEER = 1;

/**
 * The report's region as a Place, for the loader to MERGE like any shared place, so that
 * Report.region and the place hierarchy exist even when the report never writes its own name.
 * `place` is null when the report already names its region or the gazetteer does not know it.
 * `partOf` puts the report's gazetteer places under the region's code that have no parent among
 * its own places under the region, as the extractor does when the region is named. (Places
 * without a code stay as the extractor left them: 东盟 is named in a report, not inside its region.)
 */
export function regionPlace(graph: ReportGraph): {
  place: Omit<Place, 'mentions' | 'parentId'> | null;
  partOf: Relationship[];
} {
  const code = graph.report.region.code;
  const division = code ? loadGazetteer().byCode.get(code) : undefined;
  if (!code || !division) return { place: null, partOf: [] };
  const id = placeIdOfCode(code);
  const named = graph.places.some((p) => p.id === id);
  const text = graph.report.text;
  const partOf = graph.places
    .filter((p) => p.id !== id && !p.parentId && p.code?.startsWith(code) && p.code !== code)
    .map((p): Relationship => {
      const m = p.mentions[0]!;
      return {
        type: 'PART_OF',
        from: p.id,
        to: id,
        confidence: GAZETTEER,
        evidence: { sectionId: m.sectionId, start: m.start, end: m.end, text: text.slice(m.start, m.end) },
      };
    });
  return {
    place: named ? null : { id, name: division.name, aliases: [], type: division.level, code },
    partOf,
  };
}

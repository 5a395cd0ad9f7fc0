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
 * `relationships` are the graph's, completed for the hierarchy: the report's gazetteer places
 * under the region that have no parent inside it go under their nearest ancestor (by code) among
 * the report's places and the region, and a region the report does not name goes under its
 * nearest ancestor the report names. (Places without a code stay as the extractor left them.)
 */
export function regionPlace(graph: ReportGraph): {
  place: Omit<Place, 'mentions' | 'parentId'> | null;
  relationships: Relationship[];
} {
  const code = graph.report.region.code;
  const division = code ? loadGazetteer().byCode.get(code) : undefined;
  if (!code || !division) return { place: null, relationships: graph.relationships };
  const id = placeIdOfCode(code);
  const named = graph.places.some((p) => p.id === id);
  const text = graph.report.text;
  const byId = new Map(graph.places.map((p) => [p.id, p]));
  const link = (from: string, to: string, p: Place): Relationship => {
    const m = p.mentions[0]!;
    return {
      type: 'PART_OF',
      from,
      to,
      confidence: GAZETTEER,
      evidence: { sectionId: m.sectionId, start: m.start, end: m.end, text: text.slice(m.start, m.end) },
    };
  };
  // Administrative codes nest by prefix (42 ⊃ 429006 ⊃ 429006107 ⊃ 429006107001): a place's
  // nearest ancestor among the report's places and its region is the longest proper prefix.
  const codes = new Map<string, string>(graph.places.flatMap((p) => (p.code ? [[p.code, p.id] as const] : [])));
  codes.set(code, id);
  const nearest = (c: string) => {
    for (let len = c.length - 1; len >= 2; len--) {
      const found = codes.get(c.slice(0, len));
      if (found) return found;
    }
    return undefined;
  };
  // The report's gazetteer places under the region whose parent is missing (villages and
  // communities, which the gazetteer keeps apart) or above the region (湖北省 for a town of 天门市
  // when the report does not name 天门市) go under their nearest ancestor inside the region.
  const outside = (parentId: string | null) => {
    const parentCode = parentId ? byId.get(parentId)?.code : null;
    return !parentCode || !parentCode.startsWith(code);
  };
  const moved = graph.places.filter((p) => p.code?.startsWith(code) && p.code !== code && outside(p.parentId));
  const partOf = moved.map((p) => link(p.id, nearest(p.code!)!, p));
  const past = new Set(moved.filter((p) => p.parentId).map((p) => `${p.id}|${p.parentId}`));
  // A region the report does not name goes under its nearest ancestor the report names.
  const above = named ? undefined : nearest(code);
  if (above) partOf.push(link(id, above, byId.get(above)!));
  const relationships = [
    ...graph.relationships.filter((r) => r.type !== 'PART_OF' || !past.has(`${r.from}|${r.to}`)),
    ...partOf,
  ];
  if (named) return { place: null, relationships };
  return {
    place: { id, name: division.name, aliases: [], type: division.level, code },
    relationships,
  };
}

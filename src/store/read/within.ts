// The place hierarchy as one Cypher fragment, shared by every `within:` filter (lists, search,
// compare). A place P holds itself, every place that reaches it over PART_OF edges, and every
// place whose administrative code starts with P's code (the gazetteer's hierarchy: 44 holds 4403
// and 440305, even when no report linked them). A report is within P when its region is one of
// those places; a fact (indicator, goal, section, project) when its report is.

/** The variables the prelude binds: the ids of P and the places under it, and the reports within P. */
export const WITHIN_PLACES = 'withinPlaces';
export const WITHIN_REPORTS = 'withinReports';

/** Deepest PART_OF chain followed: village → town → county → city → province, with room to spare. */
const MAX_DEPTH = 6;

/**
 * A CALL subquery that binds `withinPlaces` and `withinReports` once for the whole statement,
 * for the place whose id is the parameter `$<param>`. An unknown id binds two empty lists, so
 * every `within` condition is false: the answer is empty, not an error.
 */
export function withinPrelude(param: string): string {
  return `CALL () { OPTIONAL MATCH (w:Place {id: $${param}})
    WITH COLLECT { MATCH (w)<-[:PART_OF*0..${MAX_DEPTH}]-(x:Place) RETURN x.id AS id
      UNION MATCH (x:Place) WHERE x.code STARTS WITH w.code RETURN x.id AS id } AS places
    RETURN places AS ${WITHIN_PLACES},
      COLLECT { MATCH (r:Report) WHERE r.regionCode IS NOT NULL AND 'place:' + r.regionCode IN places RETURN r.id } AS ${WITHIN_REPORTS} }`;
}

/** True when the report with this id (a Cypher expression) is within P. Needs the prelude. */
export const reportIdWithin = (reportId: string) => `${reportId} IN ${WITHIN_REPORTS}`;

/** True when the place with this id (a Cypher expression) is P or under it. Needs the prelude. */
export const placeIdWithin = (placeId: string) => `${placeId} IN ${WITHIN_PLACES}`;

/** True when node `n` is LOCATED_IN a place that is P or under it. Needs the prelude. */
export const locatedWithin = (n: string) =>
  `EXISTS { MATCH (${n})-[:LOCATED_IN]->(wp:Place) WHERE ${placeIdWithin('wp.id')} }`;

/** True when a section of a report within P mentions node `n` (a shared place or enterprise). Needs the prelude. */
export const mentionedWithin = (n: string) =>
  `EXISTS { MATCH (ws:Section)-[:MENTIONS]->(${n}) WHERE ${reportIdWithin('ws.reportId')} }`;

/**
 * True when report `rep`'s region is the place with id `param` (a parameter expression) or lies
 * under it, by the same rule as the prelude (PART_OF* or the administrative code), without a
 * prelude: for statements that test one report at a time (compare, targetProgress).
 */
export const regionWithin = (rep: string, param: string) =>
  `EXISTS { MATCH (w:Place {id: ${param}}), (x:Place {id: 'place:' + ${rep}.regionCode})
    WHERE x.code STARTS WITH w.code OR EXISTS { (x)-[:PART_OF*0..${MAX_DEPTH}]->(w) } }`;

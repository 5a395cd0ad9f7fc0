import type { Executor } from '../executor.ts';
import { LABELS, type Label } from '../model.ts';
import { project } from './projections.ts';

/** One related node with the relationship that links it (when the relation has properties). */
export interface Related {
  label: Label;
  node: Record<string, unknown>;
  rel: Record<string, unknown> | null;
}

// An entity by id through each label's id constraint (a label-less {id: …} match would scan).
const ENTITY_BY_ID =
  'MATCH (e:Place {id: id}) RETURN e UNION MATCH (e:Enterprise {id: id}) RETURN e UNION MATCH (e:Project {id: id}) RETURN e';
const labelOf = `head([l IN labels(x) WHERE l IN ${JSON.stringify(LABELS)}])`;

// Batched reads behind the API's DataLoaders: each takes many ids and answers in one round trip.
// Every query starts with UNWIND $ids AS id and returns id, label, node, rel.
export const RELATIONS = {
  reportSections: `UNWIND $ids AS id MATCH (:Report {id: id})-[:HAS_SECTION]->(x:Section)
    RETURN id, 'Section' AS label, ${project('x', 'Section')} AS node, null AS rel ORDER BY x.start`,
  subsections: `UNWIND $ids AS id MATCH (:Section {id: id})-[:HAS_SUBSECTION]->(x:Section)
    RETURN id, 'Section' AS label, ${project('x', 'Section')} AS node, null AS rel ORDER BY x.start`,
  sectionTargets: `UNWIND $ids AS id MATCH (:Section {id: id})-[:STATES]->(x)
    RETURN id, ${labelOf} AS label, x { .* } AS node, null AS rel ORDER BY x.start`,
  sectionMentions: `UNWIND $ids AS id MATCH (:Section {id: id})-[m:MENTIONS]->(x)
    RETURN id, ${labelOf} AS label, x { .* } AS node, m { .* } AS rel ORDER BY m.start`,
  indicatorServedBy: `UNWIND $ids AS id MATCH (x:Project)-[r:SERVES]->(:Indicator {id: id})
    RETURN id, 'Project' AS label, ${project('x', 'Project')} AS node, r { .* } AS rel ORDER BY r.confidence DESC, x.name`,
  goalServedBy: `UNWIND $ids AS id MATCH (x:Project)-[r:SERVES]->(:Goal {id: id})
    RETURN id, 'Project' AS label, ${project('x', 'Project')} AS node, r { .* } AS rel ORDER BY r.confidence DESC, x.name`,
  indicatorPrevious: `UNWIND $ids AS id MATCH (:Indicator {id: id})-[r:PREVIOUS]->(x)
    RETURN id, ${labelOf} AS label, x { .* } AS node, r { .* } AS rel ORDER BY r.confidence DESC`,
  goalPrevious: `UNWIND $ids AS id MATCH (:Goal {id: id})-[r:PREVIOUS]->(x)
    RETURN id, ${labelOf} AS label, x { .* } AS node, r { .* } AS rel ORDER BY r.confidence DESC`,
  projectServes: `UNWIND $ids AS id MATCH (:Project {id: id})-[r:SERVES]->(x)
    RETURN id, ${labelOf} AS label, x { .* } AS node, r { .* } AS rel ORDER BY r.confidence DESC, x.start`,
  projectPlaces: `UNWIND $ids AS id MATCH (:Project {id: id})-[r:LOCATED_IN]->(x:Place)
    RETURN id, 'Place' AS label, ${project('x', 'Place')} AS node, r { .* } AS rel ORDER BY x.name`,
  projectEnterprises: `UNWIND $ids AS id MATCH (x:Enterprise)-[r:INVOLVES]->(:Project {id: id})
    RETURN id, 'Enterprise' AS label, ${project('x', 'Enterprise')} AS node, r { .* } AS rel ORDER BY x.name`,
  enterpriseProjects: `UNWIND $ids AS id MATCH (:Enterprise {id: id})-[r:INVOLVES]->(x:Project)
    RETURN id, 'Project' AS label, ${project('x', 'Project')} AS node, r { .* } AS rel ORDER BY x.name`,
  enterprisePlaces: `UNWIND $ids AS id MATCH (:Enterprise {id: id})-[r:LOCATED_IN]->(x:Place)
    RETURN id, 'Place' AS label, ${project('x', 'Place')} AS node, r { .* } AS rel ORDER BY x.name`,
  placeParent: `UNWIND $ids AS id MATCH (:Place {id: id})-[:PART_OF]->(x:Place)
    WITH DISTINCT id, x RETURN id, 'Place' AS label, ${project('x', 'Place')} AS node, null AS rel`,
  placeChildren: `UNWIND $ids AS id MATCH (x:Place)-[:PART_OF]->(:Place {id: id})
    WITH DISTINCT id, x RETURN id, 'Place' AS label, ${project('x', 'Place')} AS node, null AS rel ORDER BY x.name`,
  placeProjects: `UNWIND $ids AS id MATCH (x:Project)-[r:LOCATED_IN]->(:Place {id: id})
    RETURN id, 'Project' AS label, ${project('x', 'Project')} AS node, r { .* } AS rel ORDER BY x.name`,
  placeEnterprises: `UNWIND $ids AS id MATCH (x:Enterprise)-[:LOCATED_IN]->(:Place {id: id})
    WITH DISTINCT id, x RETURN id, 'Enterprise' AS label, ${project('x', 'Enterprise')} AS node, null AS rel ORDER BY x.name`,
  // The indicators whose subject is the place: every indicator of a report about it, and those
  // whose own text (the clause it was read from) names it. A province's figures stated beside a
  // city's name elsewhere in the sentence or section stay with the province.
  placeIndicators: `UNWIND $ids AS id CALL (id) {
      MATCH (r:Report) WHERE r.regionCode IS NOT NULL AND 'place:' + r.regionCode = id
      MATCH (x:Indicator {reportId: r.id}) RETURN x
      UNION
      MATCH (:Place {id: id})<-[m:MENTIONS]-(s:Section) MATCH (x:Indicator {reportId: s.reportId})
      WHERE x.start <= m.start AND m.end <= x.end RETURN x }
    WITH DISTINCT id, x RETURN id, 'Indicator' AS label, ${project('x', 'Indicator')} AS node, null AS rel ORDER BY x.reportId, x.start`,
  entityReports: `UNWIND $ids AS id CALL (id) { ${ENTITY_BY_ID} } MATCH (s:Section)-[:MENTIONS]->(e)
    WITH DISTINCT id, s.reportId AS rid MATCH (x:Report {id: rid})
    RETURN id, 'Report' AS label, ${project('x', 'Report')} AS node, null AS rel ORDER BY x.planYear DESC`,
  entityMentions: `UNWIND $ids AS id CALL (id) { ${ENTITY_BY_ID} } MATCH (s:Section)-[m:MENTIONS]->(e)
    RETURN id, 'Section' AS label, ${project('s', 'Section')} AS node, m { .* } AS rel ORDER BY s.reportId, m.start`,
} as const;

export type RelationName = keyof typeof RELATIONS;

/** Runs one batched relation read; results grouped by the id they were asked for, in order. */
export async function readRelation(
  executor: Executor,
  name: RelationName,
  ids: readonly string[],
): Promise<Related[][]> {
  const rows = await executor.read({ text: RELATIONS[name], params: { ids: [...new Set(ids)] } });
  const byId = new Map<string, Related[]>();
  for (const row of rows) {
    const list = byId.get(String(row.id)) ?? [];
    list.push({
      label: row.label as Label,
      node: row.node as Record<string, unknown>,
      rel: (row.rel as Record<string, unknown> | null) ?? null,
    });
    byId.set(String(row.id), list);
  }
  return ids.map((id) => byId.get(id) ?? []);
}

/**
 * A node by id and one relation of it in one statement (one round trip, where the node loader
 * and the relation loader take two statements): null when there is no such node.
 */
export async function readNodeWithRelation(
  executor: Executor,
  label: Label,
  id: string,
  name: RelationName,
): Promise<{ node: Record<string, unknown>; related: Related[] } | null> {
  const relation = RELATIONS[name].replace(/^UNWIND \$ids AS id /, 'WITH n.id AS id ');
  const [row] = await executor.read({
    text: `MATCH (n:${label} {id: $id})
      OPTIONAL CALL (n) { ${relation} }
      WITH n, collect(CASE WHEN label IS NULL THEN null ELSE { label: label, node: node, rel: rel } END) AS related
      RETURN ${project('n', label)} AS root, related`,
    params: { id },
  });
  if (!row) return null;
  return {
    node: row.root as Record<string, unknown>,
    related: (row.related as Related[]).map((r) => ({ ...r, rel: r.rel ?? null })),
  };
}

/** Nodes of one label by id, in one round trip. */
export async function readNodes(
  executor: Executor,
  label: Label,
  ids: readonly string[],
): Promise<(Record<string, unknown> | null)[]> {
  const rows = await executor.read({
    text: `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN id, ${project('n', label)} AS node`,
    params: { ids: [...new Set(ids)] },
  });
  const byId = new Map(rows.map((r) => [String(r.id), r.node as Record<string, unknown>]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** The full texts of reports, for Report.text and evidence highlighting. */
export async function readReportTexts(executor: Executor, ids: readonly string[]): Promise<(string | null)[]> {
  const rows = await executor.read({
    text: 'UNWIND $ids AS id MATCH (r:Report {id: id}) RETURN id, r.fullText AS text',
    params: { ids: [...new Set(ids)] },
  });
  const byId = new Map(rows.map((r) => [String(r.id), String(r.text)]));
  return ids.map((id) => byId.get(id) ?? null);
}

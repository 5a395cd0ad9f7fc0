import type { ReportGraph } from '#domain/report-graph.ts';
import type { CypherQuery } from './executor.ts';
import { FACT_TYPES, type Label } from './model.ts';
import { encodeGraphBlob } from './graph-blob.ts';
import { regionPlace } from './region-place.ts';
import { sectionOwnTexts } from './section-own-text.ts';

export interface Batch {
  name: string;
  query: CypherQuery;
}

/** Rows per statement: large enough that a batch of reports takes few round trips. */
const BATCH = 2000;

/** One kind of write (a statement text) with the rows of every report in the plan. */
export interface Stage {
  name: string;
  text: string;
  rows: object[];
}

/** What to load: a validated graph and its version key. */
export interface LoadItem {
  graph: ReportGraph;
  key: string;
}

/** A list expression, or null (no property) when it is empty. */
const nonEmpty = (list: string) => `CASE WHEN size(${list}) > 0 THEN ${list} END`;

function stage(name: string, rows: object[], text: string): Stage {
  return { name, text, rows };
}

// Nodes before the relationships that MATCH them: stages run in this order of their name's head.
const ORDER = ['report', 'sections', 'subsections', 'indicators', 'goals', 'projects', 'enterprises', 'places'];
const rank = (name: string) => {
  const i = ORDER.indexOf(name);
  return i >= 0 ? i : name.startsWith('mentions:') ? ORDER.length : ORDER.length + 1;
};

/** "一、2022年工作回顾 › （一）聚力抓项目扩投资…": the titles from the part down to the section. */
function sectionPaths(graph: ReportGraph): Map<string, string> {
  const byId = new Map(graph.sections.map((s) => [s.id, s]));
  const paths = new Map<string, string>();
  for (const s of graph.sections) {
    const chain: string[] = [];
    for (let c: typeof s | undefined = s; c; c = c.parentId ? byId.get(c.parentId) : undefined)
      chain.unshift(`${c.marker ?? ''}${c.title}`);
    paths.set(s.id, chain.join(' › '));
  }
  return paths;
}

/**
 * Turns ReportGraphs into the UNWIND batches that write them: one statement per kind of write
 * for all the reports together, in chunks of BATCH rows. Labels and relationship types come
 * from the model constants; every value travels as a parameter. The graphs must have distinct
 * ids and keys (one plan never holds two versions of a report).
 */
export function buildLoadPlan(items: LoadItem[]): Batch[] {
  const byText = new Map<string, Stage>();
  for (const item of items) {
    for (const st of reportStages(item.graph, item.key)) {
      if (st.rows.length === 0) continue;
      const seen = byText.get(st.text);
      if (seen) seen.rows.push(...st.rows);
      else byText.set(st.text, { ...st, rows: [...st.rows] });
    }
  }
  const stages = [...byText.values()].sort((a, b) => rank(a.name) - rank(b.name));
  return stages.flatMap((st) => {
    const out: Batch[] = [];
    for (let i = 0; i < st.rows.length; i += BATCH)
      out.push({
        name: `${st.name}#${out.length + 1}`,
        query: { text: st.text, params: { rows: st.rows.slice(i, i + BATCH) } },
      });
    return out;
  });
}

/** The write stages of one report: statement text and rows, named report, sections, …, mentions:Label, links:TYPE:From->To. */
export function reportStages(graph: ReportGraph, key: string): Stage[] {
  const r = graph.report;
  const reportId = r.id;
  const text = r.text;
  const paths = sectionPaths(graph);
  const labelOf = new Map<string, Label>();
  for (const x of graph.indicators) labelOf.set(x.id, 'Indicator');
  for (const x of graph.goals) labelOf.set(x.id, 'Goal');
  for (const x of graph.projects) labelOf.set(x.id, 'Project');
  for (const x of graph.enterprises) labelOf.set(x.id, 'Enterprise');
  for (const x of graph.places) labelOf.set(x.id, 'Place');
  // The region exists as a Place (merged like any place) and holds the report's parentless places.
  const region = regionPlace(graph);
  const places = region.place ? [...graph.places, region.place] : graph.places;
  if (region.place) labelOf.set(region.place.id, 'Place');

  const plan: Stage[] = [
    stage(
      'report',
      [
        {
          id: reportId,
          key,
          name: r.title,
          title: r.title,
          regionName: r.region.name,
          regionLevel: r.region.level,
          regionCode: r.region.code,
          deliveredOn: r.deliveredOn,
          meeting: r.meeting,
          speaker: r.speaker,
          speakerTitle: r.speakerTitle,
          reviewYear: r.reviewYear,
          planYear: r.planYear,
          sha256: r.sha256,
          fullText: text,
          // The ReportGraph as extracted (without the text, which is fullText), for exports.
          graphJson: encodeGraphBlob({ ...graph, report: { ...graph.report, text: undefined } }),
          loadedAt: new Date().toISOString(),
        },
      ],
      `UNWIND $rows AS p CREATE (r:Report {id: p.id}) SET r += p`,
    ),
  ];
  // A section stores its own words only; its whole text is its span of the report's fullText.
  const own = sectionOwnTexts(graph.sections, text);
  const sections = graph.sections.map((s, order) => ({
    ...s,
    order,
    reportId,
    path: paths.get(s.id),
    ownText: own.get(s.id),
  }));
  plan.push(
    stage(
      'sections',
      sections,
      `UNWIND $rows AS row CREATE (s:Section {id: row.id}) SET s += row
       WITH s, row MATCH (r:Report {id: row.reportId})
       FOREACH (_ IN CASE WHEN row.parentId IS NULL THEN [1] ELSE [] END | CREATE (r)-[:HAS_SECTION]->(s))`,
    ),
    stage(
      'subsections',
      sections.filter((s) => s.parentId).map((s) => ({ id: s.id, parentId: s.parentId })),
      `UNWIND $rows AS row MATCH (p:Section {id: row.parentId}), (s:Section {id: row.id}) CREATE (p)-[:HAS_SUBSECTION]->(s)`,
    ),
    stage(
      'indicators',
      graph.indicators.map((i) => ({
        ...i,
        period: i.period ?? null,
        metricKey: i.metricKey ?? null,
        reportId,
        baseNumber: Number(i.baseValue),
      })),
      `UNWIND $rows AS row MATCH (s:Section {id: row.sectionId})
       CREATE (s)-[:STATES]->(i:Indicator {id: row.id}) SET i += row`,
    ),
    stage(
      'goals',
      graph.goals.map(({ occurrences, ...g }) => ({
        ...g,
        reportId,
        occurrencesJson: JSON.stringify(occurrences),
        occurrenceCount: occurrences.length + 1,
      })),
      `UNWIND $rows AS row MATCH (s:Section {id: row.sectionId})
       CREATE (s)-[:STATES]->(g:Goal {id: row.id}) SET g += row`,
    ),
    stage(
      'projects',
      graph.projects.map((p) => ({
        id: p.id,
        name: p.name,
        // No empty list is stored (the API answers [] for a missing one): neo4j-admin import
        // cannot write one, so both load paths leave it out alike.
        aliases: p.aliases.length > 0 ? p.aliases : null,
        aliasText: p.aliases.join(' '),
        reportId,
      })),
      `UNWIND $rows AS row CREATE (p:Project {id: row.id}) SET p += row`,
    ),
    stage(
      'enterprises',
      graph.enterprises.map((e) => ({ id: e.id, name: e.name, aliases: e.aliases })),
      `UNWIND $rows AS row MERGE (e:Enterprise {id: row.id})
       ON CREATE SET e.name = row.name, e.aliases = ${nonEmpty('row.aliases')}
       ON MATCH SET e.aliases = ${nonEmpty('reduce(acc = coalesce(e.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END)')}
       SET e.aliasText = reduce(s = '', a IN coalesce(e.aliases, []) | s + ' ' + a)`,
    ),
    stage(
      'places',
      places.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, type: p.type, code: p.code })),
      `UNWIND $rows AS row MERGE (p:Place {id: row.id})
       ON CREATE SET p.name = row.name, p.type = row.type, p.code = row.code, p.aliases = ${nonEmpty('row.aliases')}
       ON MATCH SET p.aliases = ${nonEmpty('reduce(acc = coalesce(p.aliases, []), a IN row.aliases + [row.name] | CASE WHEN a IN acc OR a = p.name THEN acc ELSE acc + a END)')}
       SET p.aliasText = reduce(s = '', a IN coalesce(p.aliases, []) | s + ' ' + a)`,
    ),
  );
  for (const label of ['Project', 'Enterprise', 'Place'] as const) {
    const entities = label === 'Project' ? graph.projects : label === 'Enterprise' ? graph.enterprises : graph.places;
    const rows = entities.flatMap((e) =>
      e.mentions.map((m) => ({ id: e.id, sectionId: m.sectionId, start: m.start, end: m.end, reportId })),
    );
    plan.push(
      stage(
        `mentions:${label}`,
        rows,
        `UNWIND $rows AS row MATCH (s:Section {id: row.sectionId}), (x:${label} {id: row.id})
         CREATE (s)-[:MENTIONS {start: row.start, end: row.end, reportId: row.reportId}]->(x)`,
      ),
    );
  }
  // Links, grouped by type and end labels so that each MATCH uses a label's id constraint.
  const groups = new Map<string, { type: string; from: Label; to: Label; rows: object[] }>();
  for (const rel of region.relationships) {
    const from = labelOf.get(rel.from);
    const to = labelOf.get(rel.to);
    if (!from || !to || !(FACT_TYPES as readonly string[]).includes(rel.type)) continue;
    const k = `${rel.type}|${from}|${to}`;
    const g = groups.get(k) ?? { type: rel.type, from, to, rows: [] };
    g.rows.push({ from: rel.from, to: rel.to, props: { reportId, confidence: rel.confidence, ...rel.evidence } });
    groups.set(k, g);
  }
  for (const g of groups.values()) {
    plan.push(
      stage(
        `links:${g.type}:${g.from}->${g.to}`,
        g.rows,
        `UNWIND $rows AS row MATCH (a:${g.from} {id: row.from}), (b:${g.to} {id: row.to})
         CREATE (a)-[r:${g.type}]->(b) SET r += row.props`,
      ),
    );
  }
  return plan;
}

import type { ReportGraph } from '#domain/report-graph.ts';
import type { CypherQuery } from './executor.ts';
import { FACT_TYPES, type Label } from './model.ts';

export interface Batch {
  name: string;
  query: CypherQuery;
}

const BATCH = 500;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

function batches<T>(name: string, rows: T[], text: string): Batch[] {
  return chunks(rows).map((part, i) => ({ name: `${name}#${i + 1}`, query: { text, params: { rows: part } } }));
}

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
 * Turns a ReportGraph into the UNWIND batches that write it. Labels and relationship types
 * come from the model constants; every value travels as a parameter.
 */
export function buildLoadPlan(graph: ReportGraph, key: string): Batch[] {
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

  const plan: Batch[] = [
    {
      name: 'report',
      query: {
        text: `CREATE (r:Report {id: $p.id}) SET r += $p`,
        params: {
          p: {
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
            graphJson: JSON.stringify({ ...graph, report: { ...graph.report, text: undefined } }),
            loadedAt: new Date().toISOString(),
          },
        },
      },
    },
  ];
  const sections = graph.sections.map((s, order) => ({
    ...s,
    order,
    reportId,
    path: paths.get(s.id),
    text: text.slice(s.start, s.end),
  }));
  plan.push(
    ...batches(
      'sections',
      sections,
      `UNWIND $rows AS row CREATE (s:Section {id: row.id}) SET s += row
       WITH s, row MATCH (r:Report {id: row.reportId})
       FOREACH (_ IN CASE WHEN row.parentId IS NULL THEN [1] ELSE [] END | CREATE (r)-[:HAS_SECTION]->(s))`,
    ),
    ...batches(
      'subsections',
      sections.filter((s) => s.parentId).map((s) => ({ id: s.id, parentId: s.parentId })),
      `UNWIND $rows AS row MATCH (p:Section {id: row.parentId}), (s:Section {id: row.id}) CREATE (p)-[:HAS_SUBSECTION]->(s)`,
    ),
    ...batches(
      'indicators',
      graph.indicators.map((i) => ({ ...i, period: i.period ?? null, reportId, baseNumber: Number(i.baseValue) })),
      `UNWIND $rows AS row MATCH (s:Section {id: row.sectionId})
       CREATE (s)-[:STATES]->(i:Indicator {id: row.id}) SET i += row`,
    ),
    ...batches(
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
    ...batches(
      'projects',
      graph.projects.map((p) => ({
        id: p.id,
        name: p.name,
        aliases: p.aliases,
        aliasText: p.aliases.join(' '),
        reportId,
      })),
      `UNWIND $rows AS row CREATE (p:Project {id: row.id}) SET p += row`,
    ),
    ...batches(
      'enterprises',
      graph.enterprises.map((e) => ({ id: e.id, name: e.name, aliases: e.aliases })),
      `UNWIND $rows AS row MERGE (e:Enterprise {id: row.id})
       ON CREATE SET e.name = row.name, e.aliases = row.aliases
       ON MATCH SET e.aliases = reduce(acc = coalesce(e.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END)
       SET e.aliasText = reduce(s = '', a IN e.aliases | s + ' ' + a)`,
    ),
    ...batches(
      'places',
      graph.places.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, type: p.type, code: p.code })),
      `UNWIND $rows AS row MERGE (p:Place {id: row.id})
       ON CREATE SET p.name = row.name, p.type = row.type, p.code = row.code, p.aliases = row.aliases
       ON MATCH SET p.aliases = reduce(acc = coalesce(p.aliases, []), a IN row.aliases + [row.name] | CASE WHEN a IN acc OR a = p.name THEN acc ELSE acc + a END)
       SET p.aliasText = reduce(s = '', a IN p.aliases | s + ' ' + a)`,
    ),
  );
  for (const label of ['Project', 'Enterprise', 'Place'] as const) {
    const entities = label === 'Project' ? graph.projects : label === 'Enterprise' ? graph.enterprises : graph.places;
    const rows = entities.flatMap((e) =>
      e.mentions.map((m) => ({ id: e.id, sectionId: m.sectionId, start: m.start, end: m.end, reportId })),
    );
    plan.push(
      ...batches(
        `mentions:${label}`,
        rows,
        `UNWIND $rows AS row MATCH (s:Section {id: row.sectionId}), (x:${label} {id: row.id})
         CREATE (s)-[:MENTIONS {start: row.start, end: row.end, reportId: row.reportId}]->(x)`,
      ),
    );
  }
  // Links, grouped by type and end labels so that each MATCH uses a label's id constraint.
  const groups = new Map<string, { type: string; from: Label; to: Label; rows: object[] }>();
  for (const rel of graph.relationships) {
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
      ...batches(
        `links:${g.type}:${g.from}->${g.to}`,
        g.rows,
        `UNWIND $rows AS row MATCH (a:${g.from} {id: row.from}), (b:${g.to} {id: row.to})
         CREATE (a)-[r:${g.type}]->(b) SET r += row.props`,
      ),
    );
  }
  return plan;
}

import { AppError } from '#errors/app-error.ts';
import type { Executor } from '../executor.ts';
import type { Sink } from './sink.ts';
import { LABELS, type Label } from '../model.ts';
import { decodeGraphBlob } from '../graph-blob.ts';

export interface ExportNode {
  label: Label;
  props: Record<string, unknown>;
}
export interface ExportRel {
  type: string;
  from: string;
  to: string;
  fromLabel: Label;
  toLabel: Label;
  props: Record<string, unknown>;
}
export interface ExportData {
  nodes: ExportNode[];
  rels: ExportRel[];
}

const LABEL_OF = (v: string) => `head([l IN labels(${v}) WHERE l IN ${JSON.stringify(LABELS)}])`;
const NODE = (v: string) => `${v} { .*, graphJson: null }`;

/**
 * Reads what an export writes: the whole graph, or one report's subgraph (its own nodes, the
 * shared places and enterprises it mentions, and the relationships among them that it asserts;
 * a cross-report PREVIOUS, whose other end lies in another report, only in the whole graph's).
 * @throws AppError NOT_FOUND for an unknown report id.
 */
export async function readExportData(executor: Executor, reportId: string | null): Promise<ExportData> {
  let nodeRows;
  let relRows;
  if (reportId === null) {
    nodeRows = await executor.read({
      text: `MATCH (n) WHERE NOT n:PlangraphMigration RETURN ${LABEL_OF('n')} AS label, ${NODE('n')} AS props ORDER BY label, n.id`,
    });
    relRows = await executor.read({
      text: `MATCH (a)-[r]->(b) WHERE NOT a:PlangraphMigration
             RETURN type(r) AS type, a.id AS from, b.id AS to, ${LABEL_OF('a')} AS fromLabel, ${LABEL_OF('b')} AS toLabel, r { .* } AS props
             ORDER BY type, from, to`,
    });
  } else {
    const exists = await executor.read({
      text: 'MATCH (r:Report {id: $id}) RETURN r.id AS id',
      params: { id: reportId },
    });
    if (exists.length === 0) throw new AppError(`no report with id ${reportId}`, 'NOT_FOUND');
    nodeRows = await executor.read({
      text: `MATCH (r:Report {id: $id})
             CALL (r) {
               RETURN r AS n
               UNION MATCH (n:Section {reportId: r.id}) RETURN n
               UNION MATCH (n:Indicator {reportId: r.id}) RETURN n
               UNION MATCH (n:Goal {reportId: r.id}) RETURN n
               UNION MATCH (n:Project {reportId: r.id}) RETURN n
               UNION MATCH (:Section {reportId: r.id})-[:MENTIONS]->(n) RETURN DISTINCT n
             }
             RETURN ${LABEL_OF('n')} AS label, ${NODE('n')} AS props ORDER BY label, n.id`,
      params: { id: reportId },
    });
    relRows = await executor.read({
      text: `MATCH (r:Report {id: $id})
             CALL (r) {
               MATCH (a:Report {id: r.id})-[x:HAS_SECTION]->(b) RETURN a, x, b
               UNION MATCH (a:Section {reportId: r.id})-[x:HAS_SUBSECTION|STATES|MENTIONS]->(b) RETURN a, x, b
               UNION MATCH (a)-[x:SERVES|LOCATED_IN|INVOLVES|PART_OF|PREVIOUS {reportId: r.id}]->(b) WHERE x.crossReport IS NULL RETURN a, x, b
             }
             RETURN type(x) AS type, a.id AS from, b.id AS to, ${LABEL_OF('a')} AS fromLabel, ${LABEL_OF('b')} AS toLabel, x { .* } AS props
             ORDER BY type, from, to`,
      params: { id: reportId },
    });
  }
  const clean = (p: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null && v !== undefined));
  return {
    nodes: nodeRows.map((r) => ({ label: r.label as Label, props: clean(r.props as Record<string, unknown>) })),
    rels: relRows.map((r) => ({
      type: String(r.type),
      from: String(r.from),
      to: String(r.to),
      fromLabel: r.fromLabel as Label,
      toLabel: r.toLabel as Label,
      props: clean(r.props as Record<string, unknown>),
    })),
  };
}

/** The ReportGraphs as stored at load time (report text restored from fullText). */
export async function readReportGraphs(executor: Executor, reportId: string | null): Promise<unknown[]> {
  const rows = await executor.read({
    text: `MATCH (r:Report) WHERE $id IS NULL OR r.id = $id RETURN r.graphJson AS json, r.fullText AS text ORDER BY r.planYear, r.id`,
    params: { id: reportId },
  });
  if (reportId !== null && rows.length === 0) throw new AppError(`no report with id ${reportId}`, 'NOT_FOUND');
  return rows.map((r) => {
    const graph = decodeGraphBlob(String(r.json)) as { report: Record<string, unknown> };
    return { ...graph, report: { ...graph.report, text: r.text } };
  });
}

/**
 * Streams the ReportGraphs as a JSON array (or one object for a report id), reading one report
 * at a time by id, so that memory holds one report whatever the number of reports.
 * @returns how many ReportGraphs were written
 * @throws AppError NOT_FOUND for an unknown report id.
 */
export async function streamReportGraphs(executor: Executor, reportId: string | null, sink: Sink): Promise<number> {
  if (reportId !== null) {
    const [graph] = await readReportGraphs(executor, reportId);
    await sink(`${JSON.stringify(graph, null, 2)}\n`);
    return 1;
  }
  let after = '';
  let count = 0;
  await sink('[');
  for (;;) {
    const rows = await executor.read({
      text: `MATCH (r:Report) WHERE r.id > $after WITH r ORDER BY r.id LIMIT 1
             RETURN r.id AS id, r.graphJson AS json, r.fullText AS text`,
      params: { after },
    });
    const row = rows[0];
    if (!row) break;
    const graph = decodeGraphBlob(String(row.json)) as { report: Record<string, unknown> };
    const text = JSON.stringify({ ...graph, report: { ...graph.report, text: row.text } }, null, 2);
    await sink(`${count === 0 ? '\n' : ',\n'}${text.replace(/^/gm, '  ')}`);
    count += 1;
    after = String(row.id);
  }
  await sink(count === 0 ? ']\n' : '\n]\n');
  return count;
}

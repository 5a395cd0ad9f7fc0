import { AppError } from '#errors/app-error.ts';
import type { Executor } from '../executor.ts';
import { LABELS, REL_TYPES, type Label } from '../model.ts';
import { readExportData, type ExportNode, type ExportRel } from './read-export.ts';

/** A property's type across every node of a label (or relationship of a type). */
export type PropType = 'string' | 'long' | 'double' | 'boolean' | 'string[]';

/** Property names and types, per label and per relationship type, known before any row is written. */
export interface ExportSchema {
  nodes: Map<Label, Map<string, PropType>>;
  rels: Map<string, Map<string, PropType>>;
  /** Nodes per label present. */
  counts: Map<Label, number>;
  nodeCount: number;
  relCount: number;
}

/** What the writers read: the schema first, then pages of nodes, then pages of relationships. */
export interface ExportSource {
  schema: ExportSchema;
  /** Nodes in pages, label by label, each label in id order. */
  nodes(): AsyncIterable<ExportNode[]>;
  /** Relationships in pages, by their start node's label and id. */
  rels(): AsyncIterable<ExportRel[]>;
  /** How many pages nodes() and rels() yield together, for progress. */
  pages: number;
}

/** Properties no export carries: the ReportGraph blob is for `export --format json` only. */
const NEVER = new Set(['graphJson']);
export const PAGE = 5000;

const LABEL_OF = (v: string) => `head([l IN labels(${v}) WHERE l IN $labels])`;

function toPropType(types: string[]): PropType {
  const t = types.map((x) => x.replace(/ NOT NULL/g, ''));
  if (t.every((x) => x.startsWith('LIST'))) return 'string[]';
  if (t.every((x) => x === 'BOOLEAN')) return 'boolean';
  if (t.every((x) => x === 'INTEGER')) return 'long';
  if (t.every((x) => x === 'INTEGER' || x === 'FLOAT')) return 'double';
  return 'string';
}

function typesFromValues(items: { props: Record<string, unknown> }[]): Map<string, PropType> {
  const seen = new Map<string, string[]>();
  for (const item of items)
    for (const [k, v] of Object.entries(item.props)) {
      const t = Array.isArray(v)
        ? 'LIST'
        : typeof v === 'boolean'
          ? 'BOOLEAN'
          : typeof v === 'number'
            ? Number.isInteger(v)
              ? 'INTEGER'
              : 'FLOAT'
            : 'STRING';
      const list = seen.get(k) ?? [];
      if (!list.includes(t)) list.push(t);
      seen.set(k, list);
    }
  return new Map([...seen].map(([k, ts]) => [k, toPropType(ts)]));
}

async function readSchema(executor: Executor): Promise<ExportSchema> {
  const nodes = new Map<Label, Map<string, PropType>>();
  const counts = new Map<Label, number>();
  let nodeCount = 0;
  for (const label of LABELS) {
    const rows = await executor.read({
      text: `MATCH (n:${label}) UNWIND keys(n) AS k WITH k, valueType(n[k]) AS t
             RETURN k, collect(DISTINCT t) AS types ORDER BY k`,
    });
    const count = (await executor.read({ text: `MATCH (n:${label}) RETURN count(n) AS n` }))[0]!.n as number;
    nodeCount += count;
    if (count === 0) continue;
    counts.set(label, count);
    nodes.set(
      label,
      new Map(rows.filter((r) => !NEVER.has(String(r.k))).map((r) => [String(r.k), toPropType(r.types as string[])])),
    );
  }
  const rels = new Map<string, Map<string, PropType>>();
  let relCount = 0;
  for (const type of REL_TYPES) {
    const rows = await executor.read({
      text: `MATCH ()-[r:${type}]->() UNWIND keys(r) AS k WITH k, valueType(r[k]) AS t
             RETURN k, collect(DISTINCT t) AS types ORDER BY k`,
    });
    const count = (await executor.read({ text: `MATCH ()-[r:${type}]->() RETURN count(r) AS n` }))[0]!.n as number;
    relCount += count;
    if (count > 0) rels.set(type, new Map(rows.map((r) => [String(r.k), toPropType(r.types as string[])])));
  }
  return { nodes, rels, counts, nodeCount, relCount };
}

const clean = (p: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(p).filter(([k, v]) => v !== null && v !== undefined && !NEVER.has(k)));

/**
 * The whole graph as an ExportSource read in pages of PAGE nodes by id (each page an index seek
 * past the last id), so that time grows linearly with the graph and memory holds one page.
 */
export async function openGraphExport(executor: Executor): Promise<ExportSource> {
  const schema = await readSchema(executor);
  const labelsPresent = [...schema.nodes.keys()];
  const pages = labelsPresent.reduce((n, l) => n + 2 * Math.ceil(schema.counts.get(l)! / PAGE), 0);
  async function* pagesOf<T>(read: (after: string) => Promise<{ rows: T[]; last: string | null }>) {
    let after = '';
    for (;;) {
      const { rows, last } = await read(after);
      if (last === null) return;
      yield rows;
      after = last;
    }
  }
  return {
    schema,
    pages,
    async *nodes() {
      for (const label of labelsPresent) {
        yield* pagesOf(async (after) => {
          const rows = await executor.read({
            text: `MATCH (n:${label}) WHERE n.id > $after WITH n ORDER BY n.id LIMIT $page
                   RETURN n { .*, graphJson: null } AS props`,
            params: { after, page: PAGE },
          });
          const nodes = rows.map((r) => ({ label, props: clean(r.props as Record<string, unknown>) }));
          return { rows: nodes, last: nodes.length ? String(nodes[nodes.length - 1]!.props.id) : null };
        });
      }
    },
    async *rels() {
      for (const label of labelsPresent) {
        yield* pagesOf(async (after) => {
          const rows = await executor.read({
            text: `MATCH (a:${label}) WHERE a.id > $after WITH a ORDER BY a.id LIMIT $page
                   WITH collect(a) AS page, last(collect(a.id)) AS last
                   UNWIND page AS a
                   OPTIONAL MATCH (a)-[r]->(b)
                   RETURN last, type(r) AS type, a.id AS from, b.id AS to, ${LABEL_OF('b')} AS toLabel, r { .* } AS props`,
            params: { after, page: PAGE, labels: [...LABELS] },
          });
          if (rows.length === 0) return { rows: [], last: null };
          const rels = rows
            .filter((r) => r.type !== null)
            .map((r) => ({
              type: String(r.type),
              from: String(r.from),
              to: String(r.to),
              fromLabel: label,
              toLabel: r.toLabel as Label,
              props: clean(r.props as Record<string, unknown>),
            }));
          return { rows: rels, last: String(rows[0]!.last) };
        });
      }
    },
  };
}

/** One report's subgraph (small: read at once) as an ExportSource. */
export async function openReportExport(executor: Executor, reportId: string): Promise<ExportSource> {
  const data = await readExportData(executor, reportId);
  const nodes = new Map<Label, Map<string, PropType>>();
  for (const label of LABELS) {
    const of = data.nodes.filter((n) => n.label === label);
    if (of.length) nodes.set(label, typesFromValues(of));
  }
  const rels = new Map<string, Map<string, PropType>>();
  for (const type of new Set(data.rels.map((r) => r.type)))
    rels.set(type, typesFromValues(data.rels.filter((r) => r.type === type)));
  const byLabel = [...nodes.keys()].map((l) => data.nodes.filter((n) => n.label === l));
  return {
    schema: {
      nodes,
      rels,
      counts: new Map([...nodes.keys()].map((l, i) => [l, byLabel[i]!.length])),
      nodeCount: data.nodes.length,
      relCount: data.rels.length,
    },
    pages: 2,
    async *nodes() {
      yield byLabel.flat();
    },
    async *rels() {
      yield data.rels;
    },
  };
}

/**
 * The export of the whole graph (reportId null) or of one report.
 * @throws AppError NOT_FOUND for an unknown report id.
 */
export async function openExport(executor: Executor, reportId: string | null): Promise<ExportSource> {
  if (reportId === null) return openGraphExport(executor);
  const found = await executor.read({ text: 'MATCH (r:Report {id: $id}) RETURN r.id AS id', params: { id: reportId } });
  if (found.length === 0) throw new AppError(`no report with id ${reportId}`, 'NOT_FOUND');
  return openReportExport(executor, reportId);
}

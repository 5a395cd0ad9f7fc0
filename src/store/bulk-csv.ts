import { createReadStream, createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { ReportGraph } from '#domain/report-graph.ts';
import { csvLines, csvValue } from './export/admin-csv.ts';
import { reportStages, type Stage } from './load-plan.ts';
import type { Label } from './model.ts';
import { isFloatKey } from './to-params.ts';

type ColType = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'long[]' | 'double[]';

/** One CSV file in the making: rows wait as JSON lines until every column is known. */
interface Table {
  header: (cols: [string, ColType][]) => string[];
  prefix: (row: Record<string, unknown>) => string[];
  skip: Set<string>;
  cols: Map<string, ColType>;
  jsonl: string;
  out: WriteStream;
  rows: number;
}

function typeOf(key: string, v: unknown): ColType | undefined {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) {
    if (v.length > 0 && v.every((x) => typeof x === 'number'))
      return v.every((x) => Number.isInteger(x)) && !isFloatKey(key) ? 'long[]' : 'double[]';
    return 'string[]';
  }
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) && !isFloatKey(key) ? 'long' : 'double';
  return 'string';
}

const wider = (a: ColType, b: ColType): ColType =>
  a === b ? a : (a === 'long' && b === 'double') || (a === 'double' && b === 'long') ? 'double' : 'string';

const spec = (name: string, t: ColType) => (t === 'string' ? name : `${name}:${t}`);

/** Merged shared nodes, as the loader's MERGE leaves them after loading the reports in order. */
interface Shared {
  label: 'Place' | 'Enterprise';
  props: Record<string, unknown>;
}

/**
 * Writes ReportGraphs as neo4j-admin import CSV files with exactly the properties `ingest`
 * gives them (the same rows as the loader's plan; shared places and enterprises merged as its
 * MERGE does). Rows go to JSON-lines files first, so that memory holds only the shared nodes;
 * `finish` then writes each CSV with its full header.
 */
export function createBulkCsvWriter(dir: string) {
  mkdirSync(dir, { recursive: true });
  const tables = new Map<string, Table>();
  const shared = new Map<string, Shared>();
  const table = (name: string, make: () => Omit<Table, 'cols' | 'jsonl' | 'out' | 'rows'>) => {
    let t = tables.get(name);
    if (!t) {
      const jsonl = path.join(dir, `${name}.jsonl`);
      t = { ...make(), cols: new Map(), jsonl, out: createWriteStream(jsonl), rows: 0 };
      tables.set(name, t);
    }
    return t;
  };
  const add = (t: Table, row: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(row)) {
      if (t.skip.has(k)) continue;
      const ty = typeOf(k, v);
      if (!ty) continue;
      const seen = t.cols.get(k);
      t.cols.set(k, seen ? wider(seen, ty) : ty);
    }
    t.rows += 1;
    t.out.write(`${JSON.stringify(row)}\n`);
  };
  const nodeTable = (label: Label) =>
    table(`nodes-${label}`, () => ({
      header: (cols) => ['id:ID', ...cols.map(([n, t]) => spec(n, t)), ':LABEL'],
      prefix: (row) => [String(row.id)],
      skip: new Set(['id']),
    }));
  const relTable = (type: string) =>
    table(`rels-${type}`, () => ({
      header: (cols) => [':START_ID', ':END_ID', ':TYPE', ...cols.map(([n, t]) => spec(n, t))],
      prefix: (row) => [String(row.__from), String(row.__to), type],
      skip: new Set(['__from', '__to']),
    }));
  const rel = (type: string, from: unknown, to: unknown, props: Record<string, unknown> = {}) =>
    add(relTable(type), { __from: from, __to: to, ...props });

  const mergeShared = (label: 'Place' | 'Enterprise', row: Record<string, unknown>) => {
    const id = String(row.id);
    const aliases = (row.aliases as string[]) ?? [];
    const seen = shared.get(id);
    if (!seen) {
      const props: Record<string, unknown> = { id, name: row.name, aliases: [...aliases] };
      if (label === 'Place') Object.assign(props, { type: row.type, code: row.code });
      shared.set(id, { label, props });
      return;
    }
    const acc = seen.props.aliases as string[];
    const more = label === 'Place' ? [...aliases, String(row.name)] : aliases;
    for (const a of more) if (!acc.includes(a) && (label === 'Enterprise' || a !== seen.props.name)) acc.push(a);
  };

  const addStage = (st: Stage) => {
    const rows = st.rows as Record<string, unknown>[];
    const [head, arg] = st.name.split(':');
    if (head === 'report') for (const r of rows) add(nodeTable('Report'), r);
    else if (head === 'sections')
      for (const r of rows) {
        add(nodeTable('Section'), r);
        if (r.parentId === null || r.parentId === undefined) rel('HAS_SECTION', r.reportId, r.id);
      }
    else if (head === 'subsections') for (const r of rows) rel('HAS_SUBSECTION', r.parentId, r.id);
    else if (head === 'indicators' || head === 'goals')
      for (const r of rows) {
        add(nodeTable(head === 'goals' ? 'Goal' : 'Indicator'), r);
        rel('STATES', r.sectionId, r.id);
      }
    else if (head === 'projects') for (const r of rows) add(nodeTable('Project'), r);
    else if (head === 'enterprises') for (const r of rows) mergeShared('Enterprise', r);
    else if (head === 'places') for (const r of rows) mergeShared('Place', r);
    else if (head === 'mentions')
      for (const r of rows) rel('MENTIONS', r.sectionId, r.id, { start: r.start, end: r.end, reportId: r.reportId });
    else if (head === 'links') for (const r of rows) rel(arg!, r.from, r.to, r.props as Record<string, unknown>);
  };

  return {
    /** Adds one report (validated, distinct from those added before in id and key). */
    add(graph: ReportGraph, key: string): void {
      for (const st of reportStages(graph, key)) addStage(st);
    },
    /**
     * Writes the CSV files and removes the JSON lines.
     * @returns the neo4j-admin arguments (--nodes=…, --relationships=…) naming them
     */
    async finish(): Promise<string[]> {
      for (const s of shared.values()) {
        const aliases = s.props.aliases as string[];
        add(nodeTable(s.label), { ...s.props, aliasText: aliases.map((a) => ` ${a}`).join('') });
      }
      const args: string[] = [];
      for (const [name, t] of tables) {
        await new Promise<void>((resolve, reject) => t.out.end((e?: Error | null) => (e ? reject(e) : resolve())));
        const cols = [...t.cols];
        const file = path.join(dir, `${name}.csv`);
        const out = createWriteStream(file);
        const write = (text: string) =>
          out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
        await write(csvLines([t.header(cols)]));
        const lines = createInterface({ input: createReadStream(t.jsonl), crlfDelay: Infinity });
        let batch: string[][] = [];
        for await (const line of lines) {
          const row = JSON.parse(line) as Record<string, unknown>;
          batch.push([
            ...t.prefix(row),
            ...cols.map(([k]) => csvValue(row[k])),
            ...(name.startsWith('nodes-') ? [name.slice(6)] : []),
          ]);
          if (batch.length >= 2000) {
            await write(csvLines(batch));
            batch = [];
          }
        }
        if (batch.length) await write(csvLines(batch));
        await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
        args.push(`${name.startsWith('nodes-') ? '--nodes' : '--relationships'}=${file}`);
      }
      return args;
    },
  };
}

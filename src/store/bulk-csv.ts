import { closeSync, createReadStream, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { ReportGraph } from '#domain/report-graph.ts';
import { stringify } from 'csv-stringify/sync';
import { csvLines, csvValue } from './export/admin-csv.ts';
import { escapeLineBreaks, needsBreakEscape } from './line-breaks.ts';
import { reportStages, type Stage } from './load-plan.ts';
import { isFloatKey } from './to-params.ts';

export type ColType = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'long[]' | 'double[]';

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

/** A finished data file: `kind` nodes of `label` or relationships of type `label`, and its columns. */
export interface CsvTable {
  kind: 'nodes' | 'rels';
  label: string;
  file: string;
  cols: [string, ColType][];
  /** The columns that hold a text with escaped line breaks (line-breaks.ts) in some row. */
  escaped: string[];
}

/**
 * A property whose line breaks the import files escaped: put back after the import. For nodes,
 * the ids of the rows that hold one (so that no scan looks for them); relationships have no id,
 * and are found by a scan.
 */
export type EscapedColumn =
  { kind: 'nodes'; label: string; property: string; ids: string[] } | { kind: 'rels'; label: string; property: string };

/** The node rows of one flush whose `property` the files hold escaped. */
export interface EscapedIds {
  label: string;
  property: string;
  ids: string[];
}

/** What one flush wrote: where its rows went, and which of its node rows hold an escaped text. */
export interface Flushed {
  ranges: ByteRange[];
  escaped: EscapedIds[];
}

/** What the assembler gives the import: its arguments, and the columns to unescape after it. */
export interface ImportFiles {
  args: string[];
  escaped: EscapedColumn[];
}

/** Where one report's rows went: [file, first byte, end byte) in each data file it wrote to. */
export type ByteRange = [file: string, start: number, end: number];

/** A place or enterprise row of one report, merged across reports by the assembler. */
export interface SharedRow {
  label: 'Place' | 'Enterprise';
  id: string;
  name: unknown;
  aliases: string[];
  type?: unknown;
  code?: unknown;
}

/** What writing one report gave: its rows' places in the data files, and its shared rows. */
export interface WrittenReport {
  id: string;
  key: string;
  ranges: ByteRange[];
  shared: SharedRow[];
  /** Its node rows with an escaped text. */
  escaped: EscapedIds[];
}

/**
 * One label's or type's data in the making. Its rows go into parts, each a file with a header of
 * its own: a column first seen late (or a long column that becomes a double) starts a new part,
 * so that every row holds every column of its part. neo4j-admin misreads a row shorter than its
 * header when that row ends in an empty field, and an empty text or list must be written as a
 * quoted empty field ("") to be read as one, not as a missing value.
 */
interface DataFile {
  kind: 'nodes' | 'rels';
  label: string;
  base: string;
  parts: CsvTable[];
  fd: number | undefined;
  offset: number;
  /** The columns of the current part, in order. */
  types: Map<string, ColType>;
  /** The columns of the current part and of the rows pending, when they need a new part. */
  next: Map<string, ColType> | undefined;
  lead: (row: Record<string, unknown>) => string[];
  skip: Set<string>;
  pending: Record<string, unknown>[];
  /** The columns with an escaped line break in some row of the current part. */
  escaped: Set<string>;
}

/** Import rows through csv-stringify: a missing value as nothing, an empty text or list as "". */
const importCsvLines = (rows: (string | null)[][]) =>
  stringify(rows, { eof: true, record_delimiter: '\n', quoted_match: /^$/ });

/** A value as the import reads it: null for a missing one, lists joined by ';' (the array delimiter). */
function importCsvValue(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return csvValue(v);
}

/**
 * Writes rows of nodes and relationships straight into neo4j-admin import CSV files named
 * `<prefix>-nodes-<Label>-<part>.csv` and `<prefix>-rels-<TYPE>-<part>.csv` in `dir`. Rows of
 * one `flush` are contiguous in one part of each label, so that they can be cut out again
 * (see `withoutRanges`).
 */
export function createCsvTables(dir: string, prefix: string) {
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, DataFile>();
  /** The node rows of the current flush with an escaped text, by label and property. */
  let escapedIds = new Map<string, EscapedIds>();
  const noteEscaped = (label: string, property: string, id: string) => {
    const k = `${label}\0${property}`;
    let e = escapedIds.get(k);
    if (!e) escapedIds.set(k, (e = { label, property, ids: [] }));
    e.ids.push(id);
  };
  const open = (kind: 'nodes' | 'rels', label: string) => {
    const name = `${kind}-${label}`;
    let f = files.get(name);
    if (!f) {
      f = {
        kind,
        label,
        base: path.join(dir, `${prefix}-${name}`),
        parts: [],
        fd: undefined,
        offset: 0,
        types: new Map(),
        next: undefined,
        lead: kind === 'nodes' ? (row) => [String(row.id)] : (row) => [String(row.__from), String(row.__to)],
        skip: kind === 'nodes' ? new Set(['id']) : new Set(['__from', '__to']),
        pending: [],
        escaped: new Set(),
      };
      files.set(name, f);
    }
    return f;
  };
  const add = (f: DataFile, row: Record<string, unknown>) => {
    for (const k in row) {
      if (f.skip.has(k)) continue;
      const ty = typeOf(k, row[k]);
      if (!ty) continue;
      const known = (f.next ?? f.types).get(k);
      if (known === ty) continue;
      const merged = known ? wider(known, ty) : ty;
      if (merged === known) continue;
      f.next ??= new Map(f.types);
      f.next.set(k, merged);
    }
    f.pending.push(row);
  };
  const closePart = (f: DataFile) => {
    if (f.fd === undefined) return;
    closeSync(f.fd);
    f.fd = undefined;
    Object.assign(f.parts.at(-1)!, { cols: [...f.types], escaped: [...f.escaped] });
    f.escaped = new Set();
  };
  const write = (f: DataFile): ByteRange => {
    if (f.next || f.fd === undefined) {
      closePart(f);
      if (f.next) f.types = f.next;
      f.next = undefined;
      const file = `${f.base}-${f.parts.length + 1}.csv`;
      f.parts.push({ kind: f.kind, label: f.label, file, cols: [], escaped: [] });
      f.fd = openSync(file, 'w');
      f.offset = 0;
    }
    const keys = [...f.types.keys()];
    const rows = f.pending.map((row) => {
      const fields: (string | null)[] = f.lead(row);
      for (const k of keys) {
        const v = importCsvValue(row[k]);
        // No field spans lines, so that the import reads without --multiline-fields.
        if (v !== null && needsBreakEscape(v)) {
          f.escaped.add(k);
          if (f.kind === 'nodes') noteEscaped(f.label, k, String(row.id));
          fields.push(escapeLineBreaks(v));
        } else fields.push(v);
      }
      return fields;
    });
    f.pending = [];
    const bytes = Buffer.from(importCsvLines(rows));
    let done = 0;
    while (done < bytes.length) done += writeSync(f.fd, bytes, done, bytes.length - done);
    const range: ByteRange = [f.parts.at(-1)!.file, f.offset, f.offset + bytes.length];
    f.offset += bytes.length;
    return range;
  };
  return {
    node: (label: string, row: Record<string, unknown>) => add(open('nodes', label), row),
    rel: (type: string, from: unknown, to: unknown, props: Record<string, unknown> = {}) =>
      add(open('rels', type), { __from: from, __to: to, ...props }),
    /** Writes the rows added since the last flush. @returns where they went, and their escaped rows */
    flush(): Flushed {
      const ranges: ByteRange[] = [];
      for (const f of files.values()) if (f.pending.length > 0) ranges.push(write(f));
      const escaped = [...escapedIds.values()];
      escapedIds = new Map();
      return { ranges, escaped };
    },
    /** Closes the files. @returns each part with its columns in the order its rows hold them */
    close(): CsvTable[] {
      const tables: CsvTable[] = [];
      for (const f of files.values()) {
        closePart(f);
        tables.push(...f.parts);
      }
      files.clear();
      return tables;
    },
  };
}

/** The header line of a data file: ids first, then its columns in their order. */
export function csvHeader(t: CsvTable): string {
  const lead = t.kind === 'nodes' ? ['id:ID'] : [':START_ID', ':END_ID'];
  return csvLines([[...lead, ...t.cols.map(([n, ty]) => spec(n, ty))]]);
}

/**
 * Writes the non-shared rows of ReportGraphs (everything but places and enterprises, which the
 * assembler merges across reports) into CSV files, with exactly the properties `ingest` gives
 * them: the rows of the loader's own plan (load-plan.ts). One writer per worker thread.
 */
export function createReportCsvWriter(dir: string, prefix: string) {
  const out = createCsvTables(dir, prefix);
  const addStage = (st: Stage, shared: SharedRow[]) => {
    const rows = st.rows as Record<string, unknown>[];
    const [head, arg] = st.name.split(':');
    if (head === 'report') for (const r of rows) out.node('Report', r);
    else if (head === 'sections')
      for (const r of rows) {
        out.node('Section', r);
        if (r.parentId === null || r.parentId === undefined) out.rel('HAS_SECTION', r.reportId, r.id);
      }
    else if (head === 'subsections') for (const r of rows) out.rel('HAS_SUBSECTION', r.parentId, r.id);
    else if (head === 'indicators' || head === 'goals')
      for (const r of rows) {
        out.node(head === 'goals' ? 'Goal' : 'Indicator', r);
        out.rel('STATES', r.sectionId, r.id);
      }
    else if (head === 'projects') for (const r of rows) out.node('Project', r);
    else if (head === 'enterprises' || head === 'places')
      for (const r of rows)
        shared.push({
          label: head === 'places' ? 'Place' : 'Enterprise',
          id: String(r.id),
          name: r.name,
          aliases: (r.aliases as string[]) ?? [],
          ...(head === 'places' ? { type: r.type, code: r.code } : {}),
        });
    else if (head === 'mentions')
      for (const r of rows)
        out.rel('MENTIONS', r.sectionId, r.id, { start: r.start, end: r.end, reportId: r.reportId });
    else if (head === 'links') for (const r of rows) out.rel(arg!, r.from, r.to, r.props as Record<string, unknown>);
  };
  return {
    /** Writes one validated report. */
    add(graph: ReportGraph, key: string): WrittenReport {
      const shared: SharedRow[] = [];
      for (const st of reportStages(graph, key)) addStage(st, shared);
      return { id: graph.report.id, key, ...out.flush(), shared };
    },
    close: (): CsvTable[] => out.close(),
  };
}

/** Merged shared nodes, as the loader's MERGE leaves them after loading the reports in order. */
interface Shared {
  label: 'Place' | 'Enterprise';
  props: Record<string, unknown>;
  /** The reports (by their order) that carry it. */
  carriers: number[];
}

/**
 * Gathers the written reports in their files' order and makes the import's file list: of two
 * versions of a report (same key) the later wins, and an identical report given twice is one;
 * places and enterprises are merged as the loader's MERGE merges them.
 */
export function createBulkCsvAssembler(dir: string) {
  const chosen = new Map<string, number>();
  const written: WrittenReport[] = [];
  const dropped = new Set<number>();
  const shared = new Map<string, Shared>();
  const merge = (row: SharedRow, at: number) => {
    const seen = shared.get(row.id);
    if (!seen) {
      const props: Record<string, unknown> = { id: row.id, name: row.name, aliases: [...row.aliases] };
      if (row.label === 'Place') Object.assign(props, { type: row.type, code: row.code });
      shared.set(row.id, { label: row.label, props, carriers: [at] });
      return;
    }
    if (seen.carriers.at(-1) !== at) seen.carriers.push(at);
    const acc = seen.props.aliases as string[];
    const more = row.label === 'Place' ? [...row.aliases, String(row.name)] : row.aliases;
    for (const a of more) if (!acc.includes(a) && (row.label === 'Enterprise' || a !== seen.props.name)) acc.push(a);
  };
  return {
    /** Adds the next report in file order. @returns whether it is new (not the same report again) */
    add(report: WrittenReport): boolean {
      const at = written.length;
      written.push({ ...report, shared: [] });
      const before = chosen.get(report.key);
      if (before !== undefined && written[before]!.id === report.id) {
        dropped.add(at);
        return false;
      }
      if (before !== undefined) dropped.add(before);
      chosen.set(report.key, at);
      for (const row of report.shared) merge(row, at);
      return true;
    },
    /** How many distinct reports the import holds. */
    get size(): number {
      return chosen.size;
    },
    /**
     * Writes the shared nodes and every data file's header, cuts the rows of replaced reports
     * out of the data files.
     * @returns the neo4j-admin arguments (--nodes=Label=header,data …) naming them, and the
     *   columns whose line breaks are escaped
     */
    async finish(tables: CsvTable[]): Promise<ImportFiles> {
      const own = createCsvTables(dir, 'shared');
      for (const s of shared.values()) {
        if (s.carriers.every((at) => dropped.has(at))) continue; // mentioned only by replaced reports
        const aliases = s.props.aliases as string[];
        // No empty list, as `ingest` stores none (the import could not write one).
        own.node(s.label, {
          ...s.props,
          aliases: aliases.length > 0 ? aliases : null,
          aliasText: aliases.map((a) => ` ${a}`).join(''),
        });
      }
      const ownEscaped = own.flush().escaped;
      const all = [...tables, ...own.close()];
      const cut = new Map<string, [number, number][]>();
      for (const at of dropped)
        for (const [file, start, end] of written[at]!.ranges) cut.set(file, [...(cut.get(file) ?? []), [start, end]]);
      for (const [file, ranges] of cut) await withoutRanges(file, ranges);
      const args = all.map((t) => {
        const header = t.file.replace(/\.csv$/, '.header.csv');
        writeFileAll(header, csvHeader(t));
        return `${t.kind === 'nodes' ? '--nodes' : '--relationships'}=${t.label}=${header},${t.file}`;
      });
      // Escaped node rows by id, of the reports kept; relationship columns by name.
      const nodes = new Map<string, Extract<EscapedColumn, { kind: 'nodes' }>>();
      const kept = written.filter((_, at) => !dropped.has(at)).flatMap((w) => w.escaped);
      for (const e of [...kept, ...ownEscaped]) {
        const k = `${e.label}\0${e.property}`;
        const c = nodes.get(k) ?? { kind: 'nodes', label: e.label, property: e.property, ids: [] };
        c.ids.push(...e.ids);
        nodes.set(k, c);
      }
      const rels = new Map<string, EscapedColumn>();
      for (const t of all)
        if (t.kind === 'rels')
          for (const property of t.escaped)
            rels.set(`${t.label}\0${property}`, { kind: 'rels', label: t.label, property });
      return { args, escaped: [...nodes.values(), ...rels.values()] };
    },
  };
}

function writeFileAll(file: string, text: string): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** Rewrites a file without the given byte ranges (the rows of reports that another replaced). */
async function withoutRanges(file: string, ranges: [number, number][]): Promise<void> {
  const size = statSync(file).size;
  const keep: [number, number][] = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start > at) keep.push([at, start]);
    at = Math.max(at, end);
  }
  if (at < size) keep.push([at, size]);
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    for (const [start, end] of keep)
      for await (const chunk of createReadStream(file, { start, end: end - 1 })) writeSync(fd, chunk as Buffer);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/**
 * Writes ReportGraphs as neo4j-admin import CSV files in this thread (the bulk path spreads the
 * same work over worker threads): `add` each report in order, then `finish`.
 */
export function createBulkCsvWriter(dir: string) {
  const writer = createReportCsvWriter(dir, 'main');
  const assembler = createBulkCsvAssembler(dir);
  return {
    /** Adds one report (validated). */
    add(graph: ReportGraph, key: string): void {
      assembler.add(writer.add(graph, key));
    },
    /** @returns the neo4j-admin arguments naming the files, and the columns to unescape */
    finish: (): Promise<ImportFiles> => assembler.finish(writer.close()),
  };
}

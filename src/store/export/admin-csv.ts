import { stringify } from 'csv-stringify/sync';
import type { Sink } from './sink.ts';
import type { ExportSource, PropType } from './stream-export.ts';

/** Files of a directory export, each opened when first needed and closed (committed) at the end. */
export interface DirSink {
  open(name: string): Promise<{ sink: Sink; close(): Promise<void> }>;
}

export interface CsvColumn {
  name: string;
  spec: string;
}

/** Header columns for neo4j-admin import: `name` for strings, `name:long`, `name:string[]` … */
export function csvColumns(types: Map<string, PropType>, skip: Set<string> = new Set()): CsvColumn[] {
  return [...types]
    .filter(([name]) => !skip.has(name))
    .map(([name, type]) => ({ name, spec: type === 'string' ? name : `${name}:${type}` }));
}

/** A value as neo4j-admin reads it: lists joined by ';' (the tool's default array delimiter), maps as JSON. */
export function csvValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(String).join(';');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** CSV lines through csv-stringify (quoting fields with commas, quotes or newlines). */
export const csvLines = (rows: string[][]) => stringify(rows, { eof: true, record_delimiter: '\n' });

/** The IMPORT.md that explains how to load the files. */
export function importInstructions(files: string[]): string {
  const args = files.map((f) => (f.startsWith('nodes-') ? `--nodes=${f}` : `--relationships=${f}`));
  return `# Bulk import\n\nInto an empty database, from this directory:\n\n\`\`\`bash\nneo4j-admin database import full neo4j --multiline-fields=true --array-delimiter=';' \\\n  ${args.join(' \\\n  ')}\n\`\`\`\n\nThen apply plangraph's schema: \`NEO4J_URI=… npx plangraph migrate\`.\n`;
}

/**
 * Streams CSV files in the neo4j-admin import format: nodes-<Label>.csv (id:ID … :LABEL) and
 * rels-<TYPE>.csv (:START_ID, :END_ID, :TYPE …), plus the import command in IMPORT.md. Texts
 * hold newlines, so the command passes --multiline-fields=true.
 * @param onPage called after each page of nodes or relationships, for progress
 */
export async function writeAdminCsv(
  source: ExportSource,
  dir: DirSink,
  onPage: () => void = () => {},
): Promise<string[]> {
  const open = new Map<string, { sink: Sink; close(): Promise<void>; cols: CsvColumn[] }>();
  const fileFor = async (name: string, header: string[], cols: CsvColumn[]) => {
    let f = open.get(name);
    if (!f) {
      f = { ...(await dir.open(name)), cols };
      open.set(name, f);
      await f.sink(csvLines([header]));
    }
    return f;
  };
  for await (const page of source.nodes()) {
    const byFile = new Map<string, string[][]>();
    for (const n of page) {
      const cols = csvColumns(source.schema.nodes.get(n.label) ?? new Map(), new Set(['id']));
      const name = `nodes-${n.label}.csv`;
      const f = await fileFor(name, ['id:ID', ...cols.map((c) => c.spec), ':LABEL'], cols);
      const rows = byFile.get(name) ?? [];
      rows.push([csvValue(n.props.id), ...f.cols.map((c) => csvValue(n.props[c.name])), n.label]);
      byFile.set(name, rows);
    }
    for (const [name, rows] of byFile) await open.get(name)!.sink(csvLines(rows));
    onPage();
  }
  for await (const page of source.rels()) {
    const byFile = new Map<string, string[][]>();
    for (const r of page) {
      const cols = csvColumns(source.schema.rels.get(r.type) ?? new Map());
      const name = `rels-${r.type}.csv`;
      const f = await fileFor(name, [':START_ID', ':END_ID', ':TYPE', ...cols.map((c) => c.spec)], cols);
      const rows = byFile.get(name) ?? [];
      rows.push([r.from, r.to, r.type, ...f.cols.map((c) => csvValue(r.props[c.name]))]);
      byFile.set(name, rows);
    }
    for (const [name, rows] of byFile) await open.get(name)!.sink(csvLines(rows));
    onPage();
  }
  const names = [...open.keys()];
  for (const f of open.values()) await f.close();
  const md = await dir.open('IMPORT.md');
  await md.sink(importInstructions(names));
  await md.close();
  return names;
}

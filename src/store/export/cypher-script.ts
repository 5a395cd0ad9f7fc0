import { schemaForEmptyDatabase } from '../migrate.ts';
import type { Label } from '../model.ts';
import { isFloatKey } from '../to-params.ts';
import type { Sink } from './sink.ts';
import type { ExportSource } from './stream-export.ts';

/** Rows per UNWIND statement. */
export const SCRIPT_BATCH = 1000;

/** A Cypher literal for a value: strings escaped, lists and maps recursively. */
export function cypherLiteral(v: unknown, key = ''): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') {
    return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
  }
  // Measurements stay floats when the script is loaded elsewhere (10 → 10.0), as the loader keeps them.
  if (typeof v === 'number') return Number.isInteger(v) && isFloatKey(key) ? v.toFixed(1) : String(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => cypherLiteral(x, key)).join(', ')}]`;
  return `{${Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `\`${k.replace(/`/g, '``')}\`: ${cypherLiteral(x, k)}`)
    .join(', ')}}`;
}

const name = (k: string) => `\`${k.replace(/`/g, '``')}\``;
const setters = (v: string, keys: string[], from: number) =>
  keys.length ? ` SET ${keys.map((k, i) => `${v}.${name(k)} = r[${i + from}]`).join(', ')}` : '';

/**
 * Streams a Cypher script that recreates the graph on another Neo4j 5: the schema scripts, then
 * the nodes and relationships in UNWIND statements of SCRIPT_BATCH rows each, so that
 * `cypher-shell -f` runs a few hundred statements (each its own transaction) instead of one per
 * node. Rows are lists in a fixed column order per label or type, not maps: Neo4j parses and plans
 * a list of 1,000 literal lists several times faster than 1,000 literal maps (BENCHMARKS.md).
 * Relationship rows wait in one buffer per (type, start label, end label) until it is full.
 * @param onPage called after each page of nodes or relationships, for progress
 */
export async function writeCypherScript(
  source: ExportSource,
  sink: Sink,
  onPage: () => void = () => {},
): Promise<void> {
  const head = ['// plangraph export: run statement by statement (cypher-shell -f, or Neo4j Browser).', ''];
  for (const s of schemaForEmptyDatabase()) head.push(`${s};`);
  await sink(`${head.join('\n')}\n`);
  const columns = new Map<Label, string[]>();
  for (const [label, types] of source.schema.nodes)
    columns.set(label, ['id', ...[...types.keys()].filter((k) => k !== 'id')]);
  const nodes = new Map<Label, string[]>();
  const flushNodes = async (label: Label) => {
    const rows = nodes.get(label);
    if (!rows?.length) return;
    nodes.set(label, []);
    const keys = columns.get(label)!.slice(1);
    await sink(`UNWIND [${rows.join(',\n')}] AS r CREATE (n:${label} {id: r[0]})${setters('n', keys, 1)};\n`);
  };
  for await (const page of source.nodes()) {
    for (const n of page) {
      const cols = columns.get(n.label) ?? ['id', ...Object.keys(n.props).filter((k) => k !== 'id')];
      columns.set(n.label, cols);
      const rows = nodes.get(n.label) ?? [];
      rows.push(`[${cols.map((k) => cypherLiteral(n.props[k], k)).join(', ')}]`);
      nodes.set(n.label, rows);
      if (rows.length >= SCRIPT_BATCH) await flushNodes(n.label);
    }
    onPage();
  }
  for (const label of nodes.keys()) await flushNodes(label);
  const relColumns = new Map<string, string[]>();
  for (const [type, types] of source.schema.rels) relColumns.set(type, [...types.keys()]);
  const rels = new Map<string, { text: string; keys: string[]; rows: string[] }>();
  const flushRels = async (key: string) => {
    const group = rels.get(key);
    if (!group?.rows.length) return;
    const rows = group.rows;
    group.rows = [];
    await sink(`UNWIND [${rows.join(',\n')}] AS r ${group.text};\n`);
  };
  for await (const page of source.rels()) {
    for (const r of page) {
      const key = `${r.type}|${r.fromLabel}|${r.toLabel}`;
      let group = rels.get(key);
      if (!group) {
        const keys = relColumns.get(r.type) ?? Object.keys(r.props);
        group = {
          keys,
          text: `MATCH (a:${r.fromLabel} {id: r[0]}), (b:${r.toLabel} {id: r[1]}) CREATE (a)-[x:${r.type}]->(b)${setters('x', keys, 2)}`,
          rows: [],
        };
        rels.set(key, group);
      }
      group.rows.push(
        `[${[cypherLiteral(r.from), cypherLiteral(r.to), ...group.keys.map((k) => cypherLiteral(r.props[k], k))].join(', ')}]`,
      );
      if (group.rows.length >= SCRIPT_BATCH) await flushRels(key);
    }
    onPage();
  }
  for (const key of rels.keys()) await flushRels(key);
}

import { readMigrations } from '../migrate.ts';
import type { ExportData } from './read-export.ts';

// Measurements stay floats when the script is loaded elsewhere (10 → 10.0).
const FLOAT_KEYS = new Set(['value', 'baseNumber', 'confidence']);

/** A Cypher literal for a value: strings escaped, lists and maps recursively. */
export function cypherLiteral(v: unknown, key = ''): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') {
    return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
  }
  if (typeof v === 'number') return Number.isInteger(v) && FLOAT_KEYS.has(key) ? v.toFixed(1) : String(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => cypherLiteral(x, key)).join(', ')}]`;
  return `{${Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `\`${k.replace(/`/g, '``')}\`: ${cypherLiteral(x, k)}`)
    .join(', ')}}`;
}

/**
 * A Cypher script that recreates the graph on another Neo4j 5: the schema scripts, then one
 * CREATE per node and one MATCH…CREATE per relationship, each ending in `;`. Small statements of
 * the same shape let Neo4j reuse one plan (it lifts literals into parameters); large literal
 * batches would be planned one by one, far slower.
 */
export function toCypherScript(data: ExportData): string {
  const out: string[] = ['// plangraph export: run statement by statement (cypher-shell -f, or Neo4j Browser).', ''];
  for (const m of readMigrations()) for (const s of m.statements) out.push(`${s};`);
  for (const n of data.nodes) out.push(`CREATE (:${n.label} ${cypherLiteral(n.props)});`);
  for (const r of data.rels) {
    out.push(
      `MATCH (a:${r.fromLabel} {id: ${cypherLiteral(r.from)}}), (b:${r.toLabel} {id: ${cypherLiteral(r.to)}}) CREATE (a)-[:${r.type} ${cypherLiteral(r.props)}]->(b);`,
    );
  }
  return `${out.join('\n')}\n`;
}

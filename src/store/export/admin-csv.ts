import type { ExportData } from './read-export.ts';

const csv = (v: unknown) => {
  const s = Array.isArray(v)
    ? v.map(String).join(';')
    : typeof v === 'object' && v !== null
      ? JSON.stringify(v)
      : v === undefined || v === null
        ? ''
        : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function header(items: { props: Record<string, unknown> }[], skip: Set<string>): { name: string; spec: string }[] {
  const seen = new Map<string, unknown[]>();
  for (const item of items)
    for (const [k, v] of Object.entries(item.props)) if (!skip.has(k)) seen.set(k, [...(seen.get(k) ?? []), v]);
  return [...seen.entries()].map(([name, values]) => {
    const type = values.every((v) => Array.isArray(v))
      ? 'string[]'
      : values.every((v) => typeof v === 'boolean')
        ? 'boolean'
        : values.every((v) => typeof v === 'number' && Number.isInteger(v))
          ? 'long'
          : values.every((v) => typeof v === 'number')
            ? 'double'
            : 'string';
    return { name, spec: type === 'string' ? name : `${name}:${type}` };
  });
}

/**
 * CSV files in the neo4j-admin import format: nodes-<Label>.csv (id:ID … :LABEL) and
 * rels-<TYPE>.csv (:START_ID, :END_ID, :TYPE …), plus the import command in IMPORT.md.
 * Arrays use ';', the tool's default array delimiter; texts hold newlines, so the command
 * passes --multiline-fields=true.
 */
export function toAdminCsv(data: ExportData): Map<string, string> {
  const files = new Map<string, string>();
  const labels = [...new Set(data.nodes.map((n) => n.label))];
  for (const label of labels) {
    const nodes = data.nodes.filter((n) => n.label === label);
    const cols = header(nodes, new Set(['id']));
    const lines = [['id:ID', ...cols.map((c) => c.spec), ':LABEL'].join(',')];
    for (const n of nodes) lines.push([csv(n.props.id), ...cols.map((c) => csv(n.props[c.name])), label].join(','));
    files.set(`nodes-${label}.csv`, `${lines.join('\n')}\n`);
  }
  const types = [...new Set(data.rels.map((r) => r.type))];
  for (const type of types) {
    const rels = data.rels.filter((r) => r.type === type);
    const cols = header(rels, new Set());
    const lines = [[':START_ID', ':END_ID', ':TYPE', ...cols.map((c) => c.spec)].join(',')];
    for (const r of rels)
      lines.push([csv(r.from), csv(r.to), type, ...cols.map((c) => csv(r.props[c.name]))].join(','));
    files.set(`rels-${type}.csv`, `${lines.join('\n')}\n`);
  }
  const args = [...files.keys()].map((f) => (f.startsWith('nodes-') ? `--nodes=${f}` : `--relationships=${f}`));
  files.set(
    'IMPORT.md',
    `# Bulk import\n\nInto an empty database, from this directory:\n\n\`\`\`bash\nneo4j-admin database import full neo4j --multiline-fields=true --array-delimiter=';' \\\n  ${args.join(' \\\n  ')}\n\`\`\`\n\nThen apply plangraph's schema: \`NEO4J_URI=… npx plangraph migrate\`.\n`,
  );
  return files;
}

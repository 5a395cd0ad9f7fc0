import type { ExportData } from './read-export.ts';

const xml = (s: string) =>
  s
    .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

type KeyType = 'string' | 'double' | 'long' | 'boolean';

function typeOf(values: unknown[]): KeyType {
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'long';
  if (values.every((v) => typeof v === 'number')) return 'double';
  return 'string';
}

function keys(items: { props: Record<string, unknown> }[], domain: 'node' | 'edge', prefix: string) {
  const byName = new Map<string, unknown[]>();
  for (const item of items)
    for (const [k, v] of Object.entries(item.props)) byName.set(k, [...(byName.get(k) ?? []), v]);
  return [...byName.entries()].map(([name, values], i) => ({
    id: `${prefix}${i}`,
    name,
    type: typeOf(values),
    domain,
  }));
}

const value = (v: unknown) => (Array.isArray(v) ? v.join(';') : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** GraphML (opens in Gephi and yEd): labels as a `labels` attribute, types as `label` on edges. */
export function toGraphML(data: ExportData): string {
  const nodeKeys = keys(data.nodes, 'node', 'n');
  const edgeKeys = keys(data.rels, 'edge', 'e');
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="labels" for="node" attr.name="labels" attr.type="string"/>',
    '  <key id="label" for="edge" attr.name="label" attr.type="string"/>',
    ...[...nodeKeys, ...edgeKeys].map(
      (k) => `  <key id="${k.id}" for="${k.domain}" attr.name="${xml(k.name)}" attr.type="${k.type}"/>`,
    ),
    '  <graph id="plangraph" edgedefault="directed">',
  ];
  const nodeKey = new Map(nodeKeys.map((k) => [k.name, k.id]));
  const edgeKey = new Map(edgeKeys.map((k) => [k.name, k.id]));
  for (const n of data.nodes) {
    out.push(`    <node id="${xml(String(n.props.id))}">`, `      <data key="labels">:${n.label}</data>`);
    for (const [k, v] of Object.entries(n.props))
      out.push(`      <data key="${nodeKey.get(k)}">${xml(value(v))}</data>`);
    out.push('    </node>');
  }
  data.rels.forEach((r, i) => {
    out.push(
      `    <edge id="e${i}" source="${xml(r.from)}" target="${xml(r.to)}">`,
      `      <data key="label">${r.type}</data>`,
    );
    for (const [k, v] of Object.entries(r.props))
      out.push(`      <data key="${edgeKey.get(k)}">${xml(value(v))}</data>`);
    out.push('    </edge>');
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

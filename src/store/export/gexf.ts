import { asText, displayLabel, INTERNAL_FIELDS, xmlSafe } from './labels.ts';
import type { Sink } from './sink.ts';
import { openXml } from './xml-stream.ts';
import type { ExportSource, PropType } from './stream-export.ts';

const GEXF_TYPE: Record<PropType, string> = {
  string: 'string',
  'string[]': 'liststring',
  long: 'long',
  double: 'double',
  boolean: 'boolean',
};

function attributesOf(maps: Iterable<Map<string, PropType>>): Map<string, { id: string; type: string }> {
  const types = new Map<string, string>();
  for (const m of maps)
    for (const [name, t] of m) {
      if (INTERNAL_FIELDS.has(name) || name === 'id') continue;
      const g = GEXF_TYPE[t];
      const seen = types.get(name);
      types.set(name, seen === undefined || seen === g ? g : seen === 'long' && g === 'double' ? 'double' : 'string');
    }
  return new Map([...types].map(([name, type], i) => [name, { id: String(i), type }]));
}

// GEXF 1.3 writes a liststring as [a, b] with values separated by commas.
const gexfValue = (v: unknown, type: string) =>
  type === 'liststring' && Array.isArray(v)
    ? xmlSafe(`[${v.map((x) => String(x).replace(/[,[\]]/g, ' ')).join(',')}]`)
    : asText(v);

/**
 * Streams GEXF 1.3 (Gephi's own format) through xmlbuilder's streaming writer, one element per line. graphology-gexf would
 * need the whole graph in memory first; this writes page by page. Nodes carry `label` (name,
 * metric and value, or title) and a `kind` attribute (the model label); edges carry their type
 * as `label`. Internal fields are left out, as in GraphML.
 * @param onPage called after each page of nodes or relationships, for progress
 */
export async function writeGexf(source: ExportSource, sink: Sink, onPage: () => void = () => {}): Promise<void> {
  const out = openXml(sink);
  const { xml, newline, flush } = out;
  const nodeAttrs = attributesOf(source.schema.nodes.values());
  const edgeAttrs = attributesOf(source.schema.rels.values());
  xml.dec('1.0', 'UTF-8').ele('gexf', { xmlns: 'http://gexf.net/1.3', version: '1.3' });
  newline();
  xml.ele('meta').ele('creator').txt('plangraph').up().up();
  newline();
  xml.ele('graph', { defaultedgetype: 'directed', mode: 'static' });
  newline();
  xml.ele('attributes', { class: 'node' });
  newline();
  xml.ele('attribute', { id: 'kind', title: 'kind', type: 'string' }).up();
  newline();
  for (const [name, a] of nodeAttrs) xml.ele('attribute', { id: a.id, title: xmlSafe(name), type: a.type }).up();
  newline();
  xml.up();
  newline();
  xml.ele('attributes', { class: 'edge' });
  newline();
  for (const [name, a] of edgeAttrs) xml.ele('attribute', { id: a.id, title: xmlSafe(name), type: a.type }).up();
  newline();
  xml.up();
  newline();
  xml.ele('nodes');
  newline();
  await flush();
  for await (const page of source.nodes()) {
    for (const n of page) {
      xml.ele('node', { id: xmlSafe(String(n.props.id)), label: xmlSafe(displayLabel(n)) }).ele('attvalues');
      xml.ele('attvalue', { for: 'kind', value: n.label }).up();
      for (const [k, v] of Object.entries(n.props)) {
        const a = nodeAttrs.get(k);
        if (a) xml.ele('attvalue', { for: a.id, value: gexfValue(v, a.type) }).up();
      }
      xml.up().up();
      newline();
    }
    await flush();
    onPage();
  }
  xml.up().ele('edges');
  newline();
  let e = 0;
  for await (const page of source.rels()) {
    for (const r of page) {
      xml
        .ele('edge', { id: String(e++), source: xmlSafe(r.from), target: xmlSafe(r.to), label: r.type })
        .ele('attvalues');
      for (const [k, v] of Object.entries(r.props)) {
        const a = edgeAttrs.get(k);
        if (a) xml.ele('attvalue', { for: a.id, value: gexfValue(v, a.type) }).up();
      }
      xml.up().up();
      newline();
    }
    await flush();
    onPage();
  }
  await out.end();
}

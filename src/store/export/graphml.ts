import { asText, displayLabel, INTERNAL_FIELDS, xmlSafe } from './labels.ts';
import type { Sink } from './sink.ts';
import { openXml } from './xml-stream.ts';
import type { ExportSource, PropType } from './stream-export.ts';

const GRAPHML_TYPE: Record<PropType, string> = {
  string: 'string',
  'string[]': 'string',
  long: 'long',
  double: 'double',
  boolean: 'boolean',
};

/** One key per property name and domain; a name whose types differ between labels becomes a string. */
function keysOf(maps: Iterable<Map<string, PropType>>, prefix: string): Map<string, { id: string; type: string }> {
  const types = new Map<string, string>();
  for (const m of maps)
    for (const [name, t] of m) {
      if (INTERNAL_FIELDS.has(name)) continue;
      const g = GRAPHML_TYPE[t];
      const seen = types.get(name);
      types.set(name, seen === undefined || seen === g ? g : seen === 'long' && g === 'double' ? 'double' : 'string');
    }
  return new Map([...types].map(([name, type], i) => [name, { id: `${prefix}${i}`, type }]));
}

/**
 * Streams GraphML (opens in Gephi and yEd) through xmlbuilder's streaming writer, one element per line: every node carries a
 * `label` (name, metric and value, or title) and its model label as `labels`; edges carry their
 * type as `label`. Internal fields (aliasText, occurrencesJson, fullText, graphJson) are left out.
 * @param onPage called after each page of nodes or relationships, for progress
 */
export async function writeGraphML(source: ExportSource, sink: Sink, onPage: () => void = () => {}): Promise<void> {
  const out = openXml(sink);
  const { xml, newline, flush } = out;
  const nodeKeys = keysOf(source.schema.nodes.values(), 'n');
  const edgeKeys = keysOf(source.schema.rels.values(), 'e');
  xml.dec('1.0', 'UTF-8').ele('graphml', {
    xmlns: 'http://graphml.graphdrawing.org/xmlns',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
  });
  newline();
  xml.ele('key', { id: 'label', for: 'node', 'attr.name': 'label', 'attr.type': 'string' }).up();
  newline();
  xml.ele('key', { id: 'labels', for: 'node', 'attr.name': 'labels', 'attr.type': 'string' }).up();
  newline();
  xml.ele('key', { id: 'type', for: 'edge', 'attr.name': 'label', 'attr.type': 'string' }).up();
  newline();
  for (const [domain, keys] of [
    ['node', nodeKeys],
    ['edge', edgeKeys],
  ] as const)
    for (const [name, k] of keys)
      xml.ele('key', { id: k.id, for: domain, 'attr.name': xmlSafe(name), 'attr.type': k.type }).up();
  newline();
  xml.ele('graph', { id: 'plangraph', edgedefault: 'directed' });
  newline();
  await flush();
  for await (const page of source.nodes()) {
    for (const n of page) {
      xml.ele('node', { id: xmlSafe(String(n.props.id)) });
      xml
        .ele('data', { key: 'label' })
        .txt(xmlSafe(displayLabel(n)))
        .up();
      xml.ele('data', { key: 'labels' }).txt(`:${n.label}`).up();
      for (const [k, v] of Object.entries(n.props)) {
        const key = nodeKeys.get(k);
        if (key) xml.ele('data', { key: key.id }).txt(asText(v)).up();
      }
      xml.up();
      newline();
    }
    await flush();
    onPage();
  }
  let e = 0;
  for await (const page of source.rels()) {
    for (const r of page) {
      xml.ele('edge', { id: `e${e++}`, source: xmlSafe(r.from), target: xmlSafe(r.to) });
      xml.ele('data', { key: 'type' }).txt(r.type).up();
      for (const [k, v] of Object.entries(r.props)) {
        const key = edgeKeys.get(k);
        if (key) xml.ele('data', { key: key.id }).txt(asText(v)).up();
      }
      xml.up();
      newline();
    }
    await flush();
    onPage();
  }
  await out.end();
}

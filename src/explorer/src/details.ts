import { KIND_NAMES, gql, type Kind } from './api.ts';
import { $, el, highlighted, latestOnly } from './dom.ts';

const EVIDENCE = 'evidence { text start end section { id path text start } }';
const DETAILS = `query($id: ID!) { node(id: $id) {
  __typename id
  ... on Indicator { metric value unit baseValue baseUnit kind year period qualifier threshold ${EVIDENCE}
    servedBy { confidence project { id name } evidence { text start end section { path text start } } }
    previous { target { ... on Indicator { value unit year } } change { absolute ratio unit } } }
  ... on Goal { name action kind year ${EVIDENCE} servedBy { confidence project { id name } evidence { text start end section { path text start } } }
    previous { target { ... on Goal { name year action } } } }
  ... on Project { name aliases report { title } places { id name } enterprises { id name } serves { confidence target { id ... on Indicator { metric value unit year } ... on Goal { name year } } } }
  ... on Place { name aliases type code parent { id name } children { id name } reports { title } projects { id name } }
  ... on Enterprise { name aliases projects { id name } places { id name } reports { title } }
  ... on Section { title path level text report { title } }
  ... on Report { title regionName deliveredOn meeting speaker planYear }
} }`;

type Evidence = {
  text: string;
  start: number;
  end: number;
  section: { path: string; text: string; start: number } | null;
};

function evidenceBlock(e: Evidence): HTMLElement {
  if (!e.section) return el('div', { class: 'evidence' }, e.text);
  return el(
    'div',
    {},
    el('small', {}, e.section.path),
    highlighted(e.section.text, e.start - e.section.start, e.end - e.section.start),
  );
}

function row(k: string, v: unknown): HTMLTableRowElement | null {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return null;
  return el('tr', {}, el('th', {}, k), el('td', {}, Array.isArray(v) ? v.join('、') : String(v)));
}

/** The details panel: properties, the evidence sentence highlighted in its section, and links. */
export interface DetailActions {
  /** Shows a related node: its details, and its neighbourhood added to the graph. */
  open(id: string, kind: Kind): void;
  expand(id: string): void;
  trace(id: string): void;
}

const beginDetails = latestOnly();

export async function showDetails(id: string, kind: Kind, actions: DetailActions): Promise<void> {
  const { open, trace } = actions;
  const isLatest = beginDetails();
  const box = $('#details');
  box.replaceChildren(el('p', { class: 'hint' }, 'Loading…'));
  const { node } = await gql<{ node: Record<string, any> | null }>(DETAILS, { id });
  if (!isLatest()) return;
  if (!node) {
    box.replaceChildren(el('p', { class: 'hint' }, `No node ${id}`));
    return;
  }
  const title = node.metric ? `${node.metric} ${node.value}${node.unit}` : (node.name ?? node.title ?? id);
  const link = (x: { id: string; name: string }, k: Kind) => {
    const b = el('button', { class: 'result' }, x.name);
    b.addEventListener('click', () => open(x.id, k));
    return b;
  };
  const parts: (Node | null)[] = [el('small', {}, KIND_NAMES[kind]), el('h2', { id: 'details-title' }, title)];
  const props = el('table', {});
  for (const [k, v] of Object.entries(node)) {
    const plain = v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => typeof x !== 'object'));
    if (!plain || ['__typename', 'id', 'text'].includes(k)) continue;
    const r = row(k, v);
    if (r) props.append(r);
  }
  parts.push(props);
  if (node.evidence) parts.push(el('h3', {}, 'Evidence'), evidenceBlock(node.evidence));
  if (node.previous) {
    const p = node.previous;
    const prev =
      p.target.value !== undefined
        ? `${p.target.value}${p.target.unit} (${p.target.year})`
        : `${p.target.action ?? ''}${p.target.name} (${p.target.year})`;
    parts.push(
      el('h3', {}, 'Previous'),
      el('p', { id: 'previous' }, prev, p.change ? ` → change ${p.change.absolute} ${p.change.unit}` : ''),
    );
  }
  if (node.servedBy) {
    const list = el('ul', { class: 'links', id: 'serving' });
    for (const s of node.servedBy)
      list.append(
        el(
          'li',
          {},
          link(s.project, 'PROJECT'),
          el('span', { class: 'confidence' }, `confidence ${s.confidence}`),
          evidenceBlock(s.evidence),
        ),
      );
    parts.push(el('h3', {}, `Serving projects (${node.servedBy.length})`), list);
  }
  for (const [key, k] of [
    ['places', 'PLACE'],
    ['projects', 'PROJECT'],
    ['enterprises', 'ENTERPRISE'],
    ['children', 'PLACE'],
  ] as const) {
    if (Array.isArray(node[key]) && node[key].length > 0)
      parts.push(el('h3', {}, key), el('div', {}, ...node[key].map((x: { id: string; name: string }) => link(x, k))));
  }
  if (node.parent) parts.push(el('h3', {}, 'parent'), link(node.parent, 'PLACE'));
  if (node.serves?.length) {
    parts.push(
      el('h3', {}, `Serves (${node.serves.length})`),
      el(
        'ul',
        {},
        ...node.serves.map((s: any) =>
          el(
            'li',
            {},
            `${s.target.metric ?? s.target.name} ${s.target.value ?? ''}${s.target.unit ?? ''} · ${s.confidence}`,
          ),
        ),
      ),
    );
  }
  const toolbar = el('div', { class: 'toolbar' });
  const expand = el('button', { id: 'expand' }, 'Expand neighbours (2 hops)');
  expand.addEventListener('click', () => actions.expand(id));
  toolbar.append(expand);
  if (['INDICATOR', 'GOAL', 'PROJECT'].includes(kind)) {
    const t = el('button', { id: 'trace-button' }, 'Trace');
    t.addEventListener('click', () => trace(id));
    toolbar.append(t);
  }
  parts.push(toolbar);
  box.replaceChildren(...parts.filter((p): p is Node => p !== null));
}

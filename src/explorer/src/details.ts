import { gql, kindOfTypename, type Kind } from './api.ts';
import { attributionOf, loadReports } from './attribution.ts';
import { $, el, latestOnly, showError, showLoading } from './dom.ts';
import { evidenceBlock, groupByEvidence, scrollEvidence, type Evidence } from './evidence.ts';
import { fieldLabel, kindName, t, valueLabel } from './i18n.ts';

const EVIDENCE = 'evidence { text start end section { id path text start } }';
const TARGET_REF = '__typename id ... on Indicator { metric value unit year } ... on Goal { name year }';
const DETAILS = `query($id: ID!) { node(id: $id) {
  __typename id
  ... on Indicator { metric value unit baseValue baseUnit kind year period qualifier threshold ${EVIDENCE}
    servedBy { confidence project { id name } ${EVIDENCE} }
    previous { target { id ... on Indicator { value unit year } } change { absolute ratio unit } } }
  ... on Goal { name action kind year ${EVIDENCE} servedBy { confidence project { id name } ${EVIDENCE} }
    previous { target { id ... on Goal { name year action } } } }
  ... on Project { name aliases report { id title } places { id name } enterprises { id name } serves { confidence target { ${TARGET_REF} } } }
  ... on Place { name aliases type code parent { id name } children { id name } reports { id regionName planYear } projects { id name } }
  ... on Enterprise { name aliases projects { id name } places { id name } reports { id regionName planYear } }
  ... on Section { title path level text report { id title } }
  ... on Report { title regionName deliveredOn meeting speaker planYear }
} }`;

/** The fields shown as a table, in this order, with labels (never raw field names). */
const FIELDS = [
  'metric',
  'value',
  'unit',
  'baseValue',
  'baseUnit',
  'kind',
  'year',
  'period',
  'qualifier',
  'threshold',
  'name',
  'action',
  'aliases',
  'type',
  'code',
  'title',
  'path',
  'regionName',
  'deliveredOn',
  'meeting',
  'speaker',
  'planYear',
];

export interface DetailActions {
  /** Opens a related node: its details, and its neighbourhood added to the graph. */
  open(id: string): void;
  expand(id: string): void;
  trace(id: string): void;
  hide(id: string): void;
}

/** A caption for a node in any of the shapes the queries ask for. */
export function captionOf(n: Record<string, any>): string {
  if (n.metric) return `${n.metric} ${n.value}${n.unit ?? ''}${n.year ? ` (${n.year})` : ''}`;
  return `${n.action ?? ''}${n.name ?? n.title ?? n.id}${n.year && !n.metric ? ` (${n.year})` : ''}`;
}

/** A button naming a node, which opens it. */
export function nodeLink(id: string, label: string, open: (id: string) => void): HTMLButtonElement {
  const b = el('button', { class: 'result link', 'data-id': id }, label);
  b.addEventListener('click', () => open(id));
  return b;
}

const beginDetails = latestOnly();

/** The details panel: fields, attribution, evidence (highlight in view, repeats merged) and links. */
export async function showDetails(id: string, actions: DetailActions): Promise<void> {
  const isLatest = beginDetails();
  const box = $('#details');
  showLoading(box, t('loading'));
  let node: Record<string, any> | null;
  let reports: Awaited<ReturnType<typeof loadReports>>;
  try {
    [{ node }, reports] = await Promise.all([
      gql<{ node: Record<string, any> | null }>(DETAILS, { id }),
      loadReports(),
    ]);
  } catch (error) {
    if (isLatest()) showError(box, t('error'), error, t('retry'), () => void showDetails(id, actions));
    return;
  }
  if (!isLatest()) return;
  if (!node) {
    box.replaceChildren(el('p', { class: 'hint' }, `${t('noNode')}: ${id}`));
    return;
  }
  const kind: Kind = kindOfTypename(node.__typename);
  const link = (x: { id: string; name?: string }, label?: string) =>
    nodeLink(x.id, label ?? x.name ?? x.id, actions.open);
  const attribution = attributionOf(id, reports);
  const parts: (Node | null)[] = [
    el('small', { class: 'kind' }, kindName(kind)),
    el(
      'h2',
      { id: 'details-title' },
      node.metric ? `${node.metric} ${node.value}${node.unit}` : (node.name ?? node.title ?? id),
    ),
    attribution ? el('p', { class: 'attribution', id: 'details-report' }, `${t('report')}: ${attribution}`) : null,
  ];
  const props = el('table', { class: 'fields' });
  for (const k of FIELDS) {
    const v = node[k];
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (k === 'threshold' && v === false) continue;
    const shown = Array.isArray(v) ? v.join('、') : valueLabel(v);
    props.append(el('tr', {}, el('th', {}, fieldLabel(k)), el('td', {}, shown)));
  }
  parts.push(props);
  if (node.evidence) parts.push(el('h3', {}, t('evidence')), evidenceBlock(node.evidence as Evidence));
  if (node.previous) {
    const p = node.previous;
    const prev =
      p.target.value !== undefined
        ? `${p.target.value}${p.target.unit} (${p.target.year})`
        : `${p.target.action ?? ''}${p.target.name} (${p.target.year})`;
    parts.push(
      el('h3', {}, t('previous')),
      el(
        'p',
        { id: 'previous' },
        link(p.target, prev),
        p.change ? ` → ${t('change')} ${p.change.absolute > 0 ? '+' : ''}${p.change.absolute} ${p.change.unit}` : '',
      ),
    );
  }
  if (node.servedBy?.length) {
    const list = el('ul', { class: 'links', id: 'serving' });
    // Several links often rest on the same passage: show it once, under all of them.
    for (const g of groupByEvidence(node.servedBy as any[], (s) => s.evidence)) {
      const li = el('li', {});
      for (const s of g.items)
        li.append(
          el('div', {}, link(s.project), el('span', { class: 'confidence' }, `${t('confidence')} ${s.confidence}`)),
        );
      if (g.items.length > 1) li.append(el('small', { class: 'hint' }, `${g.items.length} ${t('sameEvidence')}`));
      li.append(evidenceBlock(g.evidence));
      list.append(li);
    }
    parts.push(el('h3', {}, `${t('servingProjects')} (${node.servedBy.length})`), list);
  }
  if (node.report && kind !== 'REPORT') parts.push(el('h3', {}, t('report')), link(node.report, node.report.title));
  for (const key of ['places', 'projects', 'enterprises', 'children'] as const) {
    if (Array.isArray(node[key]) && node[key].length > 0)
      parts.push(el('h3', {}, t(key)), el('div', {}, ...node[key].map((x: { id: string; name: string }) => link(x))));
  }
  if (Array.isArray(node.reports) && node.reports.length > 0)
    parts.push(
      el('h3', {}, t('reports')),
      el('div', {}, ...node.reports.map((r: any) => link(r, `${r.regionName} ${r.planYear}`))),
    );
  if (node.parent) parts.push(el('h3', {}, t('parent')), link(node.parent));
  if (node.serves?.length) {
    parts.push(
      el('h3', {}, `${t('serves')} (${node.serves.length})`),
      el(
        'ul',
        { class: 'links', id: 'serves' },
        ...node.serves.map((s: any) =>
          el('li', {}, link(s.target, captionOf(s.target)), el('span', { class: 'confidence' }, ` ${s.confidence}`)),
        ),
      ),
    );
  }
  const toolbar = el('div', { class: 'toolbar' });
  const button = (bid: string, label: string, run: () => void) => {
    const b = el('button', { id: bid }, label);
    b.addEventListener('click', run);
    toolbar.append(b);
  };
  button('expand', t('expand'), () => actions.expand(id));
  if (['INDICATOR', 'GOAL', 'PROJECT'].includes(kind))
    button('trace-button', t('traceButton'), () => actions.trace(id));
  button('hide-node', t('hide'), () => actions.hide(id));
  parts.push(toolbar);
  box.replaceChildren(...parts.filter((p): p is Node => p !== null));
  box.scrollTop = 0;
  scrollEvidence(box);
}

import { gql } from './api.ts';
import { $, el, highlighted, latestOnly } from './dom.ts';

const TRACE = `query($id: ID!) { trace(id: $id) {
  root { id ... on Indicator { metric value unit year } ... on Goal { name year } ... on Project { name } }
  links { confidence project { name } target { id ... on Indicator { metric value unit year kind } ... on Goal { name year kind } }
          evidence { text start end section { path text start } } } } }`;

const beginTrace = latestOnly();

/** The trace view: from a target, the projects serving it; from a project, the targets it serves. */
export async function showTrace(id: string): Promise<void> {
  const isLatest = beginTrace();
  const box = $('#view-trace');
  box.replaceChildren(el('p', { class: 'hint' }, 'Loading…'));
  const { trace } = await gql<{ trace: any }>(TRACE, { id });
  if (!isLatest()) return;
  const root = trace.root;
  const heading = root.metric ? `${root.metric} ${root.value}${root.unit} (${root.year})` : (root.name ?? id);
  const list = el('ol', { class: 'links', id: 'trace-links' });
  for (const l of trace.links) {
    const target = l.target.metric
      ? `${l.target.metric} ${l.target.value}${l.target.unit} (${l.target.year})`
      : `${l.target.name} (${l.target.year})`;
    const ev = l.evidence.section
      ? highlighted(
          l.evidence.section.text,
          l.evidence.start - l.evidence.section.start,
          l.evidence.end - l.evidence.section.start,
        )
      : el('div', { class: 'evidence' }, l.evidence.text);
    list.append(
      el(
        'li',
        {},
        el('strong', {}, l.project.name),
        ' → ',
        target,
        ' ',
        el('span', { class: 'confidence' }, `confidence ${l.confidence}`),
        ev,
      ),
    );
  }
  box.replaceChildren(
    el('h2', {}, `Trace: ${heading}`),
    trace.links.length ? list : el('p', { class: 'hint' }, 'No links.'),
  );
}

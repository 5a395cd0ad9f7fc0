import { gql } from './api.ts';
import { attributionOf, loadReports } from './attribution.ts';
import { captionOf, nodeLink } from './details.ts';
import { $, el, latestOnly, showError, showLoading } from './dom.ts';
import { evidenceBlock, groupByEvidence, scrollEvidence } from './evidence.ts';
import { t } from './i18n.ts';

const TRACE = `query($id: ID!) { trace(id: $id) {
  root { id ... on Indicator { metric value unit year } ... on Goal { name year } ... on Project { name } }
  links { confidence project { id name } target { id ... on Indicator { metric value unit year kind } ... on Goal { name year kind } }
          evidence { text start end section { path text start } } } } }`;

const beginTrace = latestOnly();

/** The trace view: from a target, the projects serving it; from a project, the targets it serves. Every name opens its node. */
export async function showTrace(id: string, open: (id: string) => void): Promise<void> {
  const isLatest = beginTrace();
  const box = $('#view-trace');
  showLoading(box, t('loading'));
  let trace: any;
  let reports: Awaited<ReturnType<typeof loadReports>>;
  try {
    [{ trace }, reports] = await Promise.all([gql<{ trace: any }>(TRACE, { id }), loadReports()]);
  } catch (error) {
    if (isLatest()) showError(box, t('error'), error, t('retry'), () => void showTrace(id, open));
    return;
  }
  if (!isLatest()) return;
  const list = el('ol', { class: 'links', id: 'trace-links' });
  for (const g of groupByEvidence(trace.links as any[], (l) => l.evidence)) {
    const li = el('li', {});
    for (const l of g.items)
      li.append(
        el(
          'div',
          { class: 'trace-row' },
          nodeLink(l.project.id, l.project.name, open),
          ' → ',
          nodeLink(l.target.id, captionOf(l.target), open),
          el('span', { class: 'confidence' }, ` ${t('confidence')} ${l.confidence}`),
        ),
      );
    if (g.items.length > 1) li.append(el('small', { class: 'hint' }, `${g.items.length} ${t('sameEvidence')}`));
    li.append(evidenceBlock(g.evidence));
    list.append(li);
  }
  const attribution = attributionOf(id, reports);
  box.replaceChildren(
    el('h2', {}, `${t('trace')}: `, nodeLink(id, captionOf(trace.root), open)),
    attribution ? el('p', { class: 'attribution' }, `${t('report')}: ${attribution}`) : '',
    trace.links.length ? list : el('p', { class: 'hint' }, t('noLinks')),
  );
  scrollEvidence(box);
}

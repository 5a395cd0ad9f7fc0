import { gql } from './api.ts';
import { $, el, latestOnly } from './dom.ts';

const REPORTS = `{ reports(first: 100, orderBy: [{field: PLAN_YEAR, direction: DESC}]) { nodes { id title planYear } } }`;
const PROGRESS = `query($id: ID!) { targetProgress(reportId: $id) {
  target { id ... on Indicator { metric value unit year } ... on Goal { name action year } }
  previous { ... on Indicator { value unit year } ... on Goal { name action year } }
  change { absolute ratio unit } confidence period } }`;

/** Loads the report list into the selector (once). */
export async function initProgress(): Promise<void> {
  const select = $<HTMLSelectElement>('#report-select');
  if (select.options.length > 0) return;
  const { reports } = await gql<{ reports: { nodes: { id: string; title: string }[] } }>(REPORTS);
  for (const r of reports.nodes) select.append(el('option', { value: r.id }, r.title));
  select.addEventListener('change', () => void showProgress(select.value));
  if (reports.nodes[0]) await showProgress(reports.nodes[0].id);
}

const beginProgress = latestOnly();

/** Each target of a report beside last year's achievement: a table with simple bars. */
export async function showProgress(reportId: string): Promise<void> {
  const isLatest = beginProgress();
  const box = $('#progress');
  box.replaceChildren(el('p', { class: 'hint' }, 'Loading…'));
  const { targetProgress } = await gql<{ targetProgress: any[] }>(PROGRESS, { id: reportId });
  if (!isLatest()) return;
  const table = el(
    'table',
    { id: 'progress-table' },
    el(
      'tr',
      {},
      el('th', {}, 'target'),
      el('th', {}, 'this year'),
      el('th', {}, 'last year'),
      el('th', {}, 'change'),
      el('th', {}, ''),
    ),
  );
  for (const p of targetProgress) {
    const t = p.target;
    const prev = p.previous;
    const bars = el('td', { class: 'bars' });
    if (t.value !== undefined && prev?.value !== undefined && p.change) {
      const max = Math.max(Math.abs(t.value), Math.abs(prev.value)) || 1;
      bars.append(
        el('div', {}, el('span', { class: 'bar previous', style: `width:${(Math.abs(prev.value) / max) * 160}px` })),
        el('div', {}, el('span', { class: 'bar target', style: `width:${(Math.abs(t.value) / max) * 160}px` })),
      );
    }
    table.append(
      el(
        'tr',
        {},
        // Period figures (2026-2030) stand beside period figures only; say which period.
        el('td', {}, `${t.metric ?? `${t.action}${t.name}`}${p.period ? ` (${p.period})` : ''}`),
        el('td', {}, t.value !== undefined ? `${t.value}${t.unit}` : String(t.year)),
        el(
          'td',
          {},
          prev ? (prev.value !== undefined ? `${prev.value}${prev.unit}` : `${prev.action}${prev.name}`) : '—',
        ),
        el('td', {}, p.change ? `${p.change.absolute > 0 ? '+' : ''}${p.change.absolute} ${p.change.unit}` : ''),
        bars,
      ),
    );
  }
  const withPrevious = targetProgress.filter((p) => p.previous).length;
  box.replaceChildren(
    el(
      'p',
      {},
      `${targetProgress.length} targets, ${withPrevious} with last year's result. Bars: grey last year, blue this year.`,
    ),
    table,
  );
}

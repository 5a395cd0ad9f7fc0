import { comparisonControls, comparisonQuery, loadComparison, statedValue, type ComparisonRow } from './comparison.ts';
import { toCsv } from './csv.ts';
import { $, download, el, latestOnly, showError, showLoading } from './dom.ts';
import { countOf, t } from './i18n.ts';
import type { State } from './state.ts';
import { svgChart } from './svg-chart.ts';

type Sort = 'value-desc' | 'value-asc' | 'region';
const SORTS: Record<Sort, (a: ComparisonRow, b: ComparisonRow) => number> = {
  'value-desc': (a, b) => b.baseValue - a.baseValue || a.regionName.localeCompare(b.regionName, 'zh-CN'),
  'value-asc': (a, b) => a.baseValue - b.baseValue || a.regionName.localeCompare(b.regionName, 'zh-CN'),
  region: (a, b) => a.regionName.localeCompare(b.regionName, 'zh-CN'),
};
const SORT_LABELS: Record<Sort, [string, string]> = {
  'value-desc': ['数值从高到低', 'value, highest first'],
  'value-asc': ['数值从低到高', 'value, lowest first'],
  region: ['地区', 'region'],
};

/** One bar per region, all on one scale (the rows share the key's base unit), zero at the left. */
function bars(rows: ComparisonRow[]): SVGSVGElement {
  const rowH = 22;
  const width = 640;
  const labelW = 120;
  const valueW = 110;
  const { svg, add } = svgChart('compare-chart', width, rows.length * rowH + 24, t('compareChartTitle'));
  add('text', { x: 0, y: 14, class: 'chart-title' }, t('compareChartTitle'));
  const max = Math.max(...rows.map((r) => Math.abs(r.baseValue))) || 1;
  const span = width - labelW - valueW;
  rows.forEach((r, i) => {
    const y = 24 + i * rowH;
    add('text', { x: 0, y: y + 14, class: 'chart-label' }, r.regionName);
    add('rect', { x: labelW, y: y + 4, height: 12, width: (Math.abs(r.baseValue) / max) * span, class: 'bar-target' });
    add('text', { x: labelW + span + 6, y: y + 15, class: 'chart-value' }, statedValue(r));
  });
  return svg;
}

const beginCompare = latestOnly();

/** The same rows as the map, as a sortable, filterable table, a bar chart and a CSV download. */
export async function showCompareView(s: State, onChange: (patch: Partial<State>) => void): Promise<void> {
  const isLatest = beginCompare();
  const box = $('#compare');
  showLoading(box, t('loading'));
  let rows: ComparisonRow[];
  let controls: HTMLElement;
  let year: number;
  try {
    const q = await comparisonQuery(s);
    year = q.year;
    [rows, controls] = await Promise.all([loadComparison(q), comparisonControls('compare', q, onChange)]);
  } catch (error) {
    if (isLatest()) showError(box, t('error'), error, t('retry'), () => void showCompareView(s, onChange));
    return;
  }
  if (!isLatest()) return;
  const zh = document.documentElement.lang !== 'en';
  const sort = el('select', { id: 'compare-sort', 'aria-label': t('sortBy') });
  for (const k of Object.keys(SORTS) as Sort[]) sort.append(el('option', { value: k }, SORT_LABELS[k][zh ? 0 : 1]));
  const filter = el('input', { id: 'compare-filter', type: 'search', placeholder: t('filterRegion') });
  const csv = el('button', { id: 'compare-csv' }, t('downloadCsv'));
  const summary = el('p', { id: 'compare-summary' });
  const body = el('div', {});
  const visible = () => rows.filter((r) => r.regionName.includes(filter.value.trim())).sort(SORTS[sort.value as Sort]);
  const render = () => {
    const list = visible();
    const table = el(
      'table',
      { id: 'compare-table' },
      el('tr', {}, ...[t('region'), t('value'), t('metric'), t('evidence')].map((h) => el('th', {}, h))),
    );
    for (const r of list)
      table.append(
        el(
          'tr',
          { 'data-report': r.reportId },
          el(
            'td',
            {},
            el(
              'a',
              { href: `?node=${encodeURIComponent(r.reportId)}`, 'data-id': r.reportId, class: 'node-link' },
              r.regionName,
            ),
          ),
          el('td', { class: 'value' }, statedValue(r)),
          el(
            'td',
            {},
            el(
              'a',
              { href: `?node=${encodeURIComponent(r.indicatorId)}`, 'data-id': r.indicatorId, class: 'node-link' },
              r.metric,
            ),
          ),
          el('td', { class: 'evidence-cell' }, r.evidence),
        ),
      );
    summary.textContent = countOf(list.length, rows.length, t('regions'));
    body.replaceChildren(list.length ? bars(list) : '', el('div', { class: 'table-scroll' }, table));
  };
  sort.addEventListener('change', render);
  filter.addEventListener('input', render);
  csv.addEventListener('click', () =>
    download(
      `compare-${s.metric}-${year}-${s.kind}.csv`,
      toCsv(
        ['region', 'code', 'report_id', 'indicator_id', 'metric', 'value', 'unit', 'base_value', 'base_unit'],
        visible().map((r) => [
          r.regionName,
          r.code,
          r.reportId,
          r.indicatorId,
          r.metric,
          r.value,
          r.unit,
          r.baseValue,
          r.baseUnit,
        ]),
      ),
      'text/csv;charset=utf-8',
    ),
  );
  box.replaceChildren(
    controls,
    el('div', { class: 'toolbar' }, el('label', {}, `${t('sortBy')} `, sort), filter, csv),
    summary,
    rows.length ? body : el('p', { class: 'hint empty' }, t('noComparison')),
  );
  render();
}

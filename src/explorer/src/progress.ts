import { gql } from './api.ts';
import { loadReports } from './attribution.ts';
import { toCsv } from './csv.ts';
import { $, download, el, latestOnly, showError, showLoading } from './dom.ts';
import { countOf, t } from './i18n.ts';
import { svgChart } from './svg-chart.ts';

const PROGRESS = `query($id: ID!) { targetProgress(reportId: $id) {
  target { id ... on Indicator { metric value unit year } ... on Goal { name action year } }
  previous { id ... on Indicator { value unit year } ... on Goal { name action year } }
  change { absolute ratio unit } confidence period } }`;

interface Row {
  id: string;
  name: string;
  target: string;
  targetValue: number | null;
  previousId: string | null;
  previous: string;
  previousValue: number | null;
  change: string;
  ratio: number | null;
  unit: string;
  confidence: number | null;
  order: number;
}

function toRow(p: any, order: number): Row {
  const tg = p.target;
  const prev = p.previous;
  return {
    id: tg.id,
    // Period figures (2026-2030) stand beside period figures only; say which period.
    name: `${tg.metric ?? `${tg.action ?? ''}${tg.name}`}${p.period ? ` (${p.period})` : ''}`,
    target: tg.value !== undefined ? `${tg.value}${tg.unit}` : String(tg.year),
    targetValue: typeof tg.value === 'number' ? tg.value : null,
    previousId: prev?.id ?? null,
    previous: prev ? (prev.value !== undefined ? `${prev.value}${prev.unit}` : `${prev.action ?? ''}${prev.name}`) : '',
    previousValue: typeof prev?.value === 'number' ? prev.value : null,
    change: p.change ? `${p.change.absolute > 0 ? '+' : ''}${p.change.absolute} ${p.change.unit}` : '',
    ratio: typeof p.change?.ratio === 'number' ? p.change.ratio : null,
    unit: p.change?.unit ?? tg.unit ?? '',
    confidence: p.confidence ?? null,
    order,
  };
}

type Sort = 'order' | 'name' | 'change' | 'confidence';
const SORTS: Record<Sort, (a: Row, b: Row) => number> = {
  order: (a, b) => a.order - b.order,
  name: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
  change: (a, b) => (b.ratio ?? -Infinity) - (a.ratio ?? -Infinity),
  confidence: (a, b) => (b.confidence ?? -1) - (a.confidence ?? -1),
};
const SORT_LABELS: Record<Sort, [string, string]> = {
  order: ['报告顺序', 'report order'],
  name: ['名称', 'name'],
  change: ['变化幅度', 'change'],
  confidence: ['置信度', 'confidence'],
};

/** Target against last year as an SVG bar chart, one pair of bars per metric, each on its own scale. */
function chart(rows: Row[]): SVGSVGElement {
  const pairs = rows.filter((r) => r.targetValue !== null && r.previousValue !== null).slice(0, 30);
  const rowH = 26;
  const width = 640;
  const labelW = 190;
  const valueW = 190;
  const { svg, add } = svgChart('progress-chart', width, pairs.length * rowH + 24, t('chartTitle'));
  add('text', { x: 0, y: 14, class: 'chart-title' }, t('chartTitle'));
  pairs.forEach((r, i) => {
    const y = 24 + i * rowH;
    const max = Math.max(Math.abs(r.targetValue!), Math.abs(r.previousValue!)) || 1;
    const span = width - labelW - valueW;
    add('text', { x: 0, y: y + 14, class: 'chart-label' }, r.name.length > 14 ? `${r.name.slice(0, 13)}…` : r.name);
    add('rect', {
      x: labelW,
      y: y + 2,
      height: 9,
      width: (Math.abs(r.previousValue!) / max) * span,
      class: 'bar-previous',
    });
    add('rect', {
      x: labelW,
      y: y + 12,
      height: 9,
      width: (Math.abs(r.targetValue!) / max) * span,
      class: 'bar-target',
    });
    add('text', { x: labelW + span + 6, y: y + 16, class: 'chart-value' }, `${r.previous} → ${r.target}`);
  });
  return svg;
}

/** Fills the report selector (once) and shows the chosen report; `onReport` records a change in the URL. */
export async function showProgressView(reportId: string, onReport: (id: string) => void): Promise<void> {
  const select = $<HTMLSelectElement>('#report-select');
  const box = $('#progress');
  if (select.options.length === 0) {
    showLoading(box, t('loading'));
    let reports;
    try {
      reports = await loadReports();
    } catch (error) {
      showError(box, t('error'), error, t('retry'), () => void showProgressView(reportId, onReport));
      return;
    }
    for (const r of reports.values())
      select.append(el('option', { value: r.id }, `${r.regionName} ${r.planYear} · ${r.title}`));
    select.addEventListener('change', () => onReport(select.value));
  }
  const id = reportId || select.options[0]?.value || '';
  select.value = id;
  if (id) await showProgress(id);
}

const beginProgress = latestOnly();
let current: Row[] = [];

/** Each target of a report beside last year's achievement: sortable, filterable, as a table, a chart and a CSV. */
export async function showProgress(reportId: string): Promise<void> {
  const isLatest = beginProgress();
  const box = $('#progress');
  showLoading(box, t('loading'));
  let data: { targetProgress: any[] };
  try {
    data = await gql<{ targetProgress: any[] }>(PROGRESS, { id: reportId });
  } catch (error) {
    if (isLatest()) showError(box, t('error'), error, t('retry'), () => void showProgress(reportId));
    return;
  }
  if (!isLatest()) return;
  current = data.targetProgress.map(toRow);
  const zh = document.documentElement.lang !== 'en';
  const sort = el('select', { id: 'progress-sort', 'aria-label': t('sortBy') });
  for (const s of Object.keys(SORTS) as Sort[]) sort.append(el('option', { value: s }, SORT_LABELS[s][zh ? 0 : 1]));
  const filter = el('input', { id: 'progress-filter', type: 'search', placeholder: t('filterPlaceholder') });
  const withPrev = el('input', { id: 'progress-with-previous', type: 'checkbox' });
  const csv = el('button', { id: 'progress-csv' }, t('downloadCsv'));
  const summary = el('p', { id: 'progress-summary' });
  const body = el('div', {});
  const visible = () =>
    current
      .filter((r) => (!withPrev.checked || r.previous) && r.name.includes(filter.value.trim()))
      .sort(SORTS[sort.value as Sort]);
  const render = () => {
    const rows = visible();
    const table = el(
      'table',
      { id: 'progress-table' },
      el(
        'tr',
        {},
        ...[t('target'), t('thisYear'), t('lastYear'), t('change'), t('confidence')].map((h) => el('th', {}, h)),
      ),
    );
    for (const r of rows) {
      const open = (id: string, label: string) => {
        const a = el('a', { href: `?node=${encodeURIComponent(id)}`, 'data-id': id, class: 'node-link' }, label);
        return a;
      };
      table.append(
        el(
          'tr',
          { 'data-id': r.id },
          el('td', {}, open(r.id, r.name)),
          el('td', {}, r.target),
          el('td', {}, r.previousId ? open(r.previousId, r.previous) : '—'),
          el('td', {}, r.change),
          el('td', { class: 'confidence' }, r.confidence === null ? '' : String(r.confidence)),
        ),
      );
    }
    summary.textContent = `${countOf(rows.length, current.length, t('targets'))}, ${rows.filter((r) => r.previous).length} ${t('withPrevious')}`;
    body.replaceChildren(chart(rows), el('div', { class: 'table-scroll' }, table));
  };
  sort.addEventListener('change', render);
  filter.addEventListener('input', render);
  withPrev.addEventListener('change', render);
  csv.addEventListener('click', () =>
    download(
      `progress-${reportId.replace(/[^\w.-]+/g, '_')}.csv`,
      toCsv(
        ['id', 'target', 'this_year', 'last_year', 'change', 'ratio', 'unit', 'confidence'],
        visible().map((r) => [r.id, r.name, r.target, r.previous, r.change, r.ratio, r.unit, r.confidence]),
      ),
      'text/csv;charset=utf-8',
    ),
  );
  box.replaceChildren(
    el(
      'div',
      { class: 'toolbar' },
      el('label', {}, `${t('sortBy')} `, sort),
      filter,
      el('label', {}, withPrev, t('onlyWithPrevious')),
      csv,
    ),
    summary,
    body,
  );
  render();
}

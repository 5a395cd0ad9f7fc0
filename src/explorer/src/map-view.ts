import { HIGH, LOW, NO_VALUE } from './color-scale.ts';
import type * as MapChunk from './map-chart.ts';
import { comparisonControls, comparisonQuery, loadComparison, statedValue, type ComparisonRow } from './comparison.ts';
import { $, el, latestOnly, showError, showLoading } from './dom.ts';
import { t } from './i18n.ts';
import type { State } from './state.ts';

const beginMap = latestOnly();
let chart: {
  getOption(): unknown;
  convertToPixel(finder: unknown, value: number[]): number[];
  dispose(): void;
} | null = null;

let loaded: typeof MapChunk | null = null;

/** The map's chart and a province's centre by its map name, for tests and the console (null until the map first opens). */
export const mapChart = () => chart;
export const mapCenter = (name: string) => loaded?.centerOf(name) ?? null;

/**
 * China's provinces coloured by the state's metric, year and kind (from `compare`), with a
 * legend and a table of the values; regions without a value are grey. A click on a region
 * opens its report. The map code (ECharts and the boundaries) loads on first use.
 */
export async function showMapView(
  s: State,
  onChange: (patch: Partial<State>) => void,
  onOpen: (reportId: string) => void,
): Promise<void> {
  const isLatest = beginMap();
  const box = $('#map-view');
  showLoading(box, t('loading'));
  let rows: ComparisonRow[];
  let controls: HTMLElement;
  let map: typeof MapChunk;
  try {
    const q = await comparisonQuery(s);
    [rows, controls, map] = await Promise.all([
      loadComparison(q),
      comparisonControls('map', q, onChange),
      import('./map-chart.ts'),
    ]);
  } catch (error) {
    if (isLatest()) showError(box, t('error'), error, t('retry'), () => void showMapView(s, onChange, onOpen));
    return;
  }
  if (!isLatest()) return;
  loaded = map;
  const canvasBox = el('div', { id: 'map-chart', role: 'img', 'aria-label': t('mapTitle') });
  const legend = el('div', { id: 'map-legend' });
  const table = el('table', { id: 'map-table' });
  box.replaceChildren(
    controls,
    el(
      'div',
      { class: 'map-layout' },
      el('div', { class: 'map-main' }, canvasBox, legend),
      el('div', { class: 'table-scroll' }, table),
    ),
  );
  chart?.dispose();
  chart = null;
  if (rows.length === 0) {
    canvasBox.replaceWith(el('p', { class: 'hint empty', id: 'map-empty' }, t('noComparison')));
    return;
  }
  const drawing = map.drawMap(canvasBox, rows, { noValue: t('noValue') }, onOpen);
  chart = drawing.chart as unknown as typeof chart;
  // The ends of the scale as the reports state them (4.5%, 1.2万亿元), not in the base unit.
  const byValue = [...rows].sort((a, b) => a.baseValue - b.baseValue);
  legend.replaceChildren(
    el('span', { class: 'legend-min' }, statedValue(byValue[0]!)),
    el('span', { class: 'legend-ramp', style: `background: linear-gradient(to right, ${LOW}, ${HIGH})` }),
    el('span', { class: 'legend-max' }, statedValue(byValue.at(-1)!)),
    el('span', { class: 'legend-none', style: `background: ${NO_VALUE}` }),
    el('span', {}, t('noValue')),
  );
  const colorOf = new Map([...drawing.colored.values()].map(({ row, color }) => [row.reportId, color]));
  table.append(el('tr', {}, ...[t('region'), t('value'), t('metric')].map((h) => el('th', {}, h))));
  for (const r of [...rows].sort((a, b) => b.baseValue - a.baseValue)) {
    const color = colorOf.get(r.reportId);
    const link = el('a', {
      href: `?node=${encodeURIComponent(r.reportId)}`,
      'data-id': r.reportId,
      class: 'node-link',
    });
    link.append(
      el('span', { class: 'swatch', style: `background: ${color ?? NO_VALUE}` }),
      r.regionName,
      color ? '' : ` (${t('offMap')})`,
    );
    table.append(
      el('tr', { 'data-report': r.reportId }, el('td', {}, link), el('td', {}, statedValue(r)), el('td', {}, r.metric)),
    );
  }
}

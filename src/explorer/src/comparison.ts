import { gql } from './api.ts';
import { loadReports } from './attribution.ts';
import { el } from './dom.ts';
import { t, valueLabel } from './i18n.ts';
import { COMPARE_KINDS, type CompareKind, type State } from './state.ts';

const COMPARE = `query($metricKey: String!, $year: Int!, $kind: TargetKind) {
  compare(metricKey: $metricKey, year: $year, kind: $kind, first: 100) {
    regionName region { id code name } report { id title planYear }
    indicator { id metric value unit baseValue baseUnit } evidence { text } } }`;
const METRIC_KEYS = `{ metricKeys { key description unitFamily } }`;

export interface MetricKeyRef {
  key: string;
  description: string;
  unitFamily: string;
}

/** One region's figure for the chosen metric, year and kind: a row of the map's table and of the compare view. */
export interface ComparisonRow {
  regionName: string;
  /** The region's division code (44 or 440000), '' when the gazetteer does not know the region. */
  code: string;
  reportId: string;
  indicatorId: string;
  metric: string;
  /** As stated (4.5 %), and scaled into the base unit, which all rows of one key share (for colour and bars). */
  value: number;
  unit: string;
  baseValue: number;
  baseUnit: string;
  evidence: string;
}

/** What the map and compare views ask for: the state's metric, kind and year (default: the latest plan year). */
export interface ComparisonQuery {
  metric: string;
  year: number;
  kind: CompareKind;
}

let keys: Promise<MetricKeyRef[]> | null = null;
/** The metric dictionary, fetched once per page (a failure is forgotten so that the next call retries). */
export function loadMetricKeys(): Promise<MetricKeyRef[]> {
  keys ??= gql<{ metricKeys: MetricKeyRef[] }>(METRIC_KEYS).then(
    (d) => d.metricKeys,
    (e: unknown) => {
      keys = null;
      throw e;
    },
  );
  return keys;
}

/** The state's query, its year defaulting to the latest plan year of any report. */
export async function comparisonQuery(s: State): Promise<ComparisonQuery> {
  if (s.year !== null) return { metric: s.metric, year: s.year, kind: s.kind };
  const years = [...(await loadReports()).values()].map((r) => r.planYear);
  return { metric: s.metric, year: years.length ? Math.max(...years) : new Date().getFullYear(), kind: s.kind };
}

const cache = new Map<string, Promise<ComparisonRow[]>>();
/** The rows of `compare` for a query, kept per query while the page lives. */
export function loadComparison(q: ComparisonQuery): Promise<ComparisonRow[]> {
  const key = `${q.metric}|${q.year}|${q.kind}`;
  let rows = cache.get(key);
  if (!rows) {
    rows = gql<{ compare: any[] }>(COMPARE, { metricKey: q.metric, year: q.year, kind: q.kind }).then(
      (d) =>
        d.compare.map((c) => ({
          regionName: c.regionName,
          code: c.region?.code ?? '',
          reportId: c.report.id,
          indicatorId: c.indicator.id,
          metric: c.indicator.metric,
          value: c.indicator.value,
          unit: c.indicator.unit,
          baseValue: Number(c.indicator.baseValue),
          baseUnit: c.indicator.baseUnit,
          evidence: c.evidence.text,
        })),
      (e: unknown) => {
        cache.delete(key);
        throw e;
      },
    );
    cache.set(key, rows);
  }
  return rows;
}

/** "4.5%": a row's figure as the report states it. */
export const statedValue = (r: ComparisonRow): string => `${r.value}${r.unit}`;

/**
 * The metric, year and kind pickers the map and compare views share (ids prefixed by `prefix`);
 * `onChange` records the choice in the URL.
 */
export async function comparisonControls(
  prefix: string,
  q: ComparisonQuery,
  onChange: (patch: Partial<State>) => void,
): Promise<HTMLElement> {
  const metric = el('select', { id: `${prefix}-metric`, 'aria-label': t('metric') });
  for (const k of await loadMetricKeys()) metric.append(el('option', { value: k.key }, `${k.description} (${k.key})`));
  metric.value = q.metric;
  const year = el('input', {
    id: `${prefix}-year`,
    type: 'number',
    min: '1949',
    max: '2100',
    value: String(q.year),
    'aria-label': t('year'),
  });
  const kind = el('select', { id: `${prefix}-kind`, 'aria-label': t('kindLabel') });
  for (const k of COMPARE_KINDS) kind.append(el('option', { value: k }, valueLabel(k)));
  kind.value = q.kind;
  metric.addEventListener('change', () => onChange({ metric: metric.value }));
  kind.addEventListener('change', () => onChange({ kind: kind.value as CompareKind }));
  year.addEventListener('change', () => {
    const y = Number(year.value);
    if (Number.isInteger(y) && y > 1900) onChange({ year: y });
  });
  return el(
    'div',
    { class: 'toolbar compare-controls' },
    el('label', {}, `${t('metric')} `, metric),
    el('label', {}, `${t('year')} `, year),
    el('label', {}, `${t('kindLabel')} `, kind),
  );
}

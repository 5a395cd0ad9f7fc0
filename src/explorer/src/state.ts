import type { Kind } from './api.ts';

/** Everything a link must reproduce: the search, the open node, the view and the filters. */
export interface State {
  q: string;
  node: string;
  view: 'explore' | 'trace' | 'progress' | 'map' | 'compare';
  /** A report id: filters search results and the graph, and picks the progress report. */
  report: string;
  /** Kinds hidden in the graph. */
  hide: Kind[];
  lang: 'zh' | 'en';
  /** The map's and the compare view's metric (a metricKey), year (null: the latest plan year) and kind. */
  metric: string;
  year: number | null;
  kind: CompareKind;
}

export type CompareKind = 'TARGET' | 'ACHIEVEMENT' | 'LONG_TERM_TARGET';
export const COMPARE_KINDS: CompareKind[] = ['TARGET', 'ACHIEVEMENT', 'LONG_TERM_TARGET'];
export const DEFAULT_METRIC = 'GDP_GROWTH';

export const VIEWS = ['explore', 'trace', 'progress', 'map', 'compare'] as const;

/** The state the address bar describes. */
export function readState(search = location.search): State {
  const p = new URLSearchParams(search);
  const view = p.get('view');
  const year = Number(p.get('year'));
  const kind = p.get('kind') as CompareKind;
  return {
    q: p.get('q') ?? '',
    node: p.get('node') ?? '',
    view: VIEWS.includes(view as State['view']) ? (view as State['view']) : 'explore',
    report: p.get('report') ?? '',
    hide: (p.get('hide') ?? '').split(',').filter(Boolean) as Kind[],
    lang: p.get('lang') === 'en' ? 'en' : 'zh',
    metric: /^[A-Z0-9_]+$/.test(p.get('metric') ?? '') ? p.get('metric')! : DEFAULT_METRIC,
    year: Number.isInteger(year) && year > 1900 ? year : null,
    kind: COMPARE_KINDS.includes(kind) ? kind : 'TARGET',
  };
}

/** The query string for a state; defaults are left out so links stay short. */
export function stateQuery(s: State): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.node) p.set('node', s.node);
  if (s.view !== 'explore') p.set('view', s.view);
  if (s.report) p.set('report', s.report);
  if (s.hide.length) p.set('hide', s.hide.join(','));
  if (s.lang !== 'zh') p.set('lang', s.lang);
  if (s.metric !== DEFAULT_METRIC) p.set('metric', s.metric);
  if (s.year !== null) p.set('year', String(s.year));
  if (s.kind !== 'TARGET') p.set('kind', s.kind);
  const q = p.toString();
  return q ? `?${q}` : location.pathname;
}

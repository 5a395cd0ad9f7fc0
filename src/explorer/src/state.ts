import type { Kind } from './api.ts';

/** Everything a link must reproduce: the search, the open node, the view and the filters. */
export interface State {
  q: string;
  node: string;
  view: 'explore' | 'trace' | 'progress';
  /** A report id: filters search results and the graph, and picks the progress report. */
  report: string;
  /** Kinds hidden in the graph. */
  hide: Kind[];
  lang: 'zh' | 'en';
}

const VIEWS = ['explore', 'trace', 'progress'] as const;

/** The state the address bar describes. */
export function readState(search = location.search): State {
  const p = new URLSearchParams(search);
  const view = p.get('view');
  return {
    q: p.get('q') ?? '',
    node: p.get('node') ?? '',
    view: VIEWS.includes(view as State['view']) ? (view as State['view']) : 'explore',
    report: p.get('report') ?? '',
    hide: (p.get('hide') ?? '').split(',').filter(Boolean) as Kind[],
    lang: p.get('lang') === 'en' ? 'en' : 'zh',
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
  const q = p.toString();
  return q ? `?${q}` : location.pathname;
}

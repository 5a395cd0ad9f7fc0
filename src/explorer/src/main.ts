import { gql, type Kind } from './api.ts';
import { attributionOf, loadReports } from './attribution.ts';
import { showDetails } from './details.ts';
import { $, el, latestOnly, showError, showLoading } from './dom.ts';
import { createGraphView } from './graph-view.ts';
import { countOf, kindName, lang, setLang, t, valueLabel } from './i18n.ts';
import { showCompareView } from './compare-view.ts';
import { mapCenter, mapChart, showMapView } from './map-view.ts';
import { showProgressView } from './progress.ts';
import { readState, stateQuery, VIEWS, type State } from './state.ts';
import { showTrace } from './trace.ts';

const SEARCH = `query($q: String!, $report: ID, $first: Int) { search(query: $q, reportId: $report, first: $first) { totalCount nodes { kind score highlight node { id
  ... on Indicator { metric value unit year kind } ... on Goal { name year kind } ... on Project { name } ... on Place { name type }
  ... on Enterprise { name } ... on Section { title } ... on Report { title regionName planYear } } } } }`;

let state: State = readState();
/** What the page shows now; `apply` redraws only what differs from it. */
let shown: State | null = null;

/** Moves to a new state: a new history entry (so Back returns), or a replacement. */
function navigate(patch: Partial<State>, opts: { replace?: boolean; fresh?: boolean } = {}): void {
  const next = { ...state, ...patch };
  const url = stateQuery(next);
  if (opts.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  state = next;
  void apply(next, opts.fresh ?? false);
}

const graph = createGraphView({
  onSelect: (id) => navigate({ node: id }),
  onFilters: (hide) => navigate({ hide }, { replace: true }),
  onError: (error, retry) => showError($('#details'), t('error'), error, t('retry'), retry),
});

const actions = {
  open: (id: string) => navigate({ node: id, view: 'explore' }),
  expand: (id: string) => void graph.expand(id, 2, 150),
  trace: (id: string) => navigate({ node: id, view: 'trace' }),
  hide: (id: string) => graph.hide(id),
};

function showView(name: State['view']): void {
  for (const v of VIEWS) $(`#view-${v}`).classList.toggle('hidden', v !== name);
  document
    .querySelectorAll<HTMLButtonElement>('nav button[data-view]')
    .forEach((b) => b.classList.toggle('active', b.dataset.view === name));
}

/** Draws the state: search results, graph and details, the view; each part only when it changed. */
async function apply(s: State, fresh: boolean): Promise<void> {
  const relabel = s.lang !== lang() || !shown;
  if (relabel) {
    setLang(s.lang);
    for (const span of document.querySelectorAll<HTMLElement>('[data-kind-label]'))
      span.textContent = kindName(span.dataset.kindLabel as Kind);
  }
  const before = relabel ? null : shown;
  shown = s;
  $<HTMLInputElement>('#search').value = s.q;
  $<HTMLSelectElement>('#report-filter').value = s.report;
  graph.setFilters(s.hide, s.report);
  showView(s.view);
  const tasks: Promise<void>[] = [];
  if (s.q !== before?.q || s.report !== before?.report) tasks.push(s.q ? search(s.q, s.report) : Promise.resolve());
  if (s.node && (fresh || s.node !== before?.node || relabel)) {
    if (fresh || graph.count().nodes === 0) tasks.push(graph.show(s.node));
    else if (!graph.select(s.node)) tasks.push(graph.expand(s.node).then(() => void graph.select(s.node)));
    tasks.push(showDetails(s.node, actions));
  }
  if (s.view === 'trace' && s.node && (s.node !== before?.node || before?.view !== 'trace'))
    tasks.push(showTrace(s.node, actions.open));
  if (s.view === 'progress' && (before?.view !== 'progress' || s.report !== before?.report))
    tasks.push(showProgressView(s.report, (report) => navigate({ report })));
  const comparison = (v: State) => `${v.view}|${v.metric}|${v.year}|${v.kind}|${v.lang}`;
  const compared = before ? comparison(before) : '';
  const openReport = (id: string) => navigate({ node: id, view: 'explore' }, { fresh: true });
  if (s.view === 'map' && comparison(s) !== compared) tasks.push(showMapView(s, (p) => navigate(p), openReport));
  if (s.view === 'compare' && comparison(s) !== compared) tasks.push(showCompareView(s, (p) => navigate(p)));
  await Promise.all(tasks);
}

const beginSearch = latestOnly();

async function search(q: string, report: string): Promise<void> {
  const isLatest = beginSearch();
  const box = $('#results');
  showLoading(box, t('searching'));
  let hits: { kind: Kind; score: number; highlight: string; node: Record<string, any> }[];
  let reports: Awaited<ReturnType<typeof loadReports>>;
  let total = 0;
  try {
    // With a report chosen, the API keeps that report's hits (and the places and enterprises it names).
    const [data, r] = await Promise.all([
      gql<{ search: { nodes: typeof hits; totalCount: number } }>(SEARCH, { q, report: report || null, first: 40 }),
      loadReports(),
    ]);
    hits = data.search.nodes;
    total = data.search.totalCount;
    reports = r;
  } catch (error) {
    if (isLatest()) showError(box, t('error'), error, t('retry'), () => void search(q, report));
    return;
  }
  if (!isLatest()) return;
  if (hits.length === 0) {
    box.replaceChildren(el('p', { class: 'hint empty' }, `${t('noResults')}: “${q}”`));
    return;
  }
  const groups = new Map<Kind, typeof hits>();
  for (const hit of hits) groups.set(hit.kind, [...(groups.get(hit.kind) ?? []), hit]);
  const parts: Node[] = [
    el('p', { class: 'hint', id: 'results-count' }, `${countOf(hits.length, total, t('results'))} “${q}”`),
  ];
  for (const [kind, list] of groups) {
    const group = el('div', { class: 'group', 'data-kind': kind }, el('h3', {}, `${kindName(kind)} (${list.length})`));
    for (const hit of list) {
      const n = hit.node;
      const title = n.metric ? `${n.metric} ${n.value}${n.unit}` : (n.name ?? n.title ?? n.id);
      const sub = [n.kind ? valueLabel(n.kind) : '', n.year ?? '', n.type ? valueLabel(n.type) : '']
        .filter(Boolean)
        .join(' · ');
      const where = attributionOf(n.id, reports);
      const button = el(
        'button',
        { class: 'result', 'data-id': n.id },
        el('span', { class: 'result-title' }, title),
        where ? el('span', { class: 'attribution' }, where) : '',
        sub ? el('small', {}, sub) : '',
      );
      const snippet = el('small', { class: 'snippet' });
      snippet.innerHTML = hit.highlight; // server-escaped, only <mark> tags are markup
      button.append(snippet);
      button.addEventListener('click', () => navigate({ node: n.id, view: 'explore' }, { fresh: true }));
      group.append(button);
    }
    parts.push(group);
  }
  box.replaceChildren(...parts);
}

// Search, report filter, views, language.
$('#search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = $<HTMLInputElement>('#search').value.trim();
  if (q) navigate({ q });
});
$<HTMLSelectElement>('#report-filter').addEventListener('change', (e) =>
  navigate({ report: (e.target as HTMLSelectElement).value }),
);
document
  .querySelectorAll<HTMLButtonElement>('nav button[data-view]')
  .forEach((b) => b.addEventListener('click', () => navigate({ view: b.dataset.view as State['view'] })));
$('#lang-toggle').addEventListener('click', () => navigate({ lang: lang() === 'zh' ? 'en' : 'zh' }, { replace: true }));
// Links that name a node (progress rows) open it inside the page.
document.addEventListener('click', (e) => {
  const a = (e.target as HTMLElement).closest<HTMLAnchorElement>('a.node-link');
  if (!a || e.ctrlKey || e.metaKey || e.shiftKey) return;
  e.preventDefault();
  navigate({ node: a.dataset.id!, view: 'explore' });
});

// Keyboard: `/` focuses the search; arrows move through the results; Enter opens one.
document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement;
  const typing = target.matches('input, textarea, select');
  if (e.key === '/' && !typing) {
    e.preventDefault();
    $<HTMLInputElement>('#search').focus();
    return;
  }
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const results = [...document.querySelectorAll<HTMLButtonElement>('#results .result')];
  if (results.length === 0) return;
  const at = results.indexOf(target as HTMLButtonElement);
  if (target.id === 'search' && e.key === 'ArrowDown') results[0]!.focus();
  else if (at >= 0) results[Math.max(0, Math.min(results.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))]!.focus();
  else return;
  e.preventDefault();
});

window.addEventListener('popstate', () => {
  state = readState();
  void apply(state, false);
});

// The report filter lists every report; attribution uses the same (cached) list.
void loadReports()
  .then((reports) => {
    const select = $<HTMLSelectElement>('#report-filter');
    for (const r of reports.values()) select.append(el('option', { value: r.id }, `${r.regionName} ${r.planYear}`));
    select.value = state.report;
  })
  .catch(() => undefined); // search and details show the error with a retry
void apply(state, true);
Object.assign(window, { plangraphExplorer: { graph, state: () => state, mapChart, mapCenter } });

import { KIND_NAMES, gql, type Kind } from './api.ts';
import { showDetails } from './details.ts';
import { $, el, latestOnly } from './dom.ts';
import { createGraphView } from './graph-view.ts';
import { initProgress } from './progress.ts';
import { showTrace } from './trace.ts';

const SEARCH = `query($q: String!) { search(query: $q, first: 40) { kind score highlight node { id
  ... on Indicator { metric value unit year kind } ... on Goal { name year kind } ... on Project { name } ... on Place { name type }
  ... on Enterprise { name } ... on Section { title } ... on Report { title } } } }`;

function showView(name: string): void {
  for (const v of ['explore', 'trace', 'progress']) $(`#view-${v}`).classList.toggle('hidden', v !== name);
  document
    .querySelectorAll<HTMLButtonElement>('nav button')
    .forEach((b) => b.classList.toggle('active', b.dataset.view === name));
  if (name === 'progress') void initProgress().catch(report);
}

function report(error: unknown): void {
  $('#details').replaceChildren(
    el('p', { class: 'hint' }, `Error: ${error instanceof Error ? error.message : String(error)}`),
  );
}

const graph = createGraphView((id, kind) => void showDetails(id, kind, actions).catch(report));

const actions = {
  open: (id: string, kind: Kind) => void related(id, kind).catch(report),
  expand: (id: string) => void graph.expand(id, 2).catch(report),
  trace: (id: string) => void trace(id).catch(report),
};

/** From a search result: a fresh graph around the node. */
async function open(id: string, kind: Kind): Promise<void> {
  showView('explore');
  await Promise.all([graph.show(id), showDetails(id, kind, actions)]);
}

/** From a link in the details panel: keep the graph, add the node's neighbourhood. */
async function related(id: string, kind: Kind): Promise<void> {
  showView('explore');
  await Promise.all([graph.expand(id), showDetails(id, kind, actions)]);
}

async function trace(id: string): Promise<void> {
  showView('trace');
  await showTrace(id);
}

const beginSearch = latestOnly();

async function search(q: string): Promise<void> {
  const isLatest = beginSearch();
  const box = $('#results');
  box.replaceChildren(el('p', { class: 'hint' }, 'Searching…'));
  const { search } = await gql<{
    search: { kind: Kind; score: number; highlight: string; node: Record<string, any> }[];
  }>(SEARCH, { q });
  if (!isLatest()) return;
  const groups = new Map<Kind, typeof search>();
  for (const hit of search) groups.set(hit.kind, [...(groups.get(hit.kind) ?? []), hit]);
  const parts: Node[] = [el('p', { class: 'hint' }, `${search.length} results for “${q}”`)];
  for (const [kind, hits] of groups) {
    const group = el(
      'div',
      { class: 'group', 'data-kind': kind },
      el('h3', {}, `${KIND_NAMES[kind]} (${hits.length})`),
    );
    for (const hit of hits) {
      const n = hit.node;
      const title = n.metric ? `${n.metric} ${n.value}${n.unit}` : (n.name ?? n.title ?? n.id);
      const sub = n.year ? `${String(n.kind ?? '').toLowerCase()} ${n.year}` : (n.type ?? '');
      const button = el('button', { class: 'result', 'data-id': n.id }, title, el('small', {}, sub));
      const snippet = el('small', {});
      snippet.innerHTML = hit.highlight; // server-escaped, only <mark> tags are markup
      button.append(snippet);
      button.addEventListener('click', () => void open(n.id, kind).catch(report));
      group.append(button);
    }
    parts.push(group);
  }
  box.replaceChildren(...parts);
}

$('#search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = $<HTMLInputElement>('#search').value.trim();
  if (q) void search(q).catch(report);
});
document
  .querySelectorAll<HTMLButtonElement>('nav button')
  .forEach((b) => b.addEventListener('click', () => showView(b.dataset.view ?? 'explore')));
const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  $<HTMLInputElement>('#search').value = initial;
  void search(initial).catch(report);
}
Object.assign(window, { plangraphExplorer: { graph } });

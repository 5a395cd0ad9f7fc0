import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { KIND_COLORS, gql, type GraphEdge, type GraphNode, type Kind } from './api.ts';
import { attributionOf, loadReports, reportIdOf, type ReportRef } from './attribution.ts';
import { $, download, el } from './dom.ts';
import { countOf, kindName, t } from './i18n.ts';

cytoscape.use(fcose);

const NEIGHBORHOOD = `query($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, limit: $limit) {
  truncated reachable nodes { id kind label properties } edges { id type source target properties } } }`;

/** Nodes asked for per request, first and after each "show more" (the API allows 500). */
const FIRST_LIMIT = 60;
const MAX_LIMIT = 500;

export interface GraphView {
  /** A fresh graph: the node and its neighbours. */
  show(id: string): Promise<void>;
  /** Adds a node's neighbourhood (`depth` hops, at most `limit` nodes) without moving placed nodes. */
  expand(id: string, depth?: number, limit?: number): Promise<void>;
  /** Selects the node when it is drawn; false when it is not. */
  select(id: string): boolean;
  has(id: string): boolean;
  hide(id: string): void;
  setFilters(hiddenKinds: Kind[], report: string): void;
  count(): { nodes: number; edges: number };
  cy: Core;
}

export interface GraphCallbacks {
  /** A node was clicked: show its details. */
  onSelect(id: string): void;
  /** The kind checkboxes changed. */
  onFilters(hiddenKinds: Kind[]): void;
  onError(error: unknown, retry: () => void): void;
}

/**
 * The Cytoscape.js view. Placed nodes stay where they are: new nodes start beside the node they
 * came from and fCoSE lays them out with every old node fixed. Size follows degree, edge width
 * follows a link's confidence, edge labels appear on hover and selection only.
 */
export function createGraphView(cb: GraphCallbacks): GraphView {
  const cy: Core = cytoscape({
    container: $('#graph'),
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 4,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': (n: NodeSingular) => KIND_COLORS[n.data('kind') as Kind] ?? '#999',
          label: 'data(short)',
          'font-size': 10,
          'min-zoomed-font-size': 11,
          'font-family': getComputedStyle(document.body).fontFamily,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          width: 'mapData(degree, 1, 40, 14, 46)',
          height: 'mapData(degree, 1, 40, 14, 46)',
        },
      },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#111', 'font-size': 15 } },
      {
        selector: 'edge',
        style: {
          width: 'mapData(confidence, 0, 1, 1, 5)',
          'line-color': '#c3cad5',
          'target-arrow-shape': 'triangle',
          'target-arrow-color': '#c3cad5',
          'arrow-scale': 0.7,
          'curve-style': 'haystack',
          'font-size': 8,
          color: '#4a5568',
          'text-background-color': '#fff',
          'text-background-opacity': 0.8,
        },
      },
      { selector: 'edge[confidence < 0]', style: { width: 1 } },
      {
        selector: 'edge.hover, edge:selected, edge.near-selected',
        style: { label: 'data(type)', 'line-color': '#6b7a90', 'curve-style': 'bezier' },
      },
      { selector: 'node.hover', style: { 'border-width': 2, 'border-color': '#6b7a90', 'font-size': 15 } },
      { selector: '.filtered, .dismissed, .other-report', style: { display: 'none' } },
    ],
  });
  let hiddenKinds = new Set<Kind>();
  let report = '';
  let reports = new Map<string, ReportRef>();
  /** The last neighbourhood asked for: how many nodes it returned, and how many its walk reaches. */
  let last: {
    id: string;
    depth: number;
    limit: number;
    truncated: boolean;
    shown: number;
    reachable: number | null;
  } | null = null;

  const truncation = $('#graph-truncation');
  const status = () => {
    const visible = cy.nodes(':visible').length;
    const dismissed = cy.nodes('.dismissed').length;
    $('#graph-status').textContent =
      `${visible} ${t('nodes')} · ${cy.edges(':visible').length} ${t('edges')}` +
      (dismissed ? ` · ${dismissed} ${t('hidden')}` : '');
    $('#unhide').classList.toggle('hidden', dismissed === 0);
    truncation.replaceChildren();
    if (last?.truncated) {
      const more = el('button', { id: 'show-more' }, t('showMore'));
      more.addEventListener('click', () => {
        const l = last!;
        void expand(l.id, l.depth, Math.min(MAX_LIMIT, l.limit * 2));
      });
      truncation.append(countOf(last.shown, last.reachable, t('nodes')));
      if (last.limit < MAX_LIMIT) truncation.append(' · ');
      if (last.limit < MAX_LIMIT) truncation.append(more);
    }
    truncation.classList.toggle('hidden', !last?.truncated);
  };
  const applyFilters = () => {
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.toggleClass('filtered', hiddenKinds.has(n.data('kind') as Kind));
        const rid = n.data('report') as string | null;
        n.toggleClass('other-report', Boolean(report && rid && rid !== report));
      });
    });
    status();
  };

  // Legend with kind checkboxes, the relationship to expand by, fit, zoom and export.
  const legend = $('#legend');
  const filters = $('#filters');
  for (const kind of Object.keys(KIND_COLORS) as Kind[]) {
    legend.append(
      el(
        'span',
        {},
        el('span', { class: 'dot', style: `background:${KIND_COLORS[kind]}` }),
        el('span', { 'data-kind-label': kind }, kindName(kind)),
      ),
    );
    const box = el('input', { type: 'checkbox', 'data-kind': kind });
    box.checked = true;
    box.addEventListener('change', () => {
      if (box.checked) hiddenKinds.delete(kind);
      else hiddenKinds.add(kind);
      applyFilters();
      cb.onFilters([...hiddenKinds]);
    });
    filters.append(el('label', {}, box, el('span', { 'data-kind-label': kind }, kindName(kind))));
  }
  const relation = $<HTMLSelectElement>('#expand-type');
  const knownTypes = new Set<string>();
  const centreZoom = (f: number) =>
    cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  $('#fit').addEventListener('click', () => cy.fit(cy.elements(':visible'), 30));
  $('#zoom-in').addEventListener('click', () => centreZoom(1.25));
  $('#zoom-out').addEventListener('click', () => centreZoom(1 / 1.25));
  $('#unhide').addEventListener('click', () => {
    cy.nodes('.dismissed').removeClass('dismissed');
    status();
  });
  $('#export-png').addEventListener('click', () =>
    // Capped in size: a full graph at 2x can exceed the largest canvas a browser draws.
    download(
      'plangraph-graph.png',
      cy.png({ output: 'blob', full: true, bg: '#ffffff', maxWidth: 2400, maxHeight: 2400 }) as Blob,
    ),
  );
  $('#export-json').addEventListener('click', () => {
    const visible = cy.elements(':visible');
    const json = {
      nodes: visible.nodes().map((n) => ({ data: n.data(), position: n.position() })),
      edges: visible.edges().map((e) => ({ data: e.data() })),
    };
    download('plangraph-graph.json', JSON.stringify(json, null, 2), 'application/json');
  });

  const tip = $('#graph-tip');
  cy.on('mouseover', 'node', (e) => {
    const n = e.target as NodeSingular;
    n.addClass('hover');
    n.connectedEdges().addClass('hover');
    const where = attributionOf(n.id(), reports);
    tip.textContent = `${kindName(n.data('kind') as Kind)} · ${n.data('label')}${where ? ` · ${where}` : ''}`;
    tip.classList.remove('hidden');
  });
  cy.on('mouseout', 'node', (e) => {
    e.target.removeClass('hover');
    e.target.connectedEdges().removeClass('hover');
    tip.classList.add('hidden');
  });
  cy.on('mouseover', 'edge', (e) => e.target.addClass('hover'));
  cy.on('mouseout', 'edge', (e) => e.target.removeClass('hover'));
  cy.on('select', 'node', (e) => e.target.connectedEdges().addClass('near-selected'));
  cy.on('unselect', 'node', (e) => e.target.connectedEdges().removeClass('near-selected'));
  cy.on('tap', 'node', (e) => cb.onSelect(e.target.id()));
  cy.on('dbltap', 'node', (e) => void expand(e.target.id(), 1));

  const short = (label: string) => (label.length > 14 ? `${label.slice(0, 13)}…` : label);

  async function expand(id: string, depth = 1, limit = FIRST_LIMIT): Promise<void> {
    let data: {
      neighborhood: { truncated: boolean; reachable: number | null; nodes: GraphNode[]; edges: GraphEdge[] };
    };
    try {
      [data, reports] = await Promise.all([
        gql<typeof data>(NEIGHBORHOOD, { id, depth, limit }),
        loadReports().catch(() => reports),
      ]);
    } catch (error) {
      cb.onError(error, () => void expand(id, depth, limit));
      return;
    }
    const { nodes, edges: allEdges } = data.neighborhood;
    // Expand by one relationship type: keep only edges of that type and the nodes they reach.
    const only = relation.value;
    const edges = only ? allEdges.filter((e) => e.type === only) : allEdges;
    const reached = new Set([id, ...edges.flatMap((e) => [e.source, e.target])]);
    const kept = only ? nodes.filter((n) => reached.has(n.id)) : nodes;
    for (const e of allEdges) knownTypes.add(e.type);
    for (const type of knownTypes)
      if (![...relation.options].some((o) => o.value === type)) relation.append(el('option', { value: type }, type));

    const placed = cy.nodes().map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
    const centre = cy.getElementById(id);
    const origin = centre.nonempty() ? centre.position() : { x: cy.width() / 2, y: cy.height() / 2 };
    const fresh = kept.filter((n) => cy.getElementById(n.id).empty());
    cy.batch(() => {
      fresh.forEach((n, i) => {
        // Start on a small ring around the node they came from; fCoSE spreads them out.
        const angle = (2 * Math.PI * i) / Math.max(1, fresh.length);
        const r = 40 + 4 * Math.sqrt(fresh.length);
        cy.add({
          group: 'nodes',
          data: { ...n, short: short(n.label), report: reportIdOf(n.id), degree: 1 },
          position:
            n.id === id ? { ...origin } : { x: origin.x + r * Math.cos(angle), y: origin.y + r * Math.sin(angle) },
        });
      });
      for (const e of edges) {
        if (cy.getElementById(e.id).nonempty()) continue;
        if (cy.getElementById(e.source).empty() || cy.getElementById(e.target).empty()) continue;
        const confidence = typeof e.properties?.confidence === 'number' ? e.properties.confidence : -1;
        cy.add({ group: 'edges', data: { id: e.id, type: e.type, source: e.source, target: e.target, confidence } });
      }
      cy.nodes().forEach((n) => void n.data('degree', n.degree(false)));
    });
    const { truncated, reachable } = data.neighborhood;
    last = { id, depth, limit, truncated, shown: nodes.length, reachable };
    applyFilters();
    if (fresh.length > 0) {
      const layout = cy.layout({
        name: 'fcose',
        animate: false,
        randomize: placed.length === 0,
        quality: 'default',
        fit: false,
        nodeRepulsion: 6500,
        idealEdgeLength: 70,
        numIter: 1500,
        // Every node already on screen keeps its position exactly.
        fixedNodeConstraint: placed.length > 0 ? placed : undefined,
      } as cytoscape.LayoutOptions);
      layout.run();
      cy.fit(cy.elements(':visible'), 30);
      if (cy.zoom() > 1.6) cy.zoom({ level: 1.6, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    }
    status();
  }

  status();
  return {
    async show(id) {
      cy.elements().remove();
      last = null;
      await expand(id, 1);
      cy.getElementById(id).select();
    },
    expand,
    select(id) {
      const n = cy.getElementById(id);
      if (n.empty()) return false;
      cy.elements(':selected').unselect();
      n.removeClass('dismissed').select();
      return true;
    },
    has: (id) => cy.getElementById(id).nonempty(),
    hide(id) {
      cy.getElementById(id).addClass('dismissed').unselect();
      status();
    },
    setFilters(kinds, rep) {
      hiddenKinds = new Set(kinds);
      report = rep;
      for (const box of filters.querySelectorAll<HTMLInputElement>('input[data-kind]'))
        box.checked = !hiddenKinds.has(box.dataset.kind as Kind);
      applyFilters();
    },
    count: () => ({ nodes: cy.nodes().length, edges: cy.edges().length }),
    cy,
  };
}

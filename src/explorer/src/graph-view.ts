import cytoscape, { type Core } from 'cytoscape';
import { KIND_COLORS, KIND_NAMES, gql, type GraphEdge, type GraphNode, type Kind } from './api.ts';
import { $, el } from './dom.ts';

const NEIGHBORHOOD = `query($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, limit: $limit) {
  truncated nodes { id kind label properties } edges { id type source target } } }`;

export interface GraphView {
  show(id: string): Promise<void>;
  /** Adds a node's neighbourhood (`depth` hops) to what is shown. */
  expand(id: string, depth?: number): Promise<void>;
  count(): { nodes: number; edges: number };
}

/** The Cytoscape.js view: colours by kind with a legend, click to expand, double-click for details, kind filters, fit and zoom. */
export function createGraphView(onOpen: (id: string, kind: Kind) => void): GraphView {
  const cy: Core = cytoscape({
    container: $('#graph'),
    wheelSensitivity: 0.3,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': (n) => KIND_COLORS[n.data('kind') as Kind] ?? '#999',
          label: 'data(short)',
          'font-size': 10,
          'font-family': getComputedStyle(document.body).fontFamily,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          width: 18,
          height: 18,
        },
      },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#111' } },
      {
        selector: 'edge',
        style: {
          width: 1,
          'line-color': '#c3cad5',
          'target-arrow-shape': 'triangle',
          'target-arrow-color': '#c3cad5',
          'curve-style': 'bezier',
          label: 'data(type)',
          'font-size': 7,
          color: '#8a94a6',
        },
      },
      { selector: '.filtered', style: { display: 'none' } },
    ],
  });
  const hidden = new Set<Kind>();
  const status = () => {
    $('#graph-status').textContent = `${cy.nodes().length} nodes, ${cy.edges().length} edges`;
  };
  const applyFilters = () =>
    cy.nodes().forEach((n) => void n.toggleClass('filtered', hidden.has(n.data('kind') as Kind)));

  const legend = $('#legend');
  const filters = $('#filters');
  for (const kind of Object.keys(KIND_COLORS) as Kind[]) {
    legend.append(
      el('span', {}, el('span', { class: 'dot', style: `background:${KIND_COLORS[kind]}` }), KIND_NAMES[kind]),
    );
    const box = el('input', { type: 'checkbox', 'data-kind': kind });
    box.checked = true;
    box.addEventListener('change', () => {
      if (box.checked) hidden.delete(kind);
      else hidden.add(kind);
      applyFilters();
    });
    filters.append(el('label', {}, box, kind.toLowerCase()));
  }
  $('#fit').addEventListener('click', () => cy.fit(undefined, 30));
  $('#zoom-in').addEventListener('click', () =>
    cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }),
  );
  $('#zoom-out').addEventListener('click', () =>
    cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }),
  );

  async function merge(id: string, depth: number): Promise<void> {
    const data = await gql<{ neighborhood: { nodes: GraphNode[]; edges: GraphEdge[] } }>(NEIGHBORHOOD, {
      id,
      depth,
      limit: 60,
    });
    const known = cy.nodes().map((n) => n.id());
    const centre = cy.getElementById(id);
    const origin = centre.nonempty() ? centre.position() : { x: cy.width() / 2, y: cy.height() / 2 };
    cy.add(
      data.neighborhood.nodes
        .filter((n) => !known.includes(n.id))
        .map((n) => ({
          group: 'nodes' as const,
          data: { ...n, short: n.label.length > 14 ? `${n.label.slice(0, 13)}…` : n.label },
          position: { x: origin.x + Math.random() * 80 - 40, y: origin.y + Math.random() * 80 - 40 },
        })),
    );
    cy.add(
      data.neighborhood.edges
        .filter((e) => cy.getElementById(e.id).empty())
        .map((e) => ({ group: 'edges' as const, data: { ...e } })),
    );
    applyFilters();
    cy.layout({
      name: 'cose',
      animate: false,
      randomize: false,
      nodeRepulsion: () => 9000,
      idealEdgeLength: () => 70,
    }).run();
    status();
  }

  cy.on('tap', 'node', (e) => void merge(e.target.id(), 1));
  cy.on('dbltap', 'node', (e) => onOpen(e.target.id(), e.target.data('kind') as Kind));
  status();
  return {
    async show(id) {
      cy.elements().remove();
      await merge(id, 1);
      cy.getElementById(id).select();
      cy.fit(undefined, 30);
    },
    expand: (id, depth = 1) => merge(id, depth),
    count: () => ({ nodes: cy.nodes().length, edges: cy.edges().length }),
  };
}

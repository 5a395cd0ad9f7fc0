import { AppError } from '#errors/app-error.ts';
import type { CypherQuery, Executor } from '../executor.ts';
import { labelForId } from '../ids.ts';
import { LABELS, type Label } from '../model.ts';
import { DEFAULT_MIN_CONFIDENCE } from './confidence.ts';

export interface GraphNode {
  id: string;
  kind: Label;
  label: string;
  properties: Record<string, unknown>;
}
export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}
export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

const LABEL_OF = `head([l IN labels(m) WHERE l IN ${JSON.stringify(LABELS)}])`;
// Light properties for drawing: no full texts.
const LIGHT = (v: string) => `${v} { .*, fullText: null, graphJson: null, ownText: null }`;
// Only what a caption is made of (captionOf), for answers that do not ask for the properties.
const CAPTION = (v: string) => `${v} { .id, .name, .title, .marker, .metric, .value, .unit, .year }`;

/** What a neighbourhood's answer asks for beyond ids, kinds, captions and edge ends. */
export interface SubgraphShape {
  /** Without edges, a hop reads each new neighbour once instead of every relationship to it. */
  edges: boolean;
  /** Without labels (captions) or properties, a node is read as its id alone. */
  nodeLabels: boolean;
  nodeProperties: boolean;
  edgeProperties: boolean;
}
const FULL_SHAPE: SubgraphShape = { edges: true, nodeLabels: true, nodeProperties: true, edgeProperties: true };
const nodeMap = (v: string, shape: SubgraphShape) =>
  shape.nodeProperties ? LIGHT(v) : shape.nodeLabels ? CAPTION(v) : `${v} { .id }`;
const relMap = (v: string, shape: SubgraphShape) => (shape.edgeProperties ? `${v} { .* }` : 'null');

/** A short caption for a node, whatever its kind. */
export function captionOf(kind: Label, p: Record<string, unknown>): string {
  switch (kind) {
    case 'Indicator':
      return `${p.metric} ${p.value}${p.unit} (${p.year})`;
    case 'Section':
      return `${p.marker ?? ''}${p.title}`;
    case 'Report':
      return String(p.title ?? p.id);
    default:
      return String(p.name ?? p.id);
  }
}

function toNode(kind: Label, properties: Record<string, unknown>): GraphNode {
  const clean = Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== null));
  return { id: String(properties.id), kind, label: captionOf(kind, properties), properties: clean };
}

function startQuery(id: string): CypherQuery {
  const label = labelForId(id);
  if (!label) throw new AppError(`not a plangraph id: ${id}`, 'BAD_USER_INPUT');
  return {
    text: `MATCH (m:${label} {id: $id}) RETURN elementId(m) AS eid, ${LABEL_OF} AS kind, ${LIGHT('m')} AS node`,
    params: { id },
  };
}

/**
 * One breadth-first hop from the given nodes (by element id), at most `limit` new neighbours,
 * over edges without a confidence or with one of at least `minConfidence`.
 */
export function hopQuery(
  eids: string[],
  kinds: Label[] | null,
  seen: string[],
  limit: number,
  minConfidence = DEFAULT_MIN_CONFIDENCE,
  shape: SubgraphShape = FULL_SHAPE,
): CypherQuery {
  if (!shape.edges)
    return {
      text: `UNWIND $eids AS eid MATCH (n) WHERE elementId(n) = eid
             MATCH (n)-[r]-(m) WHERE ($kinds IS NULL OR ${LABEL_OF} IN $kinds) AND NOT m:PlangraphMigration
               AND coalesce(r.confidence, 1.0) >= $minConfidence AND NOT elementId(m) IN $seen
             WITH m, min(type(r)) AS type ORDER BY type LIMIT $limit
             RETURN elementId(m) AS eid, ${LABEL_OF} AS kind, ${nodeMap('m', shape)} AS node`,
      params: { eids, kinds, seen, limit, minConfidence },
    };
  return {
    text: `UNWIND $eids AS eid MATCH (n) WHERE elementId(n) = eid
           MATCH (n)-[r]-(m) WHERE ($kinds IS NULL OR ${LABEL_OF} IN $kinds) AND NOT m:PlangraphMigration
             AND coalesce(r.confidence, 1.0) >= $minConfidence
           WITH r, m, NOT elementId(m) IN $seen AS fresh
           RETURN elementId(r) AS rid, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target, ${relMap('r', shape)} AS rel,
                  elementId(m) AS eid, ${LABEL_OF} AS kind, ${nodeMap('m', shape)} AS node, fresh
           ORDER BY fresh, type LIMIT $limit`,
    params: { eids, kinds, seen, limit, minConfidence },
  };
}

/**
 * The start node by id and its first hop (as hopQuery), in one row: the start node once, its
 * hops as a list (empty for a node without edges).
 */
export function firstHopQuery(
  id: string,
  kinds: Label[] | null,
  limit: number,
  minConfidence: number,
  shape: SubgraphShape = FULL_SHAPE,
): CypherQuery {
  const label = labelForId(id);
  if (!label) throw new AppError(`not a plangraph id: ${id}`, 'BAD_USER_INPUT');
  return {
    text: `MATCH (s:${label} {id: $id})
           CALL (s) {
             MATCH (s)-[r]-(m) WHERE ($kinds IS NULL OR ${LABEL_OF} IN $kinds) AND NOT m:PlangraphMigration
               AND coalesce(r.confidence, 1.0) >= $minConfidence
             ${
               shape.edges
                 ? `WITH r, m, m <> s AS fresh
             ORDER BY fresh, type(r) LIMIT $limit
             RETURN collect({ rid: elementId(r), type: type(r), source: startNode(r).id, target: endNode(r).id, rel: ${relMap('r', shape)},
                              eid: elementId(m), kind: ${LABEL_OF}, node: ${nodeMap('m', shape)} }) AS hops`
                 : `WITH m, min(type(r)) AS type WHERE m <> s
             ORDER BY type LIMIT $limit
             RETURN collect({ eid: elementId(m), kind: ${LABEL_OF}, node: ${nodeMap('m', shape)} }) AS hops`
             }
           }
           RETURN elementId(s) AS startEid, head([l IN labels(s) WHERE l IN ${JSON.stringify(LABELS)}]) AS startKind,
                  ${nodeMap('s', shape)} AS startNode, hops`,
    params: { id, kinds, limit, minConfidence },
  };
}

/**
 * The neighbourhood of a node as nodes and edges: breadth-first, one query per hop, so the
 * number of round trips is the depth (the start node comes with the first); stops adding nodes at `limit`.
 * @throws AppError NOT_FOUND when the node does not exist.
 */
export async function neighborhood(
  executor: Executor,
  id: string,
  depth: number,
  limit: number,
  kinds: Label[] | null,
  minConfidence = DEFAULT_MIN_CONFIDENCE,
  shape: SubgraphShape = FULL_SHAPE,
): Promise<Subgraph> {
  // The start node comes with the first hop: one round trip for depth 1.
  // The first hop's row limit is the loop's (budget limit - 1, one node known), plus the one extra row.
  // Without edges a row is a new node: the budget (limit - 1) plus the one extra row.
  const firstLimit = shape.edges ? (limit - 1) * 4 + 1 + 1 : limit;
  const start = (await executor.read(firstHopQuery(id, kinds, firstLimit, minConfidence, shape)))[0];
  if (!start) throw new AppError(`no node with id ${id}`, 'NOT_FOUND');
  const nodes = new Map<string, GraphNode>([
    [String(start.startEid), toNode(start.startKind as Label, start.startNode as Record<string, unknown>)],
  ]);
  const edges = new Map<string, GraphEdge>();
  let frontier = [String(start.startEid)];
  let truncated = false;
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const budget = limit - nodes.size;
    if (budget <= 0) {
      truncated = true;
      break;
    }
    // Edges to known nodes are cheap; ask for enough rows to fill the node budget too.
    const rowLimit = shape.edges ? budget * 4 + nodes.size : budget;
    // One row more than we read: when it comes back, the row limit (not the node limit) cut this
    // hop short, so neighbours were left out even if fewer than `limit` nodes were kept (many
    // edges to the same neighbour use up rows). Before, that case said `truncated: false`.
    const fetched =
      hop === 0
        ? (start.hops as Record<string, unknown>[])
        : await executor.read(hopQuery(frontier, kinds, [...nodes.keys()], rowLimit + 1, minConfidence, shape));
    if (fetched.length > rowLimit) truncated = true;
    const rows = fetched.slice(0, rowLimit);
    const next: string[] = [];
    for (const row of rows) {
      const eid = String(row.eid);
      if (!nodes.has(eid)) {
        if (nodes.size >= limit) {
          truncated = true;
          continue;
        }
        nodes.set(eid, toNode(row.kind as Label, row.node as Record<string, unknown>));
        next.push(eid);
      }
      if (!shape.edges) continue;
      edges.set(String(row.rid), {
        id: String(row.rid),
        type: String(row.type),
        source: String(row.source),
        target: String(row.target),
        properties: (row.rel as Record<string, unknown>) ?? {},
      });
    }
    frontier = next;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}

/** One hop of reachableCount: the element ids of the neighbours of `eids` not yet in `seen`. */
function idHopQuery(eids: string[], kinds: Label[] | null, seen: string[], minConfidence: number): CypherQuery {
  return {
    text: `UNWIND $eids AS eid MATCH (n) WHERE elementId(n) = eid
           MATCH (n)-[r]-(m) WHERE ($kinds IS NULL OR ${LABEL_OF} IN $kinds) AND NOT m:PlangraphMigration
             AND coalesce(r.confidence, 1.0) >= $minConfidence AND NOT elementId(m) IN $seen
           RETURN DISTINCT elementId(m) AS eid`,
    params: { eids, kinds, seen, minConfidence },
  };
}

/**
 * How many nodes the same walk as `neighborhood` reaches with no limit (the start included): the
 * "of M" for a truncated neighbourhood. Breadth-first over element ids only, one query per hop.
 * @throws AppError NOT_FOUND when the node does not exist.
 */
export async function reachableCount(
  executor: Executor,
  id: string,
  depth: number,
  kinds: Label[] | null,
  minConfidence = DEFAULT_MIN_CONFIDENCE,
): Promise<number> {
  const start = (await executor.read(startQuery(id)))[0];
  if (!start) throw new AppError(`no node with id ${id}`, 'NOT_FOUND');
  const seen = new Set([String(start.eid)]);
  let frontier = [...seen];
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const rows = await executor.read(idHopQuery(frontier, kinds, [...seen], minConfidence));
    frontier = rows.map((r) => String(r.eid));
    for (const eid of frontier) seen.add(eid);
  }
  return seen.size;
}

/** Shortest paths between two nodes, up to maxHops (1–6; literal per value, never from input text). */
export function pathsQuery(
  from: string,
  to: string,
  maxHops: number,
  limit: number,
  minConfidence = DEFAULT_MIN_CONFIDENCE,
): CypherQuery {
  const a = labelForId(from);
  const b = labelForId(to);
  if (!a || !b) throw new AppError(`not a plangraph id: ${!a ? from : to}`, 'BAD_USER_INPUT');
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 6)
    throw new AppError('maxHops must be 1 to 6', 'BAD_USER_INPUT');
  return {
    text: `MATCH (a:${a} {id: $from}), (b:${b} {id: $to})
           MATCH p = allShortestPaths((a)-[*..${maxHops}]-(b))
           WHERE all(r IN relationships(p) WHERE coalesce(r.confidence, 1.0) >= $minConfidence)
           WITH p LIMIT $limit
           UNWIND relationships(p) AS r
           WITH DISTINCT r, startNode(r) AS s, endNode(r) AS e
           RETURN elementId(r) AS rid, type(r) AS type, r { .* } AS rel,
                  [x IN [s, e] | { kind: head([l IN labels(x) WHERE l IN ${JSON.stringify(LABELS)}]), node: ${LIGHT('x')} }] AS ends`,
    params: { from, to, limit, minConfidence },
  };
}

export async function paths(
  executor: Executor,
  from: string,
  to: string,
  maxHops: number,
  limit: number,
  minConfidence = DEFAULT_MIN_CONFIDENCE,
): Promise<Subgraph> {
  if (from === to) {
    // A path from a node to itself is the node alone (shortestPath refuses equal ends).
    const start = (await executor.read(startQuery(from)))[0];
    if (!start) throw new AppError(`no node with id ${from}`, 'NOT_FOUND');
    return { nodes: [toNode(start.kind as Label, start.node as Record<string, unknown>)], edges: [], truncated: false };
  }
  const rows = await executor.read(pathsQuery(from, to, maxHops, limit, minConfidence));
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  for (const row of rows) {
    const ends = row.ends as { kind: Label; node: Record<string, unknown> }[];
    for (const end of ends) nodes.set(String(end.node.id), toNode(end.kind, end.node));
    edges.push({
      id: String(row.rid),
      type: String(row.type),
      source: String(ends[0]!.node.id),
      target: String(ends[1]!.node.id),
      properties: (row.rel as Record<string, unknown>) ?? {},
    });
  }
  return { nodes: [...nodes.values()], edges, truncated: false };
}

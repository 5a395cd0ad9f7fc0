// A read plan: what one GraphQL root field asks of the graph, as plain data (labels, stored
// properties, relations and their arguments; no GraphQL types). src/api/planner builds it from a
// selection set; compile-plan.ts turns it into one Cypher statement.
import type { Label } from '../../model.ts';
import type { ListKind, OrderBy, PageWindow, Where } from '../lists.ts';
import type { SearchSpec } from '../search.ts';
import type { ViaName } from './vias.ts';

/** The nodes at one place of the plan: their possible labels, the properties and relations asked for. */
export interface NodePlan {
  /** One label, or several for an interface or union (each node then says which it is). */
  labels: readonly Label[];
  /** Stored properties to project; `id` is always read. */
  props: string[];
  relations: RelationPlan[];
}

/** Related nodes, reached through a named pattern of the catalogue (vias.ts). */
export interface RelationPlan {
  /** Where the result goes in the parent's answer (the GraphQL response key). */
  key: string;
  via: ViaName;
  /** A single node (or null) rather than a list. */
  one: boolean;
  /** At most this many related nodes (a list field's `first`). */
  first?: number;
  /** Only links whose `confidence` is at least this (SERVES, PREVIOUS). */
  minConfidence?: number;
  /** Properties of the relationship itself (confidence, evidence). */
  relProps: string[];
  /** Relations read from the relationship's properties: the section of a link's evidence. */
  relRelations: RelationPlan[];
  target: NodePlan;
}

export type RootPlan =
  | { kind: 'byId'; label: Label; id: string; node: NodePlan }
  | ({
      kind: 'list';
      list: ListKind;
      where: Where;
      orderBy: OrderBy[];
      /** Rows to read (a page asks one more, to know whether another follows). */
      limit: number;
      /** Count every match as well (totalCount, hasNextPage), in the same statement. */
      count: boolean;
      node: NodePlan;
    } & PageWindow)
  | { kind: 'search'; search: SearchSpec; node: NodePlan };

/** A node as the compiled statement answers it, mapped back to plain values. */
export interface PlannedNode {
  label: Label;
  props: Record<string, unknown>;
  relations: Record<string, PlannedRelation>;
}

export interface PlannedItem {
  node: PlannedNode;
  /** The relationship's properties, when the plan asked for any. */
  rel: Record<string, unknown> | null;
  relRelations: Record<string, PlannedRelation>;
}

export type PlannedRelation = PlannedItem[];

export interface PlannedRoot {
  /** A list's items carry their order key values (`keys`), what a cursor encodes. */
  items: { node: PlannedNode; score: number | null; keys: unknown[] | null }[];
  /** Every match of a counted list; null when the plan did not ask for it. */
  totalCount: number | null;
  /** A search page: the hits before it (those up to its `after`). */
  before?: number;
}

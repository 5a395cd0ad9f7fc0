// The shapes resolvers receive as parents (codegen mappers): store rows tagged with their label.
import type { Label } from '#store/model.ts';
import type { GraphEdge, GraphNode } from '#store/read/graph.ts';
import type { StatsRows } from '#store/read/stats.ts';

export type Row = Record<string, unknown> & { id: string; __label: Label; __pre?: Prefetched };

/**
 * Field values the planner's one statement already read, by response key: the field's resolver
 * returns them instead of asking its DataLoader (resolvers/prefetched.ts). `field` names the
 * field the value answers, so an alias reused by another field is never mistaken for it.
 */
export type Prefetched = Record<string, { field: string; value: unknown }>;
export type ReportRow = Row & {
  title: string;
  regionName: string;
  regionLevel: string;
  reviewYear: number;
  planYear: number;
  sha256: string;
};
export type SectionRow = Row & {
  reportId: string;
  parentId?: string | null;
  level: number;
  title: string;
  part: string;
  path: string;
  start: number;
  end: number;
  /** The section's own words, without its subsections' (what search indexes). */
  ownText?: string;
};
export type IndicatorRow = Row & {
  reportId: string;
  sectionId: string;
  kind: string;
  year: number;
  metric: string;
  value: number;
  unit: string;
  baseValue: string;
  baseUnit: string;
  threshold: boolean;
  text: string;
  start: number;
  end: number;
};
export type GoalRow = Row & {
  reportId: string;
  sectionId: string;
  kind: string;
  year: number;
  name: string;
  action: string;
  text: string;
  start: number;
  end: number;
  occurrencesJson?: string;
};
export type TargetRow = IndicatorRow | GoalRow;
export type ProjectRow = Row & { reportId: string; name: string; aliases?: string[] };
export type PlaceRow = Row & { name: string; type: string; aliases?: string[]; code?: string | null };
export type EnterpriseRow = Row & { name: string; aliases?: string[] };

/** Evidence as stored on a relationship or a fact: resolved to its section lazily. */
export interface EvidenceModel {
  __pre?: Prefetched;
  sectionId: string | null;
  text: string;
  start: number;
  end: number;
}

export interface ServingModel {
  __pre?: Prefetched;
  project: ProjectRow;
  rel: Record<string, unknown>;
}
export interface ServedModel {
  __pre?: Prefetched;
  target: TargetRow;
  rel: Record<string, unknown>;
}
export interface PreviousModel {
  __pre?: Prefetched;
  from: TargetRow;
  target: TargetRow;
  rel: Record<string, unknown>;
}
export interface MentionModel {
  entity: Row;
  sectionId: string;
  start: number;
  end: number;
}
export interface TraceLinkModel {
  project: ProjectRow;
  target: TargetRow;
  rel: Record<string, unknown>;
}
export interface TraceModel {
  root: Row;
  links: TraceLinkModel[];
}
export interface ChangeModel {
  absolute: number;
  ratio: number | null;
  unit: string;
}
export interface TargetProgressModel {
  target: TargetRow;
  period: string | null;
  previous: TargetRow | null;
  change: ChangeModel | null;
  confidence: number | null;
  cursor: string;
}
export interface ComparisonModel {
  region: PlaceRow | null;
  regionName: string;
  report: ReportRow;
  indicator: IndicatorRow;
  evidence: EvidenceModel;
}

export interface SearchHitModel {
  node: Row;
  score: number;
  highlight: string;
}
export interface SearchEdgeModel extends SearchHitModel {
  cursor: string;
}
export type ReportStatsModel = StatsRows['byReport'][number];
export type PlaceStatsModel = StatsRows['byPlace'][number];

/** Tags a store row with its label so interfaces and unions can resolve their type. */
export function tag<T extends Row>(label: Label, node: Record<string, unknown>): T {
  return { ...node, __label: label } as T;
}

/** A neighbourhood or paths answer; `countReachable` answers Graph.reachable when asked (null for paths). */
export interface GraphModel {
  truncated: boolean;
  nodes: (Omit<GraphNode, 'kind'> & { kind: Uppercase<Label> })[];
  edges: GraphEdge[];
  countReachable: (() => Promise<number>) | null;
}

// The graph model's labels and relationship types: the only place Cypher gets them from, so no
// label or type ever comes from user input.
import type { RelationshipType } from '#domain/report-graph.ts';

export const LABELS = ['Report', 'Section', 'Indicator', 'Goal', 'Project', 'Place', 'Enterprise'] as const;
export type Label = (typeof LABELS)[number];

/** Nodes that belong to one report and go when it goes. */
export const OWNED_LABELS = ['Section', 'Indicator', 'Goal', 'Project'] as const satisfies readonly Label[];
/** Nodes shared across reports, kept while any report still mentions them. */
export const SHARED_LABELS = ['Place', 'Enterprise'] as const satisfies readonly Label[];

export const STRUCTURE_TYPES = ['HAS_SECTION', 'HAS_SUBSECTION', 'STATES', 'MENTIONS'] as const;
export const FACT_TYPES = [
  'SERVES',
  'LOCATED_IN',
  'INVOLVES',
  'PART_OF',
  'PREVIOUS',
] as const satisfies readonly RelationshipType[];
export const REL_TYPES = [...STRUCTURE_TYPES, ...FACT_TYPES] as const;
export type RelType = (typeof REL_TYPES)[number];

export function isLabel(value: string): value is Label {
  return (LABELS as readonly string[]).includes(value);
}

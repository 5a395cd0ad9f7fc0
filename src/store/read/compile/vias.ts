// The relations a read plan can follow, each a fixed pattern over the model's labels and
// relationship types (never from input). `p` is the parent (a node, or for evidence a
// relationship), `c` the related node, `r` the relationship. Orders match the DataLoader reads
// of relations.ts, so both paths answer the same lists in the same order.
import type { Label } from '../../model.ts';

export interface Via {
  pattern: (p: string, c: string, r: string) => string;
  order: (c: string, r: string) => string[];
  labels: readonly Label[];
  /** Several relationships can join the same pair (one per report): keep each node once. */
  distinct?: boolean;
}

const TARGETS = ['Indicator', 'Goal'] as const;
const byStart = (c: string) => [`${c}.start`];
const byName = (c: string) => [`${c}.name`];
const none = () => [];

export const VIAS = {
  reportSections: {
    pattern: (p, c, r) => `(${p})-[${r}:HAS_SECTION]->(${c}:Section)`,
    order: byStart,
    labels: ['Section'],
  },
  subsections: {
    pattern: (p, c, r) => `(${p})-[${r}:HAS_SUBSECTION]->(${c}:Section)`,
    order: byStart,
    labels: ['Section'],
  },
  sectionIndicators: {
    pattern: (p, c, r) => `(${p})-[${r}:STATES]->(${c}:Indicator)`,
    order: byStart,
    labels: ['Indicator'],
  },
  sectionGoals: { pattern: (p, c, r) => `(${p})-[${r}:STATES]->(${c}:Goal)`, order: byStart, labels: ['Goal'] },
  sectionOf: { pattern: (p, c) => `(${c}:Section {id: ${p}.sectionId})`, order: none, labels: ['Section'] },
  reportOf: { pattern: (p, c) => `(${c}:Report {id: ${p}.reportId})`, order: none, labels: ['Report'] },
  parentSection: { pattern: (p, c) => `(${c}:Section {id: ${p}.parentId})`, order: none, labels: ['Section'] },
  servedBy: {
    pattern: (p, c, r) => `(${c}:Project)-[${r}:SERVES]->(${p})`,
    order: (c, r) => [`${r}.confidence DESC`, `${c}.name`],
    labels: ['Project'],
  },
  serves: {
    pattern: (p, c, r) => `(${p})-[${r}:SERVES]->(${c})`,
    order: (c, r) => [`${r}.confidence DESC`, `${c}.start`],
    labels: TARGETS,
  },
  previous: {
    pattern: (p, c, r) => `(${p})-[${r}:PREVIOUS]->(${c})`,
    order: (_, r) => [`${r}.confidence DESC`],
    labels: TARGETS,
  },
  projectPlaces: { pattern: (p, c, r) => `(${p})-[${r}:LOCATED_IN]->(${c}:Place)`, order: byName, labels: ['Place'] },
  projectEnterprises: {
    pattern: (p, c, r) => `(${c}:Enterprise)-[${r}:INVOLVES]->(${p})`,
    order: byName,
    labels: ['Enterprise'],
  },
  enterpriseProjects: {
    pattern: (p, c, r) => `(${p})-[${r}:INVOLVES]->(${c}:Project)`,
    order: byName,
    labels: ['Project'],
  },
  enterprisePlaces: {
    pattern: (p, c, r) => `(${p})-[${r}:LOCATED_IN]->(${c}:Place)`,
    order: byName,
    labels: ['Place'],
  },
  placeProjects: {
    pattern: (p, c, r) => `(${c}:Project)-[${r}:LOCATED_IN]->(${p})`,
    order: byName,
    labels: ['Project'],
  },
  placeEnterprises: {
    pattern: (p, c, r) => `(${c}:Enterprise)-[${r}:LOCATED_IN]->(${p})`,
    order: byName,
    labels: ['Enterprise'],
    distinct: true,
  },
  placeParent: {
    pattern: (p, c, r) => `(${p})-[${r}:PART_OF]->(${c}:Place)`,
    order: none,
    labels: ['Place'],
    distinct: true,
  },
  placeChildren: {
    pattern: (p, c, r) => `(${c}:Place)-[${r}:PART_OF]->(${p})`,
    order: byName,
    labels: ['Place'],
    distinct: true,
  },
} satisfies Record<string, Via>;

export type ViaName = keyof typeof VIAS;

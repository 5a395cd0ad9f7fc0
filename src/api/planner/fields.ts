// How each GraphQL field of a node type is read: from the node's own properties, through a
// relation the compiler can follow (vias.ts), as a link with properties of its own, as embedded
// evidence, or by today's resolver (a per-request DataLoader), which then needs these properties.
import type { ViaName } from '#store/read/compile/vias.ts';

export type FieldRule =
  /** Stored properties of the node (a scalar field, or one computed from several). */
  | { kind: 'props'; props: string[] }
  /** Left to the field's resolver, which reads these properties of the parent. */
  | { kind: 'fallback'; props: string[] }
  /** Related nodes (or one node). `needs`: parent properties its fallback resolver reads. */
  | { kind: 'node'; via: ViaName; one?: boolean; needs?: string[] }
  /** A link with properties (Serving, Served, Previous): the related node sits under `nodeField`. */
  | { kind: 'link'; via: ViaName; one?: boolean; nodeField: string; needs?: string[] }
  /** `evidence` of a fact: its offsets and text are the node's own, its section by sectionId. */
  | { kind: 'evidence' };

const EVIDENCE_PROPS = ['sectionId', 'text', 'start', 'end'];
const CHANGE_PROPS = ['value', 'unit', 'baseValue', 'baseUnit'];
export const LINK_EVIDENCE_PROPS = EVIDENCE_PROPS;
export const CHANGE_NEEDS = CHANGE_PROPS;
/** The properties a search hit's snippet may come from, in the order they are tried. */
export const HIGHLIGHT_PROPS = ['name', 'title', 'metric', 'text', 'ownText', 'aliasText'];

const target: Record<string, FieldRule> = {
  evidence: { kind: 'evidence' },
  section: { kind: 'node', via: 'sectionOf', one: true, needs: ['sectionId'] },
  report: { kind: 'node', via: 'reportOf', one: true, needs: ['reportId'] },
  servedBy: { kind: 'link', via: 'servedBy', nodeField: 'project' },
  previous: { kind: 'link', via: 'previous', one: true, nodeField: 'target', needs: CHANGE_PROPS },
};

/** Per node type; a field not listed is a stored property of the same name. */
export const FIELDS: Record<string, Record<string, FieldRule>> = {
  Report: {
    text: { kind: 'props', props: ['fullText'] },
    region: { kind: 'fallback', props: ['regionCode'] },
    sections: { kind: 'node', via: 'reportSections' },
    indicators: { kind: 'fallback', props: [] },
    goals: { kind: 'fallback', props: [] },
    targets: { kind: 'fallback', props: [] },
    projects: { kind: 'fallback', props: [] },
    places: { kind: 'fallback', props: [] },
    enterprises: { kind: 'fallback', props: [] },
  },
  Section: {
    // A section stores its own words (ownText); its whole text is its span of the report's text.
    text: { kind: 'fallback', props: ['reportId', 'start', 'end'] },
    path: { kind: 'props', props: ['path', 'title'] },
    report: { kind: 'node', via: 'reportOf', one: true, needs: ['reportId'] },
    parent: { kind: 'node', via: 'parentSection', one: true, needs: ['parentId'] },
    subsections: { kind: 'node', via: 'subsections' },
    indicators: { kind: 'node', via: 'sectionIndicators' },
    goals: { kind: 'node', via: 'sectionGoals' },
    mentions: { kind: 'fallback', props: [] },
  },
  Indicator: { ...target, metricUnitFamily: { kind: 'props', props: ['metricKey'] } },
  Goal: { ...target, occurrences: { kind: 'fallback', props: ['occurrencesJson'] } },
  Project: {
    report: { kind: 'node', via: 'reportOf', one: true, needs: ['reportId'] },
    serves: { kind: 'link', via: 'serves', nodeField: 'target' },
    places: { kind: 'node', via: 'projectPlaces' },
    enterprises: { kind: 'node', via: 'projectEnterprises' },
    mentions: { kind: 'fallback', props: [] },
  },
  Place: {
    level: { kind: 'props', props: ['type'] },
    parent: { kind: 'node', via: 'placeParent', one: true },
    children: { kind: 'node', via: 'placeChildren' },
    projects: { kind: 'node', via: 'placeProjects' },
    enterprises: { kind: 'node', via: 'placeEnterprises' },
    indicators: { kind: 'fallback', props: [] },
    reports: { kind: 'fallback', props: [] },
    mentions: { kind: 'fallback', props: [] },
  },
  Enterprise: {
    projects: { kind: 'node', via: 'enterpriseProjects' },
    places: { kind: 'node', via: 'enterprisePlaces' },
    reports: { kind: 'fallback', props: [] },
    mentions: { kind: 'fallback', props: [] },
  },
};

import { z } from 'zod';

/** A span of the report's decoded text: [start, end) in UTF-16 code units, like String#slice. */
const Offset = z.number().int().nonnegative();

export const PLACE_TYPES = [
  'province',
  'city',
  'county',
  'town',
  'street',
  'community',
  'village',
  'region',
  'river',
  'lake',
  'park',
  'other',
] as const;
export const PlaceTypeSchema = z.enum(PLACE_TYPES);

export const TARGET_KINDS = ['achievement', 'target', 'long_term_target'] as const;
export const TargetKindSchema = z.enum(TARGET_KINDS);

export const RegionSchema = z.object({
  name: z.string().min(1),
  level: z.enum(['province', 'city', 'county', 'unknown']),
  code: z.string().nullable(),
});

export const ReportSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  region: RegionSchema,
  deliveredOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  meeting: z.string().nullable(),
  speaker: z.string().nullable(),
  speakerTitle: z.string().nullable(),
  reviewYear: z.number().int(),
  planYear: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The decoded text (BOM removed, line endings LF) that every offset points into. */
  text: z.string(),
});

export const SectionSchema = z.object({
  id: z.string().min(1),
  parentId: z.string().nullable(),
  level: z.number().int().min(1).max(4),
  /** 一、 / （一） / 一是 …, or null for lead phrases and unmarked headings. */
  marker: z.string().nullable(),
  title: z.string().min(1),
  /** body: the report itself; appendix: 附件 / 名词解释 after the closing line. */
  part: z.enum(['body', 'appendix']),
  start: Offset,
  end: Offset,
});

export const IndicatorSchema = z.object({
  id: z.string().min(1),
  sectionId: z.string().min(1),
  kind: TargetKindSchema,
  year: z.number().int(),
  period: z
    .string()
    .regex(/^\d{4}-\d{4}$/)
    .optional(),
  metric: z.string().min(1),
  /** The canonical metric (GDP_GROWTH …) from metric-keys.ts; absent when the metric is not in it. */
  metricKey: z.string().optional(),
  value: z.number(),
  unit: z.string().min(1),
  /** value scaled exactly into baseUnit (13.89万亩 → 138900 亩), as a decimal string. */
  baseValue: z.string().regex(/^-?\d+(\.\d+)?$/),
  baseUnit: z.string().min(1),
  qualifier: z.string().nullable(),
  threshold: z.boolean(),
  text: z.string().min(1),
  start: Offset,
  end: Offset,
});

export const GoalSchema = z.object({
  id: z.string().min(1),
  sectionId: z.string().min(1),
  kind: TargetKindSchema,
  year: z.number().int(),
  name: z.string().min(1),
  action: z.string().min(1),
  text: z.string().min(1),
  start: Offset,
  end: Offset,
  occurrences: z.array(z.object({ sectionId: z.string(), action: z.string(), start: Offset, end: Offset })),
});

export const MentionSchema = z.object({ sectionId: z.string().min(1), start: Offset, end: Offset });

const EntityBase = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()),
  mentions: z.array(MentionSchema).min(1),
});
export const ProjectSchema = EntityBase;
export const EnterpriseSchema = EntityBase;
export const PlaceSchema = EntityBase.extend({
  type: PlaceTypeSchema,
  /** Administrative code where the gazetteer knows the place. */
  code: z.string().nullable(),
  parentId: z.string().nullable(),
});

export const RELATIONSHIP_TYPES = ['SERVES', 'LOCATED_IN', 'INVOLVES', 'PART_OF', 'PREVIOUS'] as const;
export const RelationshipTypeSchema = z.enum(RELATIONSHIP_TYPES);

export const EvidenceSchema = z.object({
  sectionId: z.string().nullable(),
  start: Offset,
  end: Offset,
  text: z.string(),
  /** Why the link was made (the rule, and for PREVIOUS why this candidate), where the extractor says. */
  note: z.string().optional(),
});

export const RelationshipSchema = z.object({
  type: RelationshipTypeSchema,
  from: z.string().min(1),
  to: z.string().min(1),
  confidence: z.number().min(0).max(1),
  evidence: EvidenceSchema,
});

export const WarningSchema = z.object({ code: z.string(), message: z.string() });

export const ReportGraphSchema = z.object({
  schemaVersion: z.literal(1),
  report: ReportSchema,
  sections: z.array(SectionSchema),
  indicators: z.array(IndicatorSchema),
  goals: z.array(GoalSchema),
  projects: z.array(ProjectSchema),
  enterprises: z.array(EnterpriseSchema),
  places: z.array(PlaceSchema),
  relationships: z.array(RelationshipSchema),
  warnings: z.array(WarningSchema),
});

export type PlaceType = z.infer<typeof PlaceTypeSchema>;
export type TargetKind = z.infer<typeof TargetKindSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type Goal = z.infer<typeof GoalSchema>;
export type Mention = z.infer<typeof MentionSchema>;
export type Project = z.infer<typeof ProjectSchema>;
export type Enterprise = z.infer<typeof EnterpriseSchema>;
export type Place = z.infer<typeof PlaceSchema>;
export type RelationshipType = z.infer<typeof RelationshipTypeSchema>;
export type Relationship = z.infer<typeof RelationshipSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type ExtractWarning = z.infer<typeof WarningSchema>;
export type ReportGraph = z.infer<typeof ReportGraphSchema>;

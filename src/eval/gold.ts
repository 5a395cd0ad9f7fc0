import { z } from 'zod';

// The hand-annotation format of tests/fixtures/gold/FORMAT.md. Unknown fields are kept: the
// annotators add notes, holders and statuses that scoring does not need.
const Borderline = { borderline: z.boolean().default(false) };

export const GoldSchema = z.object({
  source: z.string().optional(),
  /** The report's title and date line as the annotator saw them: checked against the scored text. */
  document: z.string().optional(),
  scope: z.string().optional(),
  sections: z.array(
    z.looseObject({
      id: z.string(),
      level: z.number(),
      marker: z.string().nullable(),
      title: z.string(),
      parent: z.string().nullable(),
      ...Borderline,
    }),
  ),
  indicators: z.array(
    z.looseObject({
      section: z.string(),
      kind: z.string(),
      year: z.number(),
      metric: z.string(),
      value: z.number(),
      unit: z.string(),
      text: z.string(),
      ...Borderline,
    }),
  ),
  goals: z.array(
    z.looseObject({
      section: z.string(),
      kind: z.string(),
      year: z.number(),
      name: z.string(),
      action: z.string().nullable().optional(),
      text: z.string(),
      ...Borderline,
    }),
  ),
  projects: z.array(
    z.looseObject({
      name: z.string(),
      normalized: z.string().optional(),
      aliases: z.array(z.string()).optional(),
      ...Borderline,
    }),
  ),
  enterprises: z.array(
    z.looseObject({
      name: z.string(),
      normalized: z.string().optional(),
      aliases: z.array(z.string()).optional(),
      ...Borderline,
    }),
  ),
  places: z.array(
    z.looseObject({
      name: z.string(),
      type: z.string().optional(),
      normalized: z.string().optional(),
      aliases: z.array(z.string()).optional(),
      ...Borderline,
    }),
  ),
});

export type Gold = z.infer<typeof GoldSchema>;

import type { Label } from '../model.ts';

// What each label returns to the API: everything but the report's full text, which only
// `Report.text` asks for.
export const PROJECTION: Record<Label, string> = {
  Report:
    '{ .id, .key, .name, .title, .regionName, .regionLevel, .regionCode, .deliveredOn, .meeting, .speaker, .speakerTitle, .reviewYear, .planYear, .sha256, .loadedAt }',
  Section: '{ .* }',
  Indicator: '{ .* }',
  Goal: '{ .* }',
  Project: '{ .* }',
  Place: '{ .* }',
  Enterprise: '{ .* }',
};

/** `n {…}` for a label, as Cypher text (labels come from the model, never from input). */
export const project = (variable: string, label: Label) => `${variable} ${PROJECTION[label]}`;

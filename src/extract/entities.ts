import type { Enterprise, Place, Project, Report } from '#domain/report-graph.ts';
import type { Paragraph } from './paragraphs.ts';
import type { SectionIndex } from './section-index.ts';

export function extractEntities(
  _paragraphs: Paragraph[],
  _text: string,
  _index: SectionIndex,
  _gid: (s: string) => string,
  _region: Report['region'],
): { projects: Project[]; enterprises: Enterprise[]; places: Place[] } {
  return { projects: [], enterprises: [], places: [] };
}

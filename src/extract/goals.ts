import type { Goal } from '#domain/report-graph.ts';
import type { Paragraph } from './paragraphs.ts';
import type { SectionIndex } from './section-index.ts';

export function extractGoals(_paragraphs: Paragraph[], _text: string, _index: SectionIndex, _gid: (s: string) => string): Goal[] {
  return [];
}

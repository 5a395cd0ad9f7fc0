import type { Relationship, ReportGraph } from '#domain/report-graph.ts';
import type { Paragraph } from './paragraphs.ts';

export function linkGraph(_graph: ReportGraph, _paragraphs: Paragraph[]): Relationship[] {
  return [];
}

import type { ReportGraph } from '#domain/report-graph.ts';
import type { GraphCounts } from './counts.ts';
import { REL_TYPES } from './model.ts';
import { regionPlace } from './region-place.ts';

/** The node and relationship counts that loading a ReportGraph must produce. */
export function expectedCounts(graph: ReportGraph): GraphCounts {
  const relationships: Record<string, number> = Object.fromEntries(REL_TYPES.map((t) => [t, 0]));
  relationships.HAS_SECTION = graph.sections.filter((s) => !s.parentId).length;
  relationships.HAS_SUBSECTION = graph.sections.filter((s) => s.parentId).length;
  relationships.STATES = graph.indicators.length + graph.goals.length;
  relationships.MENTIONS = [...graph.projects, ...graph.enterprises, ...graph.places].reduce(
    (n, e) => n + e.mentions.length,
    0,
  );
  // The loader adds the region's PART_OF links (region-place.ts); the region Place itself is
  // shared and counted only where a report mentions it.
  for (const r of regionPlace(graph).relationships) relationships[r.type] = (relationships[r.type] ?? 0) + 1;
  return {
    nodes: {
      Report: 1,
      Section: graph.sections.length,
      Indicator: graph.indicators.length,
      Goal: graph.goals.length,
      Project: graph.projects.length,
      Place: graph.places.length,
      Enterprise: graph.enterprises.length,
    },
    relationships,
  };
}

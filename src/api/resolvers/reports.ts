import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type {
  EnterpriseRow,
  GoalRow,
  IndicatorRow,
  MentionModel,
  PlaceRow,
  ProjectRow,
  ReportRow,
  SectionRow,
  TargetRow,
} from '../models.ts';
import { connection } from './connections.ts';
import { loadNode, reportOfSection, tagged } from './shared.ts';

export const reportResolvers: Resolvers = {
  Report: {
    region: async (r, _, ctx) => {
      if (!r.regionCode) return null;
      return loadNode<PlaceRow>(ctx, 'Place', `place:${String(r.regionCode)}`);
    },
    // The planner reads fullText when `text` is selected; other paths leave it out of rows.
    text: async (r, _, ctx) =>
      typeof r.fullText === 'string' ? r.fullText : ((await ctx.loaders.reportText.load(r.id)) ?? ''),
    sections: async (r, _, ctx) =>
      (await ctx.loaders.relation('reportSections').load(r.id)).map(tagged) as SectionRow[],
    indicators: (r, args, ctx, info) =>
      connection<IndicatorRow>(ctx, 'indicators', 'Indicator', args, { reportId: r.id }, info),
    goals: (r, args, ctx, info) => connection<GoalRow>(ctx, 'goals', 'Goal', args, { reportId: r.id }, info),
    projects: (r, args, ctx, info) =>
      connection<ProjectRow>(ctx, 'projects', 'Project', args, { reportId: r.id }, info),
    places: (r, args, ctx, info) => connection<PlaceRow>(ctx, 'places', 'Place', args, { reportId: r.id }, info),
    enterprises: (r, args, ctx, info) =>
      connection<EnterpriseRow>(ctx, 'enterprises', 'Enterprise', args, { reportId: r.id }, info),
    targets: async (r, { kinds }, ctx) => {
      const wanted = kinds && kinds.length > 0 ? new Set(kinds.map((k) => k.toLowerCase())) : null;
      const [indicators, goals] = await Promise.all([
        connection<IndicatorRow>(
          ctx,
          'indicators',
          'Indicator',
          { first: 100 },
          { reportId: r.id, ...(wanted ? { kind: [...wanted] } : {}) },
        ),
        connection<GoalRow>(
          ctx,
          'goals',
          'Goal',
          { first: 100 },
          { reportId: r.id, ...(wanted ? { kind: [...wanted] } : {}) },
        ),
      ]);
      return ([...indicators.nodes, ...goals.nodes] as TargetRow[]).sort((a, b) => a.start - b.start);
    },
  },
  Section: {
    report: async (s, _, ctx) => (await loadNode<ReportRow>(ctx, 'Report', s.reportId))!,
    parent: (s, _, ctx) => loadNode<SectionRow>(ctx, 'Section', s.parentId ?? null),
    marker: (s) => (s.marker as string | undefined) ?? null,
    path: (s) => s.path ?? s.title,
    // The span of the report's text (one read per report per request): the section with its subsections.
    text: async (s, _, ctx) => ((await ctx.loaders.reportText.load(s.reportId)) ?? '').slice(s.start, s.end),
    subsections: async (s, _, ctx) =>
      (await ctx.loaders.relation('subsections').load(s.id)).map(tagged) as SectionRow[],
    indicators: async (s, _, ctx) =>
      (await ctx.loaders.relation('sectionTargets').load(s.id))
        .filter((r) => r.label === 'Indicator')
        .map(tagged) as IndicatorRow[],
    goals: async (s, _, ctx) =>
      (await ctx.loaders.relation('sectionTargets').load(s.id))
        .filter((r) => r.label === 'Goal')
        .map(tagged) as GoalRow[],
    mentions: async (s, _, ctx) =>
      (await ctx.loaders.relation('sectionMentions').load(s.id)).map((r): MentionModel => ({
        entity: tagged(r),
        sectionId: s.id,
        start: Number(r.rel?.start),
        end: Number(r.rel?.end),
      })),
  },
  Mention: {
    entity: (m) => m.entity,
    section: async (m, _, ctx) => (await loadNode<SectionRow>(ctx, 'Section', m.sectionId))!,
    report: async (m, _, ctx) => (await reportOfSection(ctx, m.sectionId))!,
  },
  Entity: {
    __resolveType: (e) => e.__label as 'Project' | 'Place' | 'Enterprise',
  },
};

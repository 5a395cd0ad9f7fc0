import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type {
  EvidenceModel,
  GoalRow,
  IndicatorRow,
  PreviousModel,
  ProjectRow,
  ReportRow,
  SectionRow,
  ServingModel,
  TargetRow,
} from '../models.ts';
import type { ApiContext } from '../context.ts';
import { atConfidence } from './args.ts';
import { changeBetween, evidenceOfFact, evidenceOfRel, loadNode, reportOfSection, tagged } from './shared.ts';

const kind = (t: TargetRow) => t.kind.toUpperCase() as 'TARGET';

async function servedBy(t: TargetRow, args: unknown, ctx: ApiContext): Promise<ServingModel[]> {
  const name = t.__label === 'Indicator' ? 'indicatorServedBy' : 'goalServedBy';
  return atConfidence(await ctx.loaders.relation(name).load(t.id), args).map((r) => ({
    project: tagged(r) as ProjectRow,
    rel: r.rel ?? {},
  }));
}

async function previous(t: TargetRow, ctx: ApiContext): Promise<PreviousModel | null> {
  const name = t.__label === 'Indicator' ? 'indicatorPrevious' : 'goalPrevious';
  const [first] = await ctx.loaders.relation(name).load(t.id);
  return first ? { from: t, target: tagged(first) as TargetRow, rel: first.rel ?? {} } : null;
}

const common = {
  kind,
  evidence: (t: TargetRow) => evidenceOfFact(t),
  section: async (t: TargetRow, _: unknown, ctx: ApiContext) =>
    (await loadNode<SectionRow>(ctx, 'Section', t.sectionId))!,
  report: async (t: TargetRow, _: unknown, ctx: ApiContext) => (await loadNode<ReportRow>(ctx, 'Report', t.reportId))!,
  servedBy: (t: TargetRow, args: unknown, ctx: ApiContext) => servedBy(t, args, ctx),
  previous: (t: TargetRow, _: unknown, ctx: ApiContext) => previous(t, ctx),
};

export const targetResolvers: Resolvers = {
  Target: { __resolveType: (t) => t.__label as 'Indicator' | 'Goal' },
  Indicator: {
    ...common,
    period: (i: IndicatorRow) => (i.period as string | undefined) ?? null,
    qualifier: (i: IndicatorRow) => (i.qualifier as string | undefined) ?? null,
  },
  Goal: {
    ...common,
    occurrences: (g: GoalRow) =>
      JSON.parse(g.occurrencesJson ?? '[]').map((o: { sectionId: string; start: number; end: number }) => ({
        ...o,
        text: '',
      })) as EvidenceModel[],
  },
  Evidence: {
    section: (e, _, ctx) => loadNode<SectionRow>(ctx, 'Section', e.sectionId),
    report: (e, _, ctx) => reportOfSection(ctx, e.sectionId),
    // Occurrences carry offsets only: their text comes from the report of their section.
    text: async (e, _, ctx) => {
      if (e.text || !e.sectionId) return e.text;
      const section = await loadNode<SectionRow>(ctx, 'Section', e.sectionId);
      return section ? ((await ctx.loaders.reportText.load(section.reportId)) ?? '').slice(e.start, e.end) : '';
    },
  },
  Serving: {
    project: (s) => s.project,
    confidence: (s) => Number(s.rel.confidence ?? 0),
    evidence: (s) => evidenceOfRel(s.rel),
  },
  Previous: {
    target: (p) => p.target,
    confidence: (p) => Number(p.rel.confidence ?? 0),
    evidence: (p) => evidenceOfRel(p.rel),
    change: (p) => changeBetween(p.from, p.target),
  },
};

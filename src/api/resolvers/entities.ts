import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type { ApiContext } from '../context.ts';
import type {
  EnterpriseRow,
  IndicatorRow,
  MentionModel,
  PlaceRow,
  ProjectRow,
  ReportRow,
  Row,
  TargetRow,
} from '../models.ts';
import type { RelationName } from '#store/read/relations.ts';
import { atConfidence } from './args.ts';
import { evidenceOfRel, loadNode, tagged } from './shared.ts';

const related = async <T extends Row>(ctx: ApiContext, name: RelationName, id: string) =>
  (await ctx.loaders.relation(name).load(id)).map(tagged) as T[];

const mentions = async (e: Row, ctx: ApiContext): Promise<MentionModel[]> =>
  (await ctx.loaders.relation('entityMentions').load(e.id)).map((r) => ({
    entity: e,
    sectionId: String(r.node.id),
    start: Number(r.rel?.start),
    end: Number(r.rel?.end),
  }));

// The administrative place types, which are also the level a place stands at.
const ADMIN_LEVELS = new Set(['province', 'city', 'county', 'town', 'street', 'community', 'village']);

export const entityResolvers: Resolvers = {
  Project: {
    aliases: (p) => p.aliases ?? [],
    report: async (p, _, ctx) => (await loadNode<ReportRow>(ctx, 'Report', p.reportId))!,
    serves: async (p, args, ctx) =>
      atConfidence(await ctx.loaders.relation('projectServes').load(p.id), args).map((r) => ({
        target: tagged(r) as TargetRow,
        rel: r.rel ?? {},
      })),
    places: (p, _, ctx) => related<PlaceRow>(ctx, 'projectPlaces', p.id),
    enterprises: (p, _, ctx) => related<EnterpriseRow>(ctx, 'projectEnterprises', p.id),
    mentions: (p, _, ctx) => mentions(p, ctx),
  },
  Served: {
    target: (s) => s.target,
    confidence: (s) => Number(s.rel.confidence ?? 0),
    evidence: (s) => evidenceOfRel(s.rel),
  },
  Place: {
    aliases: (p) => p.aliases ?? [],
    type: (p) => p.type.toUpperCase() as 'CITY',
    code: (p) => p.code ?? null,
    level: (p) => (ADMIN_LEVELS.has(p.type) ? p.type : null),
    parent: async (p, _, ctx) => (await related<PlaceRow>(ctx, 'placeParent', p.id))[0] ?? null,
    children: (p, _, ctx) => related<PlaceRow>(ctx, 'placeChildren', p.id),
    projects: (p, _, ctx) => related<ProjectRow>(ctx, 'placeProjects', p.id),
    enterprises: (p, _, ctx) => related<EnterpriseRow>(ctx, 'placeEnterprises', p.id),
    indicators: async (p, { first }, ctx) =>
      (await related<IndicatorRow>(ctx, 'placeIndicators', p.id)).slice(0, Math.min(100, Math.max(0, first ?? 20))),
    reports: (p, _, ctx) => related<ReportRow>(ctx, 'entityReports', p.id),
    mentions: (p, _, ctx) => mentions(p, ctx),
  },
  Enterprise: {
    aliases: (e) => e.aliases ?? [],
    projects: (e, _, ctx) => related<ProjectRow>(ctx, 'enterpriseProjects', e.id),
    places: (e, _, ctx) => related<PlaceRow>(ctx, 'enterprisePlaces', e.id),
    reports: (e, _, ctx) => related<ReportRow>(ctx, 'entityReports', e.id),
    mentions: (e, _, ctx) => mentions(e, ctx),
  },
};

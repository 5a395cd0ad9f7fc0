import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import type { Label } from '#store/model.ts';
import { labelForId } from '#store/ids.ts';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type {
  EnterpriseRow,
  GoalRow,
  IndicatorRow,
  PlaceRow,
  ProjectRow,
  ReportRow,
  Row,
  SectionRow,
} from '../models.ts';
import type { ApiContext } from '../context.ts';
import { readNodeById } from '../planner/read-root.ts';
import { PLANGRAPH_VERSION } from '../version.ts';
import { Id, parseArgs } from './args.ts';
import { connection } from './connections.ts';
import { loadNode } from './shared.ts';

const ById = z.object({ id: Id });

/** A node by id: the planned statement for it and its subtree, or its DataLoader. */
const byId = <T extends Row>(ctx: ApiContext, info: GraphQLResolveInfo, label: Label, id: string) =>
  ctx.loaders.planner ? (readNodeById(ctx, info, label, id) as Promise<T | null>) : loadNode<T>(ctx, label, id);

export const queryResolvers: Resolvers = {
  Query: {
    version: () => PLANGRAPH_VERSION,
    node: (_, args, ctx, info) => {
      const { id } = parseArgs(ById, args);
      const label = labelForId(id);
      return label ? byId<Row>(ctx, info, label, id) : null;
    },
    report: (_, args, ctx, info) => byId<ReportRow>(ctx, info, 'Report', parseArgs(ById, args).id),
    section: (_, args, ctx, info) => byId<SectionRow>(ctx, info, 'Section', parseArgs(ById, args).id),
    reports: (_, args, ctx, info) => connection<ReportRow>(ctx, 'reports', 'Report', args, {}, info),
    sections: (_, args, ctx, info) => connection<SectionRow>(ctx, 'sections', 'Section', args, {}, info),
    indicators: (_, args, ctx, info) => connection<IndicatorRow>(ctx, 'indicators', 'Indicator', args, {}, info),
    goals: (_, args, ctx, info) => connection<GoalRow>(ctx, 'goals', 'Goal', args, {}, info),
    projects: (_, args, ctx, info) => connection<ProjectRow>(ctx, 'projects', 'Project', args, {}, info),
    places: (_, args, ctx, info) => connection<PlaceRow>(ctx, 'places', 'Place', args, {}, info),
    enterprises: (_, args, ctx, info) => connection<EnterpriseRow>(ctx, 'enterprises', 'Enterprise', args, {}, info),
  },
  Node: {
    __resolveType: (n) => n.__label,
  },
};

import { z } from 'zod';
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
import { PLANGRAPH_VERSION } from '../version.ts';
import { Id, parseArgs } from './args.ts';
import { connection } from './connections.ts';
import { loadNode } from './shared.ts';

const ById = z.object({ id: Id });

export const queryResolvers: Resolvers = {
  Query: {
    version: () => PLANGRAPH_VERSION,
    node: (_, args, ctx) => {
      const { id } = parseArgs(ById, args);
      const label = labelForId(id);
      return label ? loadNode<Row>(ctx, label, id) : null;
    },
    report: (_, args, ctx) => loadNode<ReportRow>(ctx, 'Report', parseArgs(ById, args).id),
    section: (_, args, ctx) => loadNode<SectionRow>(ctx, 'Section', parseArgs(ById, args).id),
    reports: (_, args, ctx) => connection<ReportRow>(ctx, 'reports', 'Report', args),
    sections: (_, args, ctx) => connection<SectionRow>(ctx, 'sections', 'Section', args),
    indicators: (_, args, ctx) => connection<IndicatorRow>(ctx, 'indicators', 'Indicator', args),
    goals: (_, args, ctx) => connection<GoalRow>(ctx, 'goals', 'Goal', args),
    projects: (_, args, ctx) => connection<ProjectRow>(ctx, 'projects', 'Project', args),
    places: (_, args, ctx) => connection<PlaceRow>(ctx, 'places', 'Place', args),
    enterprises: (_, args, ctx) => connection<EnterpriseRow>(ctx, 'enterprises', 'Enterprise', args),
  },
  Node: {
    __resolveType: (n) => n.__label,
  },
};

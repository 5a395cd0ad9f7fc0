// Across reports and regions: the canonical metric dictionary, compare, and targetProgress.
import { z } from 'zod';
import { METRIC_KEYS, baseUnitsOf, metricKeyEntry } from '#domain/metric-keys.ts';
import { AppError } from '#errors/app-error.ts';
import type { Resolvers, UnitFamily } from '../__generated__/resolvers-types.ts';
import type { ReportRow } from '../models.ts';
import { readComparisons, readProgress } from '../planner/read-cross.ts';
import { Id, MAX_PAGE, Text, decodeRowCursor, parseArgs } from './args.ts';
import { loadNode } from './shared.ts';

const familyOf = (key: string | null | undefined): UnitFamily | null => {
  const entry = key ? metricKeyEntry(key) : undefined;
  return entry ? (entry.family.toUpperCase() as UnitFamily) : null;
};

/** A metricKey of the dictionary. @throws AppError BAD_USER_INPUT naming an unknown one. */
function requireMetricKey(key: string): string {
  if (!metricKeyEntry(key))
    throw new AppError(`unknown metricKey ${key}: the metricKeys query lists the dictionary`, 'BAD_USER_INPUT');
  return key;
}

const Year = z.number().int().min(1900).max(2200);
const Kind = z.enum(['TARGET', 'ACHIEVEMENT', 'LONG_TERM_TARGET']);
const CompareArgs = z.object({
  metricKey: Text,
  year: Year,
  kind: Kind.nullish(),
  within: Id.nullish(),
  first: z.number().int().min(1).max(MAX_PAGE, `first may be at most ${MAX_PAGE}`).nullish(),
});
const ProgressArgs = z.object({
  reportId: Id.nullish(),
  where: z
    .object({
      regionName: Text.nullish(),
      within: Id.nullish(),
      year: Year.nullish(),
      metricKey: Text.nullish(),
      change: z.enum(['UP', 'DOWN', 'SAME']).nullish(),
    })
    .nullish(),
  orderBy: z
    .array(
      z.object({
        field: z.enum(['CHANGE', 'CHANGE_RATIO', 'YEAR', 'REGION']),
        direction: z.enum(['ASC', 'DESC']).nullish(),
      }),
    )
    .max(4)
    .nullish(),
  first: z.number().int().min(0).max(MAX_PAGE, `first may be at most ${MAX_PAGE}`).nullish(),
  after: z.string().max(64).nullish(),
});

/** No report states more targets than this: the bound of a per-report targetProgress without `first`. */
const REPORT_TARGETS_MAX = 10_000;

export const crossResolvers: Resolvers = {
  Query: {
    metricKeys: () => METRIC_KEYS.map((e) => ({ key: e.key, description: e.label, unitFamily: familyOf(e.key)! })),
    compare: (_, args, ctx, info) => {
      const a = parseArgs(CompareArgs, args);
      const key = requireMetricKey(a.metricKey);
      return readComparisons(ctx, info, {
        metricKey: key,
        year: a.year,
        kind: (a.kind ?? 'TARGET').toLowerCase() as 'target',
        baseUnits: baseUnitsOf(metricKeyEntry(key)!.family),
        within: a.within ?? null,
        first: a.first ?? 100,
      });
    },
    targetProgress: async (_, args, ctx, info) => {
      const a = parseArgs(ProgressArgs, args);
      const where = { ...(a.where ?? {}), reportId: a.reportId ?? null };
      if (where.metricKey) requireMetricKey(where.metricKey);
      const query = {
        where,
        orderBy: (a.orderBy ?? []).map((o) => ({ field: o.field, direction: o.direction ?? 'ASC' })),
        offset: a.after ? decodeRowCursor(a.after, 'targetProgress') + 1 : 0,
        // One report's targets are bounded by the report; across reports, a page.
        limit: a.first ?? (a.reportId ? REPORT_TARGETS_MAX : 100),
      };
      if (!a.reportId) return readProgress(ctx, info, query);
      // Both reads start at once (one round trip of latency); a missing report is NOT_FOUND.
      const [report, rows] = await Promise.all([
        loadNode<ReportRow>(ctx, 'Report', a.reportId),
        readProgress(ctx, info, query),
      ]);
      if (!report) throw new AppError(`no report with id ${a.reportId}`, 'NOT_FOUND');
      return rows;
    },
  },
  Indicator: {
    metricKey: (i) => (i.metricKey as string | null | undefined) ?? null,
    metricUnitFamily: (i) => familyOf(i.metricKey as string | null | undefined),
  },
};

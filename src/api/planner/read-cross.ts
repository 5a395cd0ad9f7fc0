// compare and targetProgress through the planner: the selection set below each row becomes node
// plans (indicator, report, region, the evidence's section; target and previous), the store runs
// them as one statement, and the rows come back as resolver parents.
import type { FieldNode, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { readCompare, type ComparePlan } from '#store/read/compare.ts';
import { readTargetProgress, type ProgressPlan } from '#store/read/progress.ts';
import type { ApiContext } from '../context.ts';
import type {
  ComparisonModel,
  IndicatorRow,
  PlaceRow,
  ReportRow,
  SectionRow,
  TargetProgressModel,
  TargetRow,
} from '../models.ts';
import { encodeRowCursor } from '../resolvers/args.ts';
import { changeBetween, evidenceOfFact } from '../resolvers/shared.ts';
import { collectSubfields } from './collect-fields.ts';
import { CHANGE_NEEDS, LINK_EVIDENCE_PROPS } from './fields.ts';
import { concreteTypes, planNode, setPre } from './plan-node.ts';
import { planContextOf } from './read-root.ts';

const typeOf = (info: GraphQLResolveInfo, name: string) => info.schema.getType(name) as GraphQLObjectType;

/** The field nodes under each subfield name of a row type (all aliases of one field together). */
function byField(info: GraphQLResolveInfo, rowType: string, nodes: readonly FieldNode[]) {
  const out = new Map<string, FieldNode[]>();
  for (const ns of collectSubfields(planContextOf(info), typeOf(info, rowType), nodes).values()) {
    const name = ns[0]!.name.value;
    out.set(name, [...(out.get(name) ?? []), ...ns]);
  }
  return out;
}

export type CompareQuery = Omit<ComparePlan, 'indicator' | 'report' | 'region' | 'section'>;

/** compare's rows, with everything selected below them, in one statement. */
export async function readComparisons(
  ctx: ApiContext,
  info: GraphQLResolveInfo,
  query: CompareQuery,
): Promise<ComparisonModel[]> {
  const pc = planContextOf(info);
  const fields = byField(info, 'Comparison', info.fieldNodes);
  const evidenceSections = [...collectSubfields(pc, typeOf(info, 'Evidence'), fields.get('evidence') ?? [])].filter(
    ([, ns]) => ns[0]!.name.value === 'section',
  );
  const indicator = planNode(pc, [typeOf(info, 'Indicator')], fields.get('indicator') ?? [], LINK_EVIDENCE_PROPS);
  const report = planNode(pc, [typeOf(info, 'Report')], fields.get('report') ?? [], ['regionName']);
  const region = fields.has('region') ? planNode(pc, [typeOf(info, 'Place')], fields.get('region')!) : null;
  const sectionNodes = evidenceSections.flatMap(([, ns]) => ns);
  const section = sectionNodes.length > 0 ? planNode(pc, [typeOf(info, 'Section')], sectionNodes) : null;
  const rows = await readCompare(ctx.executor, {
    ...query,
    indicator: indicator.plan,
    report: report.plan,
    region: region?.plan ?? null,
    section: section?.plan ?? null,
  });
  return rows.map((r) => {
    const ind = indicator.build(r.indicator) as IndicatorRow;
    const evidence = evidenceOfFact(ind);
    if (section) {
      const built = r.section ? (section.build(r.section) as SectionRow) : null;
      for (const [key] of evidenceSections) setPre(evidence, key, 'section', built);
    }
    return {
      regionName: r.regionName,
      indicator: ind,
      report: report.build(r.report) as ReportRow,
      region: region && r.region ? (region.build(r.region) as PlaceRow) : null,
      evidence,
    };
  });
}

export type ProgressQuery = Omit<ProgressPlan, 'target' | 'previous'>;

/** targetProgress's rows, with everything selected below them, in one statement. */
export async function readProgress(
  ctx: ApiContext,
  info: GraphQLResolveInfo,
  query: ProgressQuery,
): Promise<TargetProgressModel[]> {
  const pc = planContextOf(info);
  const fields = byField(info, 'TargetProgress', info.fieldNodes);
  const targetType = typeOf(info, 'TargetProgress').getFields().target!.type;
  const types = concreteTypes(info.schema, targetType);
  // The change and the period come from both ends' stored values.
  const target = planNode(pc, types, fields.get('target') ?? [], [...CHANGE_NEEDS, 'period']);
  const previous = planNode(pc, types, fields.get('previous') ?? [], CHANGE_NEEDS);
  const rows = await readTargetProgress(ctx.executor, { ...query, target: target.plan, previous: previous.plan });
  return rows.map((r, i) => {
    const t = target.build(r.target) as TargetRow;
    const p = r.previous ? (previous.build(r.previous) as TargetRow) : null;
    return {
      target: t,
      period: (t.period as string | null | undefined) ?? null,
      previous: p,
      change: p ? changeBetween(t, p) : null,
      confidence:
        r.rel && r.rel.confidence !== null && r.rel.confidence !== undefined ? Number(r.rel.confidence) : null,
      cursor: encodeRowCursor('targetProgress', query.offset + i),
    };
  });
}

import type { Label } from '../../model.ts';
import type { NodePlan, PlannedItem, PlannedNode, PlannedRelation, RelationPlan } from './plan.ts';

type Raw = Record<string, unknown>;

/** A projected node map back into a PlannedNode, following the plan that shaped it. */
export function mapNode(raw: Raw, plan: NodePlan): PlannedNode {
  const label = (plan.labels.length === 1 ? plan.labels[0] : raw.__label) as Label;
  const props: Record<string, unknown> = {};
  for (const name of ['id', ...plan.props]) props[name] = raw[name] ?? null;
  return { label, props, relations: mapRelations(raw, plan.relations) };
}

function mapRelations(raw: Raw, plans: readonly RelationPlan[]): Record<string, PlannedRelation> {
  const out: Record<string, PlannedRelation> = {};
  plans.forEach((rel, i) => {
    const value = raw[`_${i}`];
    const list = (rel.one ? (value ? [value] : []) : ((value as Raw[] | null) ?? [])) as Raw[];
    out[rel.key] = list.map((x) => mapItem(x, rel));
  });
  return out;
}

function mapItem(raw: Raw, rel: RelationPlan): PlannedItem {
  const relRaw = (raw._rel as Raw | undefined) ?? null;
  let relProps: Record<string, unknown> | null = null;
  if (relRaw && rel.relProps.length > 0) {
    relProps = {};
    for (const name of rel.relProps) relProps[name] = relRaw[name] ?? null;
  }
  return {
    node: mapNode(raw, rel.target),
    rel: relProps,
    relRelations: relRaw ? mapRelations(relRaw, rel.relRelations) : {},
  };
}

import type { Label } from '../../model.ts';
import type { NodePlan, PlannedItem, PlannedNode, PlannedRelation, RelationPlan } from './plan.ts';

type Raw = Record<string, unknown>;

// The properties a node plan maps, worked out once per plan (plans are cached per query).
const PROPS = new WeakMap<NodePlan, readonly string[]>();

function propsOf(plan: NodePlan): readonly string[] {
  let props = PROPS.get(plan);
  if (!props) PROPS.set(plan, (props = ['id', ...plan.props]));
  return props;
}

// The key of the i-th relation in a projected node, `_0`, `_1`, … (compile-node.ts writes it), built once.
const RELATION_KEYS: string[] = [];
export const relationKey = (i: number) => (RELATION_KEYS[i] ??= `_${i}`);

/** A projected node map back into a PlannedNode, following the plan that shaped it. */
export function mapNode(raw: Raw, plan: NodePlan): PlannedNode {
  const label = (plan.labels.length === 1 ? plan.labels[0] : raw.__label) as Label;
  const props: Record<string, unknown> = {};
  for (const name of propsOf(plan)) props[name] = raw[name] ?? null;
  return { label, props, relations: mapRelations(raw, plan.relations) };
}

function mapRelations(raw: Raw, plans: readonly RelationPlan[]): Record<string, PlannedRelation> {
  const out: Record<string, PlannedRelation> = {};
  for (let i = 0; i < plans.length; i++) {
    const rel = plans[i]!;
    const value = raw[relationKey(i)];
    const list = (rel.one ? (value ? [value] : []) : ((value as Raw[] | null) ?? [])) as Raw[];
    const items: PlannedItem[] = new Array(list.length);
    for (let j = 0; j < list.length; j++) items[j] = mapItem(list[j]!, rel);
    out[rel.key] = items;
  }
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
    relRelations: relRaw && rel.relRelations.length > 0 ? mapRelations(relRaw, rel.relRelations) : {},
  };
}

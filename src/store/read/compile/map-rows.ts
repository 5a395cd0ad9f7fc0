import type { Label } from '../../model.ts';
import type { NodePlan, PlannedItem, PlannedNode, PlannedRelation, RelationPlan } from './plan.ts';

type Raw = Record<string, unknown>;

/** What mapping a node needs of its plan, worked out once per plan (plans are cached per query). */
interface NodeShape {
  props: readonly string[];
  /** The statement's key for each relation: `_0`, `_1`, … (compile-plan.ts). */
  relationKeys: readonly string[];
}

const SHAPES = new WeakMap<NodePlan, NodeShape>();

function shapeOf(plan: NodePlan): NodeShape {
  let shape = SHAPES.get(plan);
  if (!shape) {
    shape = { props: ['id', ...plan.props], relationKeys: plan.relations.map((_, i) => `_${i}`) };
    SHAPES.set(plan, shape);
  }
  return shape;
}

/** A projected node map back into a PlannedNode, following the plan that shaped it. */
export function mapNode(raw: Raw, plan: NodePlan): PlannedNode {
  const label = (plan.labels.length === 1 ? plan.labels[0] : raw.__label) as Label;
  const shape = shapeOf(plan);
  const props: Record<string, unknown> = {};
  for (const name of shape.props) props[name] = raw[name] ?? null;
  return { label, props, relations: mapRelations(raw, plan.relations, shape.relationKeys) };
}

function mapRelations(
  raw: Raw,
  plans: readonly RelationPlan[],
  keys: readonly string[] = plans.map((_, i) => `_${i}`),
): Record<string, PlannedRelation> {
  const out: Record<string, PlannedRelation> = {};
  for (let i = 0; i < plans.length; i++) {
    const rel = plans[i]!;
    const value = raw[keys[i]!];
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

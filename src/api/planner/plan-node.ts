import {
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isLeafType,
  isObjectType,
  print,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { collectSubfields } from './collect-fields.ts';
import { AppError } from '#errors/app-error.ts';
import type { Label } from '#store/model.ts';
import type { NodePlan, PlannedItem, PlannedNode, RelationPlan } from '#store/read/compile/plan.ts';
import type { Prefetched, Row } from '../models.ts';
import { MAX_PAGE } from '../resolvers/args.ts';
import { evidenceOfFact, evidenceOfRel } from '../resolvers/shared.ts';
import { CHANGE_NEEDS, FIELDS, LINK_EVIDENCE_PROPS, type FieldRule } from './fields.ts';

/** What the planner reads a selection set with: the request's schema, fragments and variables. */
export interface PlanContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** A node plan and the function that turns its answer into resolver parents (rows with __pre). */
export interface NodePlanning {
  plan: NodePlan;
  build(node: PlannedNode): Row;
}

type Builder = (row: Row, node: PlannedNode) => void;

/** The object types a field's value can be: itself, or every type of an interface or union. */
export function concreteTypes(schema: GraphQLSchema, type: GraphQLOutputType): readonly GraphQLObjectType[] {
  const named = getNamedType(type);
  if (isObjectType(named)) return [named];
  if (isAbstractType(named)) return schema.getPossibleTypes(named);
  return [];
}

export const setPre = (into: { __pre?: Prefetched }, key: string, field: string, value: unknown) => {
  (into.__pre ??= {})[key] = { field, value };
};

const sub = (pc: PlanContext, type: GraphQLObjectType, nodes: readonly FieldNode[]) =>
  collectSubfields(pc, type, nodes);

// The same response key can come from several fragments; the planner reads it once only when
// every occurrence asks the same arguments, else the resolver answers each (GraphQL's own rule).
const agree = (nodes: readonly FieldNode[]) =>
  nodes.every((n) => (n.arguments ?? []).map(print).join() === (nodes[0]!.arguments ?? []).map(print).join());

/** `first` of a list field, checked like a root list's page size. */
function firstOf(args: Record<string, unknown>): number | undefined {
  const first = args.first;
  if (first === undefined || first === null) return undefined;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > MAX_PAGE)
    throw new AppError(`invalid argument first: first may be 0 to ${MAX_PAGE}`, 'BAD_USER_INPUT');
  return first;
}

function minConfidenceOf(args: Record<string, unknown>): number | undefined {
  const v = args.minConfidence;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !(v >= 0 && v <= 1))
    throw new AppError('invalid argument minConfidence: a confidence from 0 to 1', 'BAD_USER_INPUT');
  return v;
}

const defaultRule = (def: GraphQLField<unknown, unknown>): FieldRule =>
  isLeafType(getNamedType(def.type)) ? { kind: 'props', props: [def.name] } : { kind: 'fallback', props: [] };

const sectionRelation = (key: string, section: NodePlanning): RelationPlan => ({
  key,
  via: 'sectionOf',
  one: true,
  relProps: [],
  relRelations: [],
  target: section.plan,
});

/**
 * Plans the nodes a field returns, from its field nodes, for each type they can be: the stored
 * properties each field needs and the relations the compiler follows. Fields it cannot read in
 * the one statement are left to their resolvers, with the properties those read.
 * @throws AppError BAD_USER_INPUT for a `first` or `minConfidence` out of range.
 */
export function planNode(
  pc: PlanContext,
  types: readonly GraphQLObjectType[],
  fieldNodes: readonly FieldNode[],
  extraProps: readonly string[] = [],
): NodePlanning {
  const first = fieldNodes[0];
  if (!first) return planNodeNow(pc, types, fieldNodes, extraProps);
  const key = `${types.map((t) => t.name).join()}|${extraProps.join()}|${fieldNodes.length}|${variablesKey(pc)}`;
  let bySchema = PLANS.get(pc.schema);
  if (!bySchema) PLANS.set(pc.schema, (bySchema = new WeakMap()));
  let plans = bySchema.get(first);
  if (!plans) bySchema.set(first, (plans = new Map()));
  const hit = plans.get(key);
  if (hit) return hit;
  const planning = planNodeNow(pc, types, fieldNodes, extraProps);
  if (plans.size >= PLANS_PER_FIELD) plans.delete(plans.keys().next().value!);
  plans.set(key, planning);
  return planning;
}

// Plans are pure functions of the schema, the field nodes (the same objects on every request
// while Apollo's document cache holds the document) and the variables, so a repeated query plans
// once. Weak keys let a document's plans go when the document does; a field asked with many
// different variables keeps only its latest few plans.
const PLANS = new WeakMap<GraphQLSchema, WeakMap<FieldNode, Map<string, NodePlanning>>>();
const PLANS_PER_FIELD = 32;
const VARIABLES_KEY = new WeakMap<PlanContext['variables'], string>();
function variablesKey(pc: PlanContext): string {
  let key = VARIABLES_KEY.get(pc.variables);
  if (key === undefined) VARIABLES_KEY.set(pc.variables, (key = JSON.stringify(pc.variables)));
  return key;
}

function planNodeNow(
  pc: PlanContext,
  types: readonly GraphQLObjectType[],
  fieldNodes: readonly FieldNode[],
  extraProps: readonly string[],
): NodePlanning {
  const props = new Set<string>(extraProps);
  const relations = new Map<string, { plan: RelationPlan; json: string }>();
  const accept = (rel: RelationPlan) => {
    const json = JSON.stringify(rel);
    const seen = relations.get(rel.key);
    if (!seen) relations.set(rel.key, { plan: rel, json });
    return !seen || seen.json === json;
  };
  const builders = new Map<string, Builder[]>();
  for (const type of types) {
    const list: Builder[] = [];
    builders.set(type.name, list);
    for (const [key, nodes] of sub(pc, type, fieldNodes)) {
      const def = type.getFields()[nodes[0]!.name.value];
      if (!def) continue; // __typename
      const rule = FIELDS[type.name]?.[def.name] ?? defaultRule(def);
      const fallback = (needs: readonly string[] = []) => needs.forEach((p) => props.add(p));
      if (rule.kind === 'props' || rule.kind === 'fallback') {
        fallback(rule.props);
        continue;
      }
      if (!agree(nodes)) {
        fallback(rule.kind === 'evidence' ? LINK_EVIDENCE_PROPS : rule.needs);
        continue;
      }
      const built = planField(pc, key, def, nodes, rule, props);
      if (built.relations.every(accept)) list.push(built.build);
      else fallback(rule.kind === 'evidence' ? LINK_EVIDENCE_PROPS : rule.needs);
    }
  }
  const plan: NodePlan = {
    labels: types.map((t) => t.name as Label),
    props: [...props].filter((p) => p !== 'id'),
    relations: [...relations.values()].map((r) => r.plan),
  };
  return {
    plan,
    build(node) {
      // The props object is the mapped row's own (map-rows.ts makes one per node): tag it in place.
      const row = Object.assign(node.props, { __label: node.label }) as Row;
      for (const b of builders.get(node.label) ?? []) b(row, node);
      return row;
    },
  };
}

/** One field of kind node, link or evidence: its relations and its builder. */
function planField(
  pc: PlanContext,
  key: string,
  def: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  rule: Exclude<FieldRule, { kind: 'props' | 'fallback' }>,
  props: Set<string>,
): { relations: RelationPlan[]; build: Builder } {
  const args = getArgumentValues(def, nodes[0]!, pc.variables);
  if (rule.kind === 'evidence') {
    LINK_EVIDENCE_PROPS.forEach((p) => props.add(p));
    const sections = planEvidenceSections(pc, key, nodes);
    return {
      relations: sections.map((s) => s.relation),
      build: (row, node) => {
        const evidence = evidenceOfFact(row as never);
        for (const s of sections) setPre(evidence, s.key, 'section', s.build(node.relations[s.relation.key]));
        if (sections.length > 0) setPre(row, key, def.name, evidence);
      },
    };
  }
  const first = firstOf(args);
  const one = rule.one === true;
  if (rule.kind === 'node') {
    const child = planNode(pc, concreteTypes(pc.schema, def.type), nodes);
    const relation: RelationPlan = {
      key,
      via: rule.via,
      one,
      first,
      relProps: [],
      relRelations: [],
      target: child.plan,
    };
    return {
      relations: [relation],
      build: (row, node) => {
        const items = node.relations[key] ?? [];
        setPre(
          row,
          key,
          def.name,
          one ? (items[0] ? child.build(items[0].node) : null) : items.map((i) => child.build(i.node)),
        );
      },
    };
  }
  return planLink(pc, key, def, nodes, rule, props, { first, one, minConfidence: minConfidenceOf(args) });
}

/** The `section` selections under an `evidence` field: one relation (by sectionId) each. */
function planEvidenceSections(pc: PlanContext, key: string, nodes: readonly FieldNode[]) {
  const evidenceType = pc.schema.getType('Evidence') as GraphQLObjectType;
  const sectionType = pc.schema.getType('Section') as GraphQLObjectType;
  return [...sub(pc, evidenceType, nodes)]
    .filter(([, ns]) => ns[0]!.name.value === 'section')
    .map(([sk, ns]) => {
      const section = planNode(pc, [sectionType], ns);
      return {
        key: sk,
        relation: sectionRelation(`${key}.${sk}`, section),
        build: (items: PlannedItem[] | undefined) => (items?.[0] ? section.build(items[0].node) : null),
      };
    });
}

/** Serving, Served, Previous: the related node, the link's confidence and evidence, the change. */
function planLink(
  pc: PlanContext,
  key: string,
  def: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  rule: Extract<FieldRule, { kind: 'link' }>,
  props: Set<string>,
  opts: { first?: number; one: boolean; minConfidence?: number },
): { relations: RelationPlan[]; build: Builder } {
  const linkType = getNamedType(def.type) as GraphQLObjectType;
  const nodeFields: FieldNode[] = [];
  const relProps = new Set<string>();
  const evidences: { key: string; sections: ReturnType<typeof planEvidenceSections> }[] = [];
  let change = false;
  for (const [k, ns] of sub(pc, linkType, nodes)) {
    const name = ns[0]!.name.value;
    if (name === rule.nodeField) nodeFields.push(...ns);
    else if (name === 'confidence') relProps.add('confidence');
    else if (name === 'change') change = true;
    else if (name === 'evidence') {
      LINK_EVIDENCE_PROPS.forEach((p) => relProps.add(p));
      evidences.push({ key: k, sections: planEvidenceSections(pc, k, ns) });
    }
  }
  if (change) CHANGE_NEEDS.forEach((p) => props.add(p));
  const nodeDef = linkType.getFields()[rule.nodeField]!;
  const child = planNode(pc, concreteTypes(pc.schema, nodeDef.type), nodeFields, change ? CHANGE_NEEDS : []);
  const relation: RelationPlan = {
    key,
    via: rule.via,
    one: opts.one,
    first: opts.first,
    minConfidence: opts.minConfidence,
    relProps: [...relProps],
    relRelations: evidences.flatMap((e) => e.sections.map((s) => s.relation)),
    target: child.plan,
  };
  const toModel = (row: Row, item: PlannedItem) => {
    const rel = item.rel ?? {};
    const model: Record<string, unknown> & { __pre?: Prefetched } = { [rule.nodeField]: child.build(item.node), rel };
    if (linkType.name === 'Previous') model.from = row;
    for (const e of evidences) {
      if (e.sections.length === 0) continue;
      const evidence = evidenceOfRel(rel);
      for (const s of e.sections) setPre(evidence, s.key, 'section', s.build(item.relRelations[s.relation.key]));
      setPre(model, e.key, 'evidence', evidence);
    }
    return model;
  };
  return {
    relations: [relation],
    build: (row, node) => {
      const items = node.relations[key] ?? [];
      setPre(
        row,
        key,
        def.name,
        opts.one ? (items[0] ? toModel(row, items[0]) : null) : items.map((i) => toModel(row, i)),
      );
    },
  };
}

import type { NodePlan, RelationPlan } from './plan.ts';
import { relationKey } from './map-rows.ts';
import { VIAS, type Via } from './vias.ts';

/** Fresh variable names and parameters for one statement. */
export class Scope {
  readonly params: Record<string, unknown> = {};
  private vars = 0;
  private values = 0;
  fresh(prefix: string): string {
    this.vars += 1;
    return `${prefix}${this.vars}`;
  }
  param(value: unknown): string {
    const name = `p${this.values++}`;
    this.params[name] = value;
    return `$${name}`;
  }
}

// Property names come from the planner's field table, never from a request; this keeps any
// name that is not a plain identifier out of the statement all the same.
const PROPERTY = /^[A-Za-z][A-Za-z0-9]*$/;
const propertyEntries = (names: readonly string[]) =>
  names.map((name) => {
    if (!PROPERTY.test(name)) throw new Error(`not a property name: ${name}`);
    return `.${name}`;
  });

/** The map projection of a node: the asked-for properties and one entry (`_0`, `_1` …) per relation. */
export function projectNode(v: string, plan: NodePlan, scope: Scope, extra: string[] = []): string {
  const entries = propertyEntries([...new Set(['id', ...plan.props])]);
  if (plan.labels.length > 1)
    entries.push(`__label: head([l IN labels(${v}) WHERE l IN ${JSON.stringify(plan.labels)}])`);
  plan.relations.forEach((rel, i) => entries.push(`${relationKey(i)}: ${compileRelation(v, rel, scope)}`));
  entries.push(...extra);
  return `${v} { ${entries.join(', ')} }`;
}

/** A relation as a COLLECT subquery (or the head of one), ordered and limited inside it. */
export function compileRelation(p: string, rel: RelationPlan, scope: Scope): string {
  const via: Via = VIAS[rel.via];
  const c = scope.fresh('c');
  const r = scope.fresh('r');
  const limit = rel.one ? 1 : rel.first;
  const filter = rel.minConfidence !== undefined ? ` WHERE ${r}.confidence >= ${scope.param(rel.minConfidence)}` : '';
  const order = via.order(c, r);
  const withRel = rel.relProps.length > 0 || rel.relRelations.length > 0;
  if (via.distinct && withRel) throw new Error(`${rel.via} keeps nodes, not links: no relationship properties`);
  const relEntries = [
    ...propertyEntries(rel.relProps),
    ...rel.relRelations.map((sub, i) => `${relationKey(i)}: ${compileRelation(r, sub, scope)}`),
  ];
  const extra = withRel ? [`_rel: ${r} { ${relEntries.join(', ')} }`] : [];
  const tail = [
    order.length > 0 ? `ORDER BY ${order.join(', ')}` : '',
    limit !== undefined ? `LIMIT ${scope.param(limit)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const pattern = via.pattern(p, c, r);
  // The relationship is carried only when something reads it.
  const readsRel = withRel || filter !== '' || order.some((o) => o.startsWith(`${r}.`));
  const carry = via.distinct ? `DISTINCT ${c}` : readsRel ? `${c}, ${r}` : c;
  const body = `MATCH ${pattern}${filter} WITH ${carry}${tail ? ` ${tail}` : ''} RETURN ${projectNode(c, rel.target, scope, extra)}`;
  return rel.one ? `head(COLLECT { ${body} })` : `COLLECT { ${body} }`;
}

import type { Label } from '#store/model.ts';
import type { Related } from '#store/read/relations.ts';
import type { ApiContext } from '../context.ts';
import {
  tag,
  type ChangeModel,
  type EvidenceModel,
  type ReportRow,
  type Row,
  type SectionRow,
  type TargetRow,
} from '../models.ts';

export const evidenceOfFact = (p: { sectionId: string; text: string; start: number; end: number }): EvidenceModel => ({
  sectionId: p.sectionId,
  text: p.text,
  start: p.start,
  end: p.end,
});

export const evidenceOfRel = (rel: Record<string, unknown>): EvidenceModel => ({
  sectionId: (rel.sectionId as string | undefined) ?? null,
  text: String(rel.text ?? ''),
  start: Number(rel.start ?? 0),
  end: Number(rel.end ?? 0),
});

export const tagged = (r: Related) => tag<Row>(r.label, r.node);

/** Loads a node by id through its label's loader, or null. */
export async function loadNode<T extends Row>(
  ctx: ApiContext,
  label: Label,
  id: string | null | undefined,
): Promise<T | null> {
  return id ? ((await ctx.loaders.nodes[label].load(id)) as T | null) : null;
}

/** The report of a section (by the section's reportId), or null when there is no such section. */
export async function reportOfSection(ctx: ApiContext, sectionId: string | null): Promise<ReportRow | null> {
  const section = await loadNode<SectionRow>(ctx, 'Section', sectionId);
  return section ? loadNode<ReportRow>(ctx, 'Report', section.reportId) : null;
}

/**
 * target − previous for two indicators. In the written unit when both use it (10万亩 vs
 * 13.89万亩 → −3.89 万亩; for % in percentage points), else in the base unit.
 */
export function changeBetween(target: TargetRow, previous: TargetRow): ChangeModel | null {
  if (target.__label !== 'Indicator' || previous.__label !== 'Indicator') return null;
  const t = target as TargetRow & { value: number; unit: string; baseValue: string; baseUnit: string };
  const p = previous as typeof t;
  if (t.baseUnit !== p.baseUnit) return null;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const same = t.unit === p.unit;
  const tv = same ? t.value : Number(t.baseValue);
  const pv = same ? p.value : Number(p.baseValue);
  const unit = same ? (t.unit === '%' ? '个百分点' : t.unit) : t.baseUnit;
  return { absolute: round(tv - pv), ratio: pv === 0 ? null : round(tv / pv), unit };
}

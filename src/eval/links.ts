import { z } from 'zod';
import type { ReportGraph } from '#domain/report-graph.ts';
import type { Gold } from './gold.ts';
import { entityMatches, goalMatches, goldScope, indicatorMatches } from './score.ts';

// The links annotation of ../shared/gold/FORMAT.md ("Links"): SERVES and PREVIOUS over the
// entity gold, indicators and goals by their gold id, projects by their gold name.
const Ref = z.object({ type: z.enum(['indicator', 'goal']), id: z.string().min(1) });
export const LinksGoldSchema = z.looseObject({
  report: z.string().optional(),
  conventions: z.unknown().optional(),
  serves: z.array(z.looseObject({ project: z.string().min(1), target: Ref, borderline: z.boolean().default(false) })),
  previous: z.array(z.looseObject({ from: Ref, to: Ref, borderline: z.boolean().default(false) })),
});
export type LinksGold = z.infer<typeof LinksGoldSchema>;

export interface LinkScore {
  /** Strict gold links. */
  gold: number;
  /** Extracted links scored (those with an end in the gold's parts). */
  extracted: number;
  /** Extracted links that match a strict gold link. */
  right: number;
  /** Extracted links that match no gold link, or have an end that resolves to no gold item. */
  wrong: number;
  /** Extracted links that match only a borderline gold link: neither right nor wrong. */
  neutral: number;
  /** Strict gold links found. */
  found: number;
  precision: number;
  recall: number;
  f1: number;
  missed: string[];
  spurious: string[];
}

export interface LinkScores {
  serves: LinkScore;
  /** SERVES with only the links at or above each confidence. */
  servesAt: { minConfidence: number; score: LinkScore }[];
  previous: LinkScore;
}

/** The confidence floors SERVES is also scored at. */
export const SERVES_FLOORS = [0.5, 0.7, 0.9] as const;

type Resolved = { keys: string[]; label: string };

function tally(
  links: Resolved[][],
  goldLinks: { key: string; borderline: boolean; label: string }[],
  labels: string[],
): LinkScore {
  const strict = new Map(goldLinks.filter((g) => !g.borderline).map((g) => [g.key, g]));
  const borderline = new Set(goldLinks.filter((g) => g.borderline).map((g) => g.key));
  const found = new Set<string>();
  let right = 0;
  let wrong = 0;
  let neutral = 0;
  const spurious: string[] = [];
  links.forEach(([from, to], i) => {
    const pairs = from!.keys.flatMap((f) => to!.keys.map((t) => `${f}→${t}`));
    const unresolved = [from!, to!].filter((r) => r.keys.length === 0).map((r) => r.label);
    const hits = pairs.filter((k) => strict.has(k));
    if (hits.length > 0) {
      right++;
      for (const k of hits) found.add(k);
    } else if (pairs.some((k) => borderline.has(k))) neutral++;
    else {
      wrong++;
      spurious.push(unresolved.length ? `${labels[i]} [no gold item: ${unresolved.join(', ')}]` : labels[i]!);
    }
  });
  const precision = right + wrong === 0 ? (strict.size === 0 ? 1 : 0) : right / (right + wrong);
  const recall = strict.size === 0 ? 1 : found.size / strict.size;
  return {
    gold: strict.size,
    extracted: links.length,
    right,
    wrong,
    neutral,
    found: found.size,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    missed: [...strict.values()].filter((g) => !found.has(g.key)).map((g) => g.label),
    spurious,
  };
}

/**
 * Scores an extraction's SERVES and PREVIOUS links against a links annotation, as FORMAT.md
 * ("Links") defines: each end of an extracted link is resolved to the gold items it matches (the
 * entity, indicator and goal matching of scoreExtraction); the link is right when some resolved
 * pair is a strict gold link, neither right nor wrong when it is only a borderline one, and wrong
 * otherwise, also when an end resolves to no gold item. Recall counts strict gold links only.
 * Links whose ends lie outside the gold's parts are not scored.
 */
export function scoreLinks(graph: ReportGraph, gold: Gold, links: LinksGold): LinkScores {
  const text = graph.report.text;
  const inScope = goldScope(graph, gold);
  const idOf = (g: unknown) => (g as { id?: unknown }).id;
  const goldIndicators = gold.indicators.filter((g) => typeof idOf(g) === 'string');
  const goldGoals = gold.goals.filter((g) => typeof idOf(g) === 'string');
  const indicators = new Map(graph.indicators.map((i) => [i.id, i]));
  const goals = new Map(graph.goals.map((g) => [g.id, g]));
  const projects = new Map(graph.projects.map((p) => [p.id, p]));

  const resolveTarget = (id: string): (Resolved & { at: number }) | null => {
    const i = indicators.get(id);
    if (i) {
      const keys = goldIndicators.filter((g) => indicatorMatches(text, g, i)).map((g) => `indicator:${idOf(g)}`);
      return { keys, label: `${i.year} ${i.metric} ${i.value}${i.unit}`, at: i.start };
    }
    const g = goals.get(id);
    if (g) {
      const keys = goldGoals.filter((x) => goalMatches(x, g)).map((x) => `goal:${idOf(x)}`);
      return { keys, label: `${g.year} ${g.name}`, at: g.start };
    }
    return null;
  };
  const resolveProject = (id: string): Resolved | null => {
    const p = projects.get(id);
    if (!p) return null;
    const keys = gold.projects.filter((g) => entityMatches(g, p)).map((g) => `project:${g.name}`);
    return { keys, label: p.name };
  };

  const serves: { r: Resolved[]; label: string; confidence: number }[] = [];
  const previous: { r: Resolved[]; label: string }[] = [];
  for (const rel of graph.relationships) {
    if (rel.type === 'SERVES') {
      const from = resolveProject(rel.from);
      const to = resolveTarget(rel.to);
      if (!from || !to || !inScope(to.at)) continue;
      serves.push({
        r: [from, to],
        label: `${from.label} → ${to.label} (${rel.confidence})`,
        confidence: rel.confidence,
      });
    } else if (rel.type === 'PREVIOUS') {
      const from = resolveTarget(rel.from);
      const to = resolveTarget(rel.to);
      if (!from || !to || !inScope(from.at)) continue;
      previous.push({ r: [from, to], label: `${from.label} → ${to.label}` });
    }
  }
  const goldServes = links.serves.map((s) => ({
    key: `project:${s.project}→${s.target.type}:${s.target.id}`,
    borderline: s.borderline,
    label: `${s.project} → ${s.target.id}`,
  }));
  const goldPrevious = links.previous.map((p) => ({
    key: `${p.from.type}:${p.from.id}→${p.to.type}:${p.to.id}`,
    borderline: p.borderline,
    label: `${p.from.id} → ${p.to.id}`,
  }));
  const scoreServes = (list: typeof serves) =>
    tally(
      list.map((s) => s.r),
      goldServes,
      list.map((s) => s.label),
    );
  return {
    serves: scoreServes(serves),
    servesAt: SERVES_FLOORS.map((minConfidence) => ({
      minConfidence,
      score: scoreServes(serves.filter((s) => s.confidence >= minConfidence)),
    })),
    previous: tally(
      previous.map((p) => p.r),
      goldPrevious,
      previous.map((p) => p.label),
    ),
  };
}

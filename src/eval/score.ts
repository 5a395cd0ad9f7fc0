import type { ReportGraph } from '#domain/report-graph.ts';
import { splitUnit } from '#extract/units.ts';
import { shiftDecimal, canonicalDecimal } from '#extract/numbers.ts';
import type { Gold } from './gold.ts';

export interface CategoryScore {
  gold: number;
  extracted: number;
  /** Gold items (not borderline) found. */
  found: number;
  /** Extracted items that match some gold item, borderline included. */
  correct: number;
  precision: number;
  recall: number;
  f1: number;
  missed: string[];
  spurious: string[];
}

export const CATEGORIES = ['sections', 'indicators', 'goals', 'projects', 'enterprises', 'places'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Scores = Record<Category, CategoryScore>;

const stripQuotes = (s: string) => s.replace(/[“”"‘’]/g, '');
const stripTitle = (s: string) =>
  s
    .replace(/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+是|——)/, '')
    .replace(/[。．.！!；;，,：:\s]+$/, '')
    .trim();

function score<G, E>(
  gold: G[],
  extracted: E[],
  isBorderline: (g: G) => boolean,
  matches: (g: G, e: E) => boolean,
  label: { g: (g: G) => string; e: (e: E) => string },
): CategoryScore {
  // Strict items claim their match first, so a borderline item cannot steal it.
  const order = gold.map((g, i) => ({ g, i })).sort((a, b) => Number(isBorderline(a.g)) - Number(isBorderline(b.g)));
  const used = new Set<number>();
  const matchedGold = new Set<number>();
  for (const { g, i } of order) {
    const j = extracted.findIndex((e, k) => !used.has(k) && matches(g, e));
    if (j >= 0) {
      used.add(j);
      matchedGold.add(i);
    }
  }
  // Lenient precision: an extracted item that matches any gold item (even one already matched) is not spurious.
  const correct = extracted.filter((e, k) => used.has(k) || gold.some((g) => matches(g, e))).length;
  const strict = gold.filter((g) => !isBorderline(g));
  const found = gold.filter((g, i) => !isBorderline(g) && matchedGold.has(i)).length;
  const precision = extracted.length === 0 ? (strict.length === 0 ? 1 : 0) : correct / extracted.length;
  const recall = strict.length === 0 ? 1 : found / strict.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    gold: strict.length,
    extracted: extracted.length,
    found,
    correct,
    precision,
    recall,
    f1,
    missed: gold.filter((g, i) => !isBorderline(g) && !matchedGold.has(i)).map(label.g),
    spurious: extracted.filter((e, k) => !used.has(k) && !gold.some((g) => matches(g, e))).map(label.e),
  };
}

function baseOf(value: number, unit: string): string {
  const { power, base } = splitUnit(unit);
  return `${shiftDecimal(canonicalDecimal(String(value)), power)} ${base}`;
}

/** Offsets where a gold text occurs in the report (all of them: a phrase may repeat). */
function occurrences(text: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) at.push(i);
  return at;
}

/** Entity match: the extracted name is the gold name, its normalized form or an alias (quotes ignored). */
export function entityMatches(
  g: { name: string; normalized?: string; aliases?: string[] },
  e: { name: string },
): boolean {
  return [g.name, g.normalized, ...(g.aliases ?? [])]
    .filter((x): x is string => !!x)
    .map(stripQuotes)
    .includes(stripQuotes(e.name));
}

/** Indicator match: kind, year, value and unit (or base value), and evidence overlapping the gold text in `text`. */
export function indicatorMatches(
  text: string,
  g: Gold['indicators'][number],
  e: ReportGraph['indicators'][number],
): boolean {
  return (
    g.kind === e.kind &&
    g.year === e.year &&
    (g.unit === e.unit ? g.value === e.value : baseOf(g.value, g.unit) === `${e.baseValue} ${e.baseUnit}`) &&
    occurrences(text, g.text).some((at) => at < e.end && e.start < at + g.text.length)
  );
}

/** Goal match: kind and year, and one name contains the other (quotes ignored). */
export function goalMatches(g: Gold['goals'][number], e: ReportGraph['goals'][number]): boolean {
  return (
    g.kind === e.kind &&
    g.year === e.year &&
    (stripQuotes(g.name).includes(stripQuotes(e.name)) || stripQuotes(e.name).includes(stripQuotes(g.name)))
  );
}

/** A test of whether a text offset lies in the parts the gold annotates (its level-1 sections). */
export function goldScope(graph: ReportGraph, gold: Gold): (offset: number) => boolean {
  const goldParts = new Set(gold.sections.filter((s) => s.level === 1).map((s) => stripTitle(s.title)));
  const parts = graph.sections.filter((s) => s.level === 1 && goldParts.has(stripTitle(s.title)));
  return (offset) => parts.some((p) => p.start <= offset && offset < p.end);
}

/**
 * Scores an extraction against a gold annotation as ../shared/gold/FORMAT.md defines: strict
 * recall (borderline gold items not required), lenient precision (extracting a borderline item
 * is not an error). Only the parts the gold covers are scored: its level-1 sections.
 */
export function scoreExtraction(graph: ReportGraph, gold: Gold): Scores {
  const text = graph.report.text;
  const inScope = goldScope(graph, gold);
  const mentionedInScope = (e: { mentions: { start: number }[] }) => e.mentions.some((m) => inScope(m.start));
  const entityMatch = entityMatches;
  const names = { g: (g: { name: string }) => g.name, e: (e: { name: string }) => e.name };

  const sections = graph.sections.filter((s) => s.part === 'body' && inScope(s.start));
  const indicators = graph.indicators.filter((i) => inScope(i.start));
  const goals = graph.goals.filter((g) => inScope(g.start));
  return {
    sections: score(
      gold.sections,
      sections,
      () => false,
      (g, e) => g.level === e.level && stripTitle(g.title) === stripTitle(e.title),
      {
        g: (g) => `${g.level} ${g.title}`,
        e: (e) => `${e.level} ${e.title}`,
      },
    ),
    indicators: score(
      gold.indicators,
      indicators,
      (g) => g.borderline,
      (g, e) => indicatorMatches(text, g, e),
      { g: (g) => `${g.value}${g.unit} ${g.text}`, e: (e) => `${e.value}${e.unit} ${e.metric} | ${e.text}` },
    ),
    goals: score(gold.goals, goals, (g) => g.borderline, goalMatches, {
      g: (g) => g.name,
      e: (e) => `${e.action}|${e.name}`,
    }),
    projects: score(gold.projects, graph.projects.filter(mentionedInScope), (g) => g.borderline, entityMatch, names),
    enterprises: score(
      gold.enterprises,
      graph.enterprises.filter(mentionedInScope),
      (g) => g.borderline,
      entityMatch,
      names,
    ),
    places: score(gold.places, graph.places.filter(mentionedInScope), (g) => g.borderline, entityMatch, names),
  };
}

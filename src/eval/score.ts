import type { ReportGraph } from '#domain/report-graph.ts';
import { splitUnit } from '#extract/quantities/units.ts';
import { shiftDecimal, canonicalDecimal } from '#extract/quantities/numbers.ts';
import type { Gold } from './gold.ts';

export interface CategoryScore {
  /** Strict gold items (`borderline: false`): what recall counts. */
  gold: number;
  extracted: number;
  /** Strict gold items found. */
  found: number;
  /** Extracted items that match a strict gold item: right. */
  correct: number;
  /** Extracted items that match only a borderline gold item: left out of precision. */
  neutral: number;
  /** Extracted items that match no gold item: wrong. */
  wrong: number;
  /** right / (right + wrong); 1 when nothing is counted and nothing was required. */
  precision: number;
  recall: number;
  f1: number;
  missed: string[];
  spurious: string[];
}

export const CATEGORIES = ['sections', 'indicators', 'goals', 'projects', 'enterprises', 'places'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Scores = Record<Category, CategoryScore>;

/** The scoring rule in one line, printed beside the numbers (FORMAT.md, "How an extraction is scored"). */
export const LENIENT_NOTE =
  'precision is lenient: an extracted item that matches a borderline gold item is left out (neither right nor wrong); ' +
  'precision = right / (right + wrong); recall counts strict gold items only';

const stripQuotes = (s: string) => s.replace(/[“”"‘’]/g, '');
const stripTitle = (s: string) =>
  s
    .replace(/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+是|——)/, '')
    .replace(/[。．.！!；;，,：:\s]+$/, '')
    .trim();

/**
 * Scores one category: each gold item matches at most one extracted item, strict gold items
 * first. An extracted item is right when it is matched to a strict gold item (or matches one that
 * another extracted item already took: a duplicate of something right is not an error), neutral
 * when it matches only borderline gold items, and wrong when it matches none.
 */
export function scoreCategory<G, E>(
  gold: G[],
  extracted: E[],
  isBorderline: (g: G) => boolean,
  matches: (g: G, e: E) => boolean,
  label: { g: (g: G) => string; e: (e: E) => string },
): CategoryScore {
  const order = gold.map((g, i) => ({ g, i })).sort((a, b) => Number(isBorderline(a.g)) - Number(isBorderline(b.g)));
  const assigned = new Map<number, number>(); // extracted index → gold index
  const matchedGold = new Set<number>();
  for (const { g, i } of order) {
    const j = extracted.findIndex((e, k) => !assigned.has(k) && matches(g, e));
    if (j >= 0) {
      assigned.set(j, i);
      matchedGold.add(i);
    }
  }
  let correct = 0;
  let neutral = 0;
  const spurious: string[] = [];
  extracted.forEach((e, k) => {
    const own = assigned.get(k);
    if (own !== undefined) {
      if (isBorderline(gold[own]!)) neutral++;
      else correct++;
      return;
    }
    const hits = gold.filter((g) => matches(g, e));
    if (hits.some((g) => !isBorderline(g))) correct++;
    else if (hits.length > 0) neutral++;
    else spurious.push(label.e(e));
  });
  const wrong = spurious.length;
  const strict = gold.filter((g) => !isBorderline(g));
  const found = gold.filter((g, i) => !isBorderline(g) && matchedGold.has(i)).length;
  const counted = correct + wrong;
  const precision = counted === 0 ? (strict.length === 0 ? 1 : 0) : correct / counted;
  const recall = strict.length === 0 ? 1 : found / strict.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    gold: strict.length,
    extracted: extracted.length,
    found,
    correct,
    neutral,
    wrong,
    precision,
    recall,
    f1,
    missed: gold.filter((g, i) => !isBorderline(g) && !matchedGold.has(i)).map(label.g),
    spurious,
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

type GoldEntity = { name: string; normalized?: string; aliases?: string[] };

/** Entity match (FORMAT.md): the extracted name is the gold name, its normalized form or an alias, quotes ignored. */
export function entityMatches(g: GoldEntity, e: { name: string }): boolean {
  return [g.name, g.normalized, ...(g.aliases ?? [])]
    .filter((x): x is string => !!x)
    .map(stripQuotes)
    .includes(stripQuotes(e.name));
}

/** Indicator match (FORMAT.md): value and unit (or base value), kind and year, and overlapping evidence. */
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

/** Goal match (FORMAT.md): kind and year, and one name contains the other. */
export function goalMatches(g: Gold['goals'][number], e: ReportGraph['goals'][number]): boolean {
  return (
    g.kind === e.kind &&
    g.year === e.year &&
    (stripQuotes(g.name).includes(stripQuotes(e.name)) || stripQuotes(e.name).includes(stripQuotes(g.name)))
  );
}

/** Section match (FORMAT.md): same level and title once markers and trailing punctuation are stripped. */
export function sectionMatches(g: { level: number; title: string }, e: { level: number; title: string }): boolean {
  return g.level === e.level && stripTitle(g.title) === stripTitle(e.title);
}

/** A test of whether a text offset lies in the parts the gold annotates (its level-1 sections). */
export function goldScope(graph: ReportGraph, gold: Gold): (offset: number) => boolean {
  const goldParts = new Set(gold.sections.filter((s) => s.level === 1).map((s) => stripTitle(s.title)));
  const parts = graph.sections.filter((s) => s.level === 1 && goldParts.has(stripTitle(s.title)));
  return (offset) => parts.some((p) => p.start <= offset && offset < p.end);
}

/**
 * Scores an extraction against a gold annotation as ../shared/gold/FORMAT.md defines: strict
 * recall (borderline gold items not required) and lenient precision (an extracted item that
 * matches a borderline gold item is neither right nor wrong). Only the parts the gold covers are
 * scored: its level-1 sections.
 */
export function scoreExtraction(graph: ReportGraph, gold: Gold): Scores {
  const text = graph.report.text;
  const inScope = goldScope(graph, gold);
  const mentionedInScope = (e: { mentions: { start: number }[] }) => e.mentions.some((m) => inScope(m.start));
  const names = { g: (g: { name: string }) => g.name, e: (e: { name: string }) => e.name };
  const borderline = (g: { borderline?: boolean }) => g.borderline === true;

  const sections = graph.sections.filter((s) => s.part === 'body' && inScope(s.start));
  const indicators = graph.indicators.filter((i) => inScope(i.start));
  const goals = graph.goals.filter((g) => inScope(g.start));
  return {
    sections: scoreCategory(gold.sections, sections, borderline, sectionMatches, {
      g: (g) => `${g.level} ${g.title}`,
      e: (e) => `${e.level} ${e.title}`,
    }),
    indicators: scoreCategory(gold.indicators, indicators, borderline, (g, e) => indicatorMatches(text, g, e), {
      g: (g) => `${g.value}${g.unit} ${g.text}`,
      e: (e) => `${e.value}${e.unit} ${e.metric} | ${e.text}`,
    }),
    goals: scoreCategory(gold.goals, goals, borderline, goalMatches, {
      g: (g) => g.name,
      e: (e) => `${e.action}|${e.name}`,
    }),
    projects: scoreCategory(gold.projects, graph.projects.filter(mentionedInScope), borderline, entityMatches, names),
    enterprises: scoreCategory(
      gold.enterprises,
      graph.enterprises.filter(mentionedInScope),
      borderline,
      entityMatches,
      names,
    ),
    places: scoreCategory(gold.places, graph.places.filter(mentionedInScope), borderline, entityMatches, names),
  };
}

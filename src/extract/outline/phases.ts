import type { TargetKind } from '#domain/report-graph.ts';

/** What a part of the report talks about, which decides the kind and year of its figures. */
export type Phase = 'review' | 'long_term' | 'plan' | 'mixed_review_long_term';

const PLAN_ORDINAL: Record<string, number> = { 十一: 11, 十二: 12, 十三: 13, 十四: 14, 十五: 15, 十六: 16, 十七: 17 };

/** The last year of a five-year plan: 十四五 → 2025, 十五五 → 2030 (the 13th ran 2016–2020). */
export function fiveYearPlanEnd(name: string): number | null {
  const m = /(十[一二三四五六七])五/.exec(name);
  return m ? 1955 + 5 * PLAN_ORDINAL[m[1]!]! : null;
}

const ORDINAL_NAMES = Object.fromEntries(Object.entries(PLAN_ORDINAL).map(([k, v]) => [v, k]));

/** The five-year plan that covers a year, as written: 2023 → 十四五, 2026 → 十五五. */
export function planNameFor(year: number): string | null {
  const ordinal = Math.ceil((year - 1955) / 5);
  const name = ORDINAL_NAMES[ordinal];
  return name ? `${name}五` : null;
}

/** Classifies a part (level-1 section) by its title. */
export function classifyPart(title: string): Phase {
  const review = /回顾|成就|过去|主要工作和|工作总结/.test(title);
  // “十五五”时期主要目标任务, …时期工作总体要求和目标任务, 第十五个五年规划纲要.
  const longTerm = /十[一二三四五六七]五[^，。；]{0,14}(目标|任务|规划|要求)|规划纲要|五年规划/.test(title);
  if (review && longTerm) return 'mixed_review_long_term';
  if (review) return 'review';
  if (longTerm) return 'long_term';
  return 'plan';
}

export interface YearContext {
  reviewYear: number;
  planYear: number;
}

export interface KindYear {
  kind: TargetKind;
  year: number;
  period?: string;
}

const FIVE_YEAR_CUE =
  /这五年|五年来|五年间|五年累计|五年共|过去五年|的五年|十[三四]五”?时期|十[三四]五”?期间|十[三四]五”?以来/;
const ONE_YEAR_CUE = /过去一年|一年来|去年|刚刚过去的|(19|20)\d\d年[，,是]/;
const BY_YEAR = /到(20\d\d)年/;

// A figure: a number that is not a year (2030年) or part of a plan's name.
const FIGURE = /\d+(?:\.\d+)?(?!\d|年)/;

/**
 * The horizon a paragraph sets for its figures (到2030年，…): the first 到…年 that comes before any
 * figure. One written after the figures (…年均增长5%左右。在此基础上再奋斗五年，到2035年…) looks
 * past them.
 */
function horizonOf(paragraph: string): RegExpExecArray | null {
  const byYear = BY_YEAR.exec(paragraph);
  if (!byYear) return null;
  const figure = FIGURE.exec(paragraph.replace(/(19|20)\d\d年/g, (y) => 'x'.repeat(y.length)));
  return figure && figure.index < byYear.index ? null : byYear;
}

/**
 * True for a paragraph of a plan part that looks back on the plan just ended before setting out the
 * next (“十四五”时期，上海发展历程极不平凡。…这五年，…从4.16万亿元增加到5.67万亿元): it opens with
 * that plan's period or with 这五年/五年来/过去五年.
 */
function reviewsLastPlan(paragraph: string, ctx: YearContext): boolean {
  const last = planNameFor(ctx.reviewYear);
  if (/^(这五年|五年来|过去五年)[，,]/.test(paragraph)) return true;
  return last !== null && new RegExp(`^[“"]?${last}[”"]?(时期|期间)[，,]`).test(paragraph);
}

function fiveYearReview(ctx: YearContext): KindYear & { fiveYear: boolean } {
  return {
    kind: 'achievement',
    year: ctx.reviewYear,
    period: `${ctx.reviewYear - 4}-${ctx.reviewYear}`,
    fiveYear: true,
  };
}

/**
 * Decides kind, year and period for figures in a paragraph of a part.
 * @param inherited the five-year flag carried from the previous paragraph of the same chapter
 */
export function kindYearFor(
  phase: Phase,
  partTitle: string,
  paragraph: string,
  ctx: YearContext,
  inherited: boolean,
): KindYear & { fiveYear: boolean } {
  const byYear = horizonOf(paragraph);
  const planEnd = fiveYearPlanEnd(paragraph) ?? fiveYearPlanEnd(partTitle);
  if (phase === 'plan') {
    if (byYear && Number(byYear[1]) > ctx.planYear) {
      const year = Number(byYear[1]);
      const end = fiveYearPlanEnd(planNameFor(ctx.planYear) ?? '');
      return year === end
        ? { kind: 'long_term_target', year, period: `${end - 4}-${end}`, fiveYear: false }
        : { kind: 'long_term_target', year, fiveYear: false };
    }
    return { kind: 'target', year: ctx.planYear, fiveYear: false };
  }
  const longTerm = (): KindYear & { fiveYear: boolean } => {
    const end = Math.max(planEnd ?? 0, ctx.planYear + 4);
    const year = byYear && Number(byYear[1]) > ctx.planYear ? Number(byYear[1]) : end;
    // The plan's own horizon carries its period (2026-2030); a later 到2035年 does not.
    return year === end
      ? { kind: 'long_term_target', year, period: `${end - 4}-${end}`, fiveYear: false }
      : { kind: 'long_term_target', year, fiveYear: false };
  };
  if (phase === 'long_term') return reviewsLastPlan(paragraph, ctx) ? fiveYearReview(ctx) : longTerm();
  const next = planNameFor(ctx.planYear);
  if (
    phase === 'mixed_review_long_term' &&
    ((next !== null && new RegExp(`${next}”?时期(是|要|经济社会发展的主要目标)`).test(paragraph)) ||
      /到20\d\d年|展望|将努力|要努力/.test(paragraph))
  ) {
    return longTerm();
  }
  const partFiveYear = /十[三四]五|五年/.test(partTitle);
  let fiveYear = inherited;
  if (partFiveYear && FIVE_YEAR_CUE.test(paragraph)) fiveYear = true;
  else if (ONE_YEAR_CUE.test(paragraph)) fiveYear = false;
  if (!partFiveYear) fiveYear = false;
  const base: KindYear = { kind: 'achievement', year: ctx.reviewYear };
  return fiveYear ? { ...base, period: `${ctx.reviewYear - 4}-${ctx.reviewYear}`, fiveYear } : { ...base, fiveYear };
}

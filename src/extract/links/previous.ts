import type { Goal, Indicator, Relationship } from '#domain/report-graph.ts';
import { measureSimilarity, normaliseMetric, tierOf } from './metric-normalise.ts';

/** The least measure similarity that makes two figures the same measure. */
export const MIN_SIMILARITY = 0.6;
/** A (year, base unit) bucket larger than this is weighed by exact measure only (a bound for hostile input). */
const MAX_BUCKET = 256;

const AVERAGE = /年均|平均/;
// A five-year sum: what was done over the period, not where it stands at its end.
const SUM = /累计|五年|[0-9]年来|新增|新建|建成|完成|实施|开展|培育|引进|打造|改造|送|接待|生产|产量/;
// Where a measure stands at the end of the period (城镇化率达到67.4%, 企业突破4500家).
const STOCK = /达到|提高到|提升到|增至|增加到|突破|升至|降至|下降到|保持|稳定在|总量|总数|总里程/;

/** How a figure counts time: one year, a period's average, a period's sum, or a stock at the end. */
export type Span = 'year' | 'average' | 'sum' | 'stock';

/** The time span of an indicator, from its period and wording. */
export function spanOf(i: Indicator): Span {
  const words = `${i.metric}${i.text}`;
  if (AVERAGE.test(words)) return 'average';
  if (i.kind === 'target') return 'year';
  if (i.kind === 'achievement' && !i.period) return 'year';
  if (STOCK.test(i.text) && !/累计|五年/.test(words)) return 'stock';
  if (/^(%|‰)$/.test(i.baseUnit) && !/增长|提高|下降|降低/.test(words)) return 'stock';
  if (i.kind === 'long_term_target') return SUM.test(words) || /增加|新增/.test(words) ? 'sum' : 'stock';
  // A five-year figure with no end-of-period cue is what the five years did.
  return 'sum';
}

// The thing counted after a count unit: 15件民生实事 → 民生实事, 9条技术路径 → 技术路径.
function countedNoun(text: string, i: Indicator): string | null {
  if (!/^(个|项|座|条|所|家|处|批|件|类|场|次)$/.test(i.baseUnit)) return null;
  const at = i.text.lastIndexOf(i.unit);
  if (at < 0) return null;
  const after = i.text.slice(at + i.unit.length) || text.slice(i.end, i.end + 8);
  const noun = /^[\u4e00-\u9fa5]{2,8}/.exec(after)?.[0];
  return noun ? noun.replace(/(全部|加快|落地|见效|以上|左右|建设|开工|兑现).*$/, '') || null : null;
}

// An increment (新建60座) is not the stock it adds to (达到400座).
const INCREMENT = /新建|新增|新认定|新培育|新开工|新引进|再增加/;

/** Which spans of an achievement a target's figure may be compared with. */
function comparable(t: Span, a: Span, tIncrement: boolean): boolean {
  if (t === 'year' || t === 'stock') return a === 'year' || (a === 'stock' && !tIncrement);
  if (t === 'average') return a === 'average';
  return a === 'sum';
}

interface Candidate {
  a: Indicator;
  score: number;
  why: string;
}

/**
 * PREVIOUS: each plan-year or long-term target → the review part's figure of the same measure:
 * the same base unit, the year before the target's (the review year for a 十五五 target), a
 * comparable time span (a one-year target never meets a five-year sum or average; period figures
 * meet period figures), the same tier, and a metric that normalises to the same measure (or the
 * same counted set: 15件民生实事 / 15件民生实事). The closest candidate wins; the evidence's note
 * says why and what it was chosen over. A goal → the achievement goal of the same designation.
 */
export function linkPrevious(
  text: string,
  indicators: Indicator[],
  goals: Goal[],
  reviewYear: number | null,
): Relationship[] {
  const out: Relationship[] = [];
  const buckets = new Map<string, Indicator[]>();
  const exact = new Map<string, Indicator[]>();
  for (const a of indicators) {
    if (a.kind !== 'achievement' || a.threshold) continue;
    const key = `${a.year}|${a.baseUnit}`;
    const list = buckets.get(key) ?? [];
    list.push(a);
    buckets.set(key, list);
    const ek = `${key}|${normaliseMetric(a.metric)}`;
    exact.set(ek, [...(exact.get(ek) ?? []), a].slice(0, 8));
  }
  for (const t of indicators) {
    if ((t.kind !== 'target' && t.kind !== 'long_term_target') || t.threshold) continue;
    const year = t.kind === 'target' ? t.year - 1 : (reviewYear ?? t.year - 1);
    const key = `${year}|${t.baseUnit}`;
    const measure = normaliseMetric(t.metric);
    const bucket = buckets.get(key) ?? [];
    const pool = bucket.length <= MAX_BUCKET ? bucket : (exact.get(`${key}|${measure}`) ?? []);
    const tSpan = spanOf(t);
    const tTier = tierOf(t.metric);
    const tNoun = countedNoun(text, t);
    const tIncrement = INCREMENT.test(t.text);
    const fits: Candidate[] = [];
    for (const a of pool) {
      const aSpan = spanOf(a);
      if (!comparable(tSpan, aSpan, tIncrement)) continue;
      const aTier = tierOf(a.metric);
      if (tTier && aTier && aTier !== tTier) continue;
      const aMeasure = normaliseMetric(a.metric);
      let score = measureSimilarity(measure, aMeasure);
      let why = `same measure (${measure} ~ ${aMeasure}, ${score.toFixed(2)})`;
      const aNoun = countedNoun(text, a);
      if (score < MIN_SIMILARITY && tNoun && aNoun && (tNoun.includes(aNoun) || aNoun.includes(tNoun))) {
        score = t.value === a.value ? 0.9 : 0.7;
        why = `the same counted set (${tNoun} ~ ${aNoun})`;
      }
      if (score >= MIN_SIMILARITY)
        fits.push({ a, score, why: `${why}; ${aSpan === 'stock' ? 'end-of-period stock' : aSpan}` });
    }
    if (fits.length === 0) continue;
    // The closest: the highest similarity, then the nearer figure in the text.
    fits.sort((x, y) => y.score - x.score || Math.abs(x.a.start - t.start) - Math.abs(y.a.start - t.start));
    const best = fits[0]!;
    const over =
      fits.length > 1
        ? `; chosen over ${fits.length - 1} other (next: ${fits[1]!.a.metric} ${fits[1]!.score.toFixed(2)})`
        : '';
    out.push({
      type: 'PREVIOUS',
      from: t.id,
      to: best.a.id,
      confidence: Number(best.score.toFixed(2)),
      evidence: {
        sectionId: best.a.sectionId,
        start: best.a.start,
        end: best.a.end,
        text: best.a.text,
        note: `${best.why}${over}`,
      },
    });
  }
  out.push(...linkGoals(goals));
  return out;
}

const designation = (name: string) => name.replace(/[“”"]/g, '').replace(/国家级/g, '国家');

function linkGoals(goals: Goal[]): Relationship[] {
  const out: Relationship[] = [];
  const won = goals.filter((g) => g.kind === 'achievement');
  const exact = new Map<string, Goal>();
  for (const g of won) if (!exact.has(designation(g.name))) exact.set(designation(g.name), g);
  for (const t of goals) {
    if (t.kind === 'achievement') continue;
    const name = designation(t.name);
    let best = exact.get(name);
    let note = 'the same designation';
    if (!best && won.length <= MAX_BUCKET) {
      const contains = won
        .filter((a) => {
          const n = designation(a.name);
          return (
            n.length >= 4 && name.length >= 4 && (n.includes(name) || name.includes(n)) && tierOf(n) === tierOf(name)
          );
        })
        .sort((x, y) => Math.abs(x.name.length - t.name.length) - Math.abs(y.name.length - t.name.length));
      best = contains[0];
      note = `one designation contains the other (${t.name} / ${best?.name})`;
    }
    if (!best) continue;
    out.push({
      type: 'PREVIOUS',
      from: t.id,
      to: best.id,
      confidence: designation(best.name) === name ? 1 : 0.8,
      evidence: { sectionId: best.sectionId, start: best.start, end: best.end, text: best.text, note },
    });
  }
  return out;
}

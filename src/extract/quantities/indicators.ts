import type { KindYear } from '../outline/phases.ts';
import { completeSubjects, metricFrom, qualifierBefore, splitSubjects } from './metrics.ts';
import { findQuantities, type Quantity } from './quantities.ts';
import { COUNTERS } from './units.ts';

/** An indicator before ids and sections are attached; offsets are absolute. */
export interface IndicatorDraft extends KindYear {
  metric: string;
  value: number;
  unit: string;
  baseValue: string;
  baseUnit: string;
  qualifier: string | null;
  threshold: boolean;
  start: number;
  end: number;
}

// An explicit year right before a figure: 从2020年的3.68万亿元, 到2025年的4.93万亿元.
const FROM_YEAR = /((?:19|20)\d\d)年(?:的|底|末)?$/;
// A metric that names nothing: the fallback, or a verb alone (增长, 下降).
const BARE_METRIC =
  /^(数值|(同比|比上年|较上年|年均)?(增长|下降|提高|提升|降低|减少|增加|上升|回落)|快于|高于|低于|慢于|超过|完成|惠及|占|占比|.)$/;
const GROWTH_TAIL = /(同比|比上年|较上年|年均)?(增长|下降|提高|提升|降低|减少|增加|上升|回落)$/;
const COMPARED_WITH = /(快于|高于|低于|慢于|好于|优于|比|较|相比|同比|对比)$/;
// A comparison clause written without its subject (、高于全国0.4个百分点 / ，快于2024年1.8个百分点).
const COMPARISON_LEAD = /^(快于|高于|低于|慢于|好于|优于)/;
const SENTENCE_END = /[。！？；!?;]/;
// What a chained comparison adds to its subject's metric: 地区生产总值增速高于全国 → 地区生产总值增速.
const COMPARISON_SUBJECT_TAIL = /(快于|高于|低于|慢于|好于|优于).*$/;
const CLAUSE_END = /[，。；！？：,;!?:]/;
const THRESHOLD_NOUN = /^(项目|企业|工程|大项目|重点项目|乡镇|村|园区|市场主体|产业集群)/;
const VERB_STOP = /(实现|达到|完成|保持|突破|迈上|跃升|稳定|双增|增长|提高|提升)/;

function clauseStartBefore(p: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && !CLAUSE_END.test(p[i]!)) i--;
  return i + 1;
}

function clauseEndAfter(p: string, at: number): number {
  let i = at;
  while (i < p.length && !CLAUSE_END.test(p[i]!)) i++;
  return i;
}

/** The subjects a 分别 / 均 list distributes over, from its clause or the one before. */
function distributedSubjects(
  p: string,
  clauseStart: number,
  markerAt: number,
): { subjects: string[]; start: number } | null {
  let start = clauseStart;
  let head = p.slice(clauseStart, markerAt);
  if (!/[、和与及]/.test(head) && clauseStart > 0) {
    start = clauseStartBefore(p, clauseStart - 1);
    head = p.slice(start, clauseStart - 1);
  }
  const stop = VERB_STOP.exec(head);
  if (stop && stop.index > 1) head = head.slice(0, stop.index);
  // 研发人员达159万人、高技能人才达843万人，均居全国首位: each subject without its own figure.
  const subjects = completeSubjects(splitSubjects(head.replace(/^(其中|全市|全省|全年)/, ''))).map(
    // (A digit inside a name is not its figure: 5G工厂301家 → 5G工厂.)
    (x) =>
      x.replace(
        /(达到|达|为|超过|超|突破)?(?<![A-Za-z0-9０-９.])[0-9０-９][0-9０-９.,]*(?![A-Za-z])[^、，。；]*$/,
        '',
      ) || x,
  );
  return subjects.length >= 2 ? { subjects, start } : null;
}

/**
 * True when the number defines a category rather than measures an amount: 税收过千万元企业,
 * 10亿元项目, 万亩蔬菜乡镇, 亿元以上项目.
 */
function isThreshold(q: Quantity, prefix: string, after: string, written: string): boolean {
  if (q.implicit) return true;
  // 3岁以下婴幼儿, 80岁以上老年人, 0—6岁儿童: an age bound or range before the people it names
  // defines the group (…寿命从80.2岁提升至… is an amount).
  const ageBound = /^(及?以上|及?以下)$/.test(q.postQualifier ?? '') || /[—－~～-]/.test(written);
  if (q.baseUnit === '岁' && ageBound && /^[\u4e00-\u9fa5]/.test(after) && !/^(和|与|及)/.test(after)) return true;
  const following = after.replace(/^(以上|及以上)/, '');
  if (/(过|超过)$/.test(prefix) && /^[\u4e00-\u9fa5]/.test(following) && !/^(的|了|和|与)/.test(following)) return true;
  if (!COUNTERS.has(q.baseUnit) && THRESHOLD_NOUN.test(following)) return true;
  return q.numeral !== null && /^[十百千]$/.test(q.numeral) && /^[\u4e00-\u9fa5]/.test(following);
}

// 分别 / 均 / 都 before a verb distribute figures over a list of subjects (人均 is not 均).
const RESPECTIVELY =
  /分别|(?<![人年平])均(?=达|为|超|在|实现|增长|保持|高于|低于|位居|居|提高|下降)|都(?=达|为|实现|超|在)|(?<=[\u4e00-\u9fa5])各(?=[0-9一二三四五六七八九十两]|$)/;

/** The noun phrase a count is of, written after it: 108个村生产生活条件得到改善, 410个事项跨市通办. */
function countedNoun(p: string, from: number): string {
  const m = /^[\u4e00-\u9fa5“”（）()]{1,20}/.exec(p.slice(from));
  if (!m) return '';
  // 8支产业基金带动社会投资超千亿元: the noun ends before the verb of what it does (and its figure).
  const verb = NOUN_STOP.exec(m[0]);
  // (Not inside a quoted name: “千项万亿”重大项目.)
  const cut = verb && verb.index >= 2 && !/“[^”]*$/.test(m[0].slice(0, verb.index));
  const noun = cut ? m[0].slice(0, verb!.index).replace(/(新|再|首次|全部|均)$/, '') : m[0];
  return noun.replace(/[（(]$/, '');
}

// Verbs and figures that end a counted noun.
const NOUN_STOP =
  /(带动|实现|达到|完成|增长|超过|突破|覆盖|惠及|入选|落户|获评|获得|成为|超[零〇一二两三四五六七八九十百千万])/;
// A metric that is only what was done (落地, 新培育, 精准帮扶, 再创建): the counted noun after the figure names it.
const VERB_ONLY =
  /^(累计|新|再|重点|精准|启动|开工|全面|持续|分类|有序|深入)*(落地|推出|创建|提供|帮扶|抓好|培育|建设|支持|推动|围绕|新增|实施|制定实施|引进|打造|开展|组织|举办|发放|新建|改造|建成|招引|免费|办理|认定|设立|组建|布局|吸引|培训|救助|资助|安置|转移|完成|上线)$/;
// A change verb alone between two figures of one subject (从2.50:1缩小至2.27:1, 由369位上升到235位).
const CHANGE_ONLY =
  /^(增长到|增加到|提升至|提升到|提高到|提高至|下降到|下降至|降至|降到|增至|扩大到|扩大至|缩小至|缩小到|上升到|上升至|跃升至|跃升到|降低至|降低到|达到)?$/;
// A rank after 、 in the figure's clause (总里程909公里、居全国首位): it ranks that figure's subject.
const RANK_AFTER_FIGURE =
  /^[、，]?(并|且|均|稳|跃|连续[0-9一二三四五六七八九十]+年)*(居|位居|位列|跃居|稳居|排名|名列)/;

/**
 * Extracts the indicators of one paragraph. `offset` is the paragraph's position in the text.
 * 分别 and 均 lists give one indicator per subject (城镇、农村居民人均可支配收入分别增长7.5%和8.5%).
 */
export function extractIndicators(p: string, offset: number, kindYear: KindYear): IndicatorDraft[] {
  const quantities = findQuantities(p);
  const out: IndicatorDraft[] = [];
  let prev: { q: Quantity; threshold: boolean; metricStart: number; end: number; metric: string } | null = null;
  let distribution: {
    subjects: string[];
    start: number;
    next: number;
    clauseEnd: number;
    single: boolean;
    word: string;
  } | null = null;
  for (const q of quantities) {
    const clauseStart = clauseStartBefore(p, q.start);
    const clauseEnd = clauseEndAfter(p, q.end);
    const adjacent = prev !== null && prev.q.end > clauseStart;
    const segStart = adjacent ? Math.min(prev!.end, q.start) : clauseStart;
    const rawPrefix = p.slice(segStart, q.start);
    const prefix = rawPrefix.replace(/^[、和及与]+/, '');
    const prefixStart = q.start - prefix.length;
    const after = p.slice(q.end, q.end + 8);
    const threshold = isThreshold(q, prefix, after, p.slice(q.start, q.end));
    const clausePrefix = p.slice(clauseStart, q.start);
    const respectively = RESPECTIVELY.exec(clausePrefix);
    if (respectively && (!distribution || distribution.clauseEnd < q.start)) {
      const d = distributedSubjects(p, clauseStart, clauseStart + respectively.index);
      const single = quantities.filter((x) => x.start >= clauseStart && x.start < clauseEnd).length === 1;
      distribution = d ? { ...d, next: 0, clauseEnd, single, word: respectively[0] } : null;
    }
    const base = {
      ...kindYear,
      value: Number(q.value),
      unit: q.unit,
      baseValue: q.baseValue,
      baseUnit: q.baseUnit,
      threshold,
    };
    if (distribution && respectively && q.start <= distribution.clauseEnd && !threshold) {
      const d = distribution;
      const qualifier = q.postQualifier ?? qualifierBefore(clausePrefix);
      const growth = /增长|下降|提高|降低/.exec(clausePrefix)?.[0] ?? '';
      // 投资、消费增速分别快于全国3.4个、1个百分点: the comparison is part of each metric.
      const versus = COMPARISON_LEAD.test(clausePrefix.slice(respectively.index + respectively[0].length))
        ? /^[^0-9０-９、，]*/.exec(clausePrefix.slice(respectively.index + respectively[0].length))![0]
        : '';
      const subjects = d.single && d.word !== '分别' ? d.subjects : [d.subjects[d.next] ?? d.subjects.at(-1)!];
      d.next += 1;
      for (const subject of subjects)
        out.push({
          ...base,
          metric: subject + growth + versus,
          qualifier,
          start: offset + d.start,
          end: offset + q.end,
        });
      prev = { q, threshold, metricStart: d.start, end: q.end, metric: d.subjects[0] ?? '' };
      continue;
    }
    let metricStart = prefixStart;
    let end = q.end;
    let metric: string;
    const noun = countedNoun(p, q.end);
    if (threshold) {
      // 税收过千万元企业: the category is the figure with the noun it qualifies.
      const following = /^(以上|及以上)?[\u4e00-\u9fa5]{0,8}?(?=[、，。；\d]|$)/.exec(p.slice(q.end))?.[0] ?? '';
      end = Math.min(clauseEnd, q.end + following.length);
      metric = (prefix.replace(/^(力争|全年|新签约|新签|预计)+/, '') + p.slice(q.start, end)).slice(-24);
    } else if (adjacent && prev!.threshold && prefix.length <= 6) {
      // 税收过千万元企业6家, 投资过100亿元项目1个、50亿元项目4个: the count is of the category just named.
      metricStart = prev!.metricStart;
      metric = prefix.length > 0 ? metricFrom(p.slice(prev!.metricStart, q.start), '') : prev!.metric;
    } else if (
      COUNTERS.has(q.unit) &&
      noun &&
      (prefix.length === 0 ||
        /等$/.test(prefix) ||
        /^(实现|完成|分类推进|对|启动|推进|全面完成|完成|有)?$/.test(
          prefix.replace(/^[\u4e00-\u9fa5]{0,2}(全面|分类|有效)/, ''),
        ) ||
        q.start - segStart <= 2)
    ) {
      // 108个村生产生活条件得到改善 / 渔薪、汪场等11个乡镇卫生院完成搬迁: the noun after the count names it.
      metric = (/等$/.test(prefix) ? '' : prefix.replace(/^(全面|分类|有效)/, '').replace(/^(对)$/, '')) + noun;
      end = q.end + noun.length;
    } else {
      // 快于2024年: the year is what the figure is compared with, so it stays in the metric.
      const versusYear = FROM_YEAR.exec(prefix);
      const keepYear = versusYear !== null && COMPARED_WITH.test(prefix.slice(0, versusYear.index));
      metric = metricFrom(keepYear ? prefix : prefix.replace(FROM_YEAR, ''), p.slice(q.end, clauseEnd));
      if ((COUNTERS.has(q.unit) || COUNTERS.has(q.baseUnit)) && noun && VERB_ONLY.test(metric)) {
        metric += noun;
        end = q.end + noun.length;
      }
    }
    // 增长5.4%、高于全国0.4个百分点: a comparison without its subject compares the figure before it
    // in the sentence (地区生产总值增速高于全国), and is never that figure's metric.
    if (COMPARISON_LEAD.test(metric) && prev?.metric && !SENTENCE_END.test(p.slice(prev.end, q.start))) {
      const subject = prev.metric.replace(COMPARISON_SUBJECT_TAIL, '');
      metric = subject.replace(/(同比|比上年|较上年)?增长$/, '增速') + metric;
    } else if (q.unit === '位' && adjacent && prev && RANK_AFTER_FIGURE.test(rawPrefix) && prev.metric)
      metric = prev.metric;
    // 地区生产总值突破3万亿元、年均增长4.7%: a bare growth after 、 is the growth of that figure's subject.
    else if (
      adjacent &&
      prev?.metric &&
      /^、/.test(rawPrefix) &&
      BARE_METRIC.test(metric) &&
      !BARE_METRIC.test(prev.metric)
    )
      metric = metric === '数值' ? prev.metric : prev.metric.replace(GROWTH_TAIL, '') + metric;
    // 细颗粒物浓度27微克/立方米，下降11.5% / …增长5.4%，居全国第9: a bare verb or rank cue
    // measures the subject of the clause before.
    if (BARE_METRIC.test(metric) && clauseStart > 1) {
      const before = p.slice(clauseStartBefore(p, clauseStart - 1), clauseStart - 1);
      const subject = metricFrom(before.split(/[0-9０-９]/)[0] ?? '', '');
      // (累计达8000处: a verb or qualifier alone adds nothing to the subject; a comparison does.)
      if (subject !== '数值' && !BARE_METRIC.test(subject))
        metric = GROWTH_TAIL.test(metric)
          ? subject.replace(GROWTH_TAIL, '') + metric
          : COMPARED_WITH.test(metric)
            ? subject + metric
            : subject;
    }
    // 生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元: both figures measure the subject
    // of the 从 clause, each in its own year.
    metric = metric.replace(/(从|由)$/, '');
    // 15个…落地项目2200个: a figure right after the counted noun of the one before counts that noun.
    if (metric === '数值' && adjacent && prev?.metric && prev.end === q.start) metric = prev.metric;
    // 11个项目投资突破2000亿元: a qualifier alone after a counted subject measures that subject.
    if (adjacent && prev?.metric && /^(突破|超过|超|达到|达|为)$/.test(metric)) metric = prev.metric;
    if (CHANGE_ONLY.test(metric) && out.length > 0) {
      metric = out.at(-1)!.metric;
    }
    const explicit = FROM_YEAR.exec(prefix);
    // 快于2024年1.8个百分点: 2024 is what the figure is compared with, not the year it belongs to.
    const compared = explicit !== null && COMPARED_WITH.test(prefix.slice(0, explicit.index));
    const year = explicit && !compared ? Number(explicit[1]) : undefined;
    const when =
      year !== undefined && base.kind === 'achievement' && year < base.year ? { year, period: undefined } : {};
    out.push({
      ...base,
      ...when,
      metric,
      qualifier: q.postQualifier ?? qualifierBefore(prefix),
      start: offset + metricStart,
      end: offset + end,
    });
    prev = { q, threshold, metricStart, end, metric };
  }
  return out.map((d) => ({ ...d, metric: tidyMetric(d.metric) }));
}

/**
 * A metric ends on what is measured: not on a connective left by a list (地级市和, 示范村、) or on
 * the verb before the figure (…占, …缩小至). What would be left empty stays as it was.
 */
function tidyMetric(metric: string): string {
  const tidy = metric
    .replace(/^[、，,]+(并|且)?/, '')
    // 到2030年…营收 / …产量2030年达到: the year is the indicator's, not part of what is measured
    // (a compared year stays: 快于2024年).
    .replace(/^(到|至|截至)?(19|20)\d\d年(底|末)?(的)?(?=[\u4e00-\u9fa5“])/, '')
    .replace(/(?<!(快于|高于|低于|慢于|好于|优于|比|较|相比|同比))(到|至)?(19|20)\d\d年(底|末)?$/, '')
    // …总投资不低于 / …联网达: a bound or verb before the figure is its qualifier, not its name.
    .replace(/(不低于|不少于|不高于|不超过|达)$/, '')
    .replace(/(和|、|与|及|以及|的)+$/, '')
    .replace(/(占|为|达到|上升到|上升至|拓展到|跃升到|跃升至|缩小至|缩小到|减免为)$/, '')
    .replace(/(和|、|与|及|的|在)+$/, '');
  return tidy.length >= 2 ? tidy : metric;
}

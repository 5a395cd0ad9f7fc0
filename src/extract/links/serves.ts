import type { Goal, Indicator, Project, Relationship } from '#domain/report-graph.ts';
import type { ClauseIndex, Segment } from './clauses.ts';
import { topicsMeet, topicsOf } from './topics.ts';

/**
 * Confidence of a SERVES link by the tie the text states. Only the first three are ≥ 0.9: the
 * figure or designation is grammatically about the project itself.
 */
export const SERVES_CONFIDENCE = {
  /** The figure measures the project (总投资500亿元的X基地, 开行X班列721列). */
  measures: 0.95,
  /** The project is one of what the figure counts (X、Y等151个项目开工). */
  instance: 0.9,
  /** The project is what holds or wins the designation (X、Y成为国家…示范项目). */
  designation: 0.9,
  /** The figure counts works of the project's own name (56个P): P may be the kind, not one work. */
  counted: 0.75,
  /** Same clause, and the topics agree. */
  clause: 0.85,
  /** The target's clause follows the project's clause chain, and the topics agree (推动X高铁建设，力争交通投资…). */
  purpose: 0.8,
  /** Same clause, and one side names no topic. */
  clauseUntopical: 0.7,
  /** Same sentence, and the topics agree: plausible, the weakest tie. */
  sentence: 0.6,
} as const;

type Target = Indicator | Goal;
const isIndicator = (t: Target): t is Indicator => 'metric' in t;

// The verb that makes the project the means: it is being built, run or finished in its clause.
const DOING =
  /推进|推动|加快|实施|建设|新建|改建|扩建|续建|开工|启动|建成|完成|完工|竣工|投产|投用|运营|运行|通车|贯通|抓好|抓实|开展|布局|谋划|打造|落地|攻坚|提速|改造|整治|治理|达效|开行/;
// The project is only used or referred to: it is not what produces the target.
const USING = /依托|发挥|用好|利用|借助|依靠|围绕|对接|融入|服务于|参照|学习/;
const NEGATED = /反对|杜绝|不搞|防止|避免|严禁|禁止|摒弃|不上|不再/;
// A count unit: the figure counts things (项目, 工程, 基地 …).
const COUNT_UNIT = /^(个|项|座|条|所|家|处|批|宗|片|类)$/;
// Between a figure and the project it describes: "…亿元、全长…公里的三个X".
const MEASURE_BEFORE = /^(?:[、和及与][^，。；：！？]{1,24})?的[^，。；：！？的]{0,4}$/;
const MEASURE_WORD =
  /^(总投资|投资|计划投资|全长|总长|长度|里程|总里程|规模|总规模|装机|总装机|库容|占地|面积|建筑面积|容量|产能)/;
// The list a project is an item of, closed by 等 right before the count: "X、Y等151个项目".
const LIST_TAIL = /^(?:[、和及与][^，。；：！？、]{1,30})*等$/;
// Other items of the list, then an optional 等 … and the designation verb before the goal.
const DESIGNATION_BETWEEN =
  /^(?:[、和及与][^，。；：！？、]{1,30})*(?:等[^，。；：！？、]{0,12})?(?:成功|顺利|正式|率先|均|分别|相继|先后|已|全部|首批)*(?:成为|获评|获批|入选|列入|纳入|评为|被评为|认定为|被认定为|列为|被列为|创成|荣获|获得|挂牌)?$/;
const DESIGNATION_VERB = /成为|获评|获批|入选|列入|纳入|评为|认定|列为|创成|荣获|获得|挂牌/;
// What lies between two items of one 、 list.
const CO_ITEMS = /^(?:[、和及与][^，。；：！？、]{0,30})*[、和及与]$/;
// Categories that are fields, not works: …等11个重点领域项目.
const FIELDS = /领域|方面|行业|门类/;
// A sentence's topic opener: "非常规天然气发展方面，…".
const OPENER = /^[^，。；：]{2,24}(方面|领域)[，：]/;

export interface ServesInput {
  text: string;
  projects: Project[];
  indicators: Indicator[];
  goals: Goal[];
  clauses: ClauseIndex;
}

interface Tie {
  level: keyof typeof SERVES_CONFIDENCE;
  note: string;
}

/** At most this many targets of one sentence, the nearest, are weighed for one mention (a bound for hostile lists). */
const MAX_CANDIDATES = 24;
/** The longest stretch between a project and a figure that a list pattern reads (a bound for hostile lists). */
const MAX_BETWEEN = 600;
/** The most clauses a purpose chain runs over. */
const MAX_CHAIN = 12;

/** The nearest targets to `at` of a sentence's targets (sorted by start). */
function nearest(targets: Target[], at: number): Target[] {
  if (targets.length <= MAX_CANDIDATES) return targets;
  let lo = 0;
  let hi = targets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (targets[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  const from = Math.max(0, Math.min(lo - MAX_CANDIDATES / 2, targets.length - MAX_CANDIDATES));
  return targets.slice(from, from + MAX_CANDIDATES);
}

/** What a clause says about the projects in it, computed once per clause. */
interface ClauseFacts {
  /** Where the clause's first negation word ends (Infinity when none): a mention after it is ruled out. */
  negatedBy: number;
  /** Where its first "only used" verb ends (依托, 发挥 …). */
  usedBy: number;
  /** Its first few building verbs (推进, 建成 …), as spans. */
  doing: { start: number; end: number }[];
}

function clauseFacts(text: string): (c: Segment) => ClauseFacts {
  const cache = new Map<number, ClauseFacts>();
  const firstEnd = (re: RegExp, c: Segment) => {
    const m = re.exec(text.slice(c.start, c.end));
    return m ? c.start + m.index + m[0].length : Infinity;
  };
  return (c) => {
    const hit = cache.get(c.index);
    if (hit) return hit;
    const doing: { start: number; end: number }[] = [];
    const re = new RegExp(DOING.source, 'g');
    const body = text.slice(c.start, c.end);
    for (let m = re.exec(body); m && doing.length < 4; m = re.exec(body))
      doing.push({ start: c.start + m.index, end: c.start + m.index + m[0].length });
    const facts = { negatedBy: firstEnd(NEGATED, c), usedBy: firstEnd(USING, c), doing };
    cache.set(c.index, facts);
    return facts;
  };
}

/**
 * SERVES: a project → the indicators and goals the text ties it to, decided from the clause and
 * sentence structure, never from position alone: the figure measures the project, counts it, or
 * the project holds the designation (≥ 0.9); or the project is what its clause builds and the
 * target in the same clause or sentence is about the same topic (0.7–0.85). Projects and targets
 * in different sentences are never linked. Linear: each mention weighs the targets of its own
 * sentence, found through the clause index.
 */
export function linkServes(input: ServesInput): Relationship[] {
  const { text, clauses } = input;
  const bySentence = new Map<number, Target[]>();
  for (const t of [...input.indicators, ...input.goals]) {
    if (isIndicator(t) && t.threshold) continue;
    const s = clauses.sentenceAt(t.start);
    if (!s) continue;
    const list = bySentence.get(s.index) ?? [];
    list.push(t);
    bySentence.set(s.index, list);
  }
  for (const list of bySentence.values()) list.sort((a, b) => a.start - b.start);
  const facts = clauseFacts(text);
  const out = new Map<string, Relationship>();
  for (const project of input.projects) {
    const projectTopics = topicsOf(project.name);
    for (const m of project.mentions) {
      const sentence = clauses.sentenceAt(m.start);
      const clause = clauses.clauseAt(m.start);
      if (!sentence || !clause) continue;
      const targets = bySentence.get(sentence.index);
      if (!targets) continue;
      const f = facts(clause);
      if (f.negatedBy <= m.start) continue;
      const ctx: MentionContext = { ...m, topics: projectTopics, clause, sentence, facts: f };
      for (const t of nearest(targets, m.start)) {
        const tie = tieOf(text, clauses, ctx, t);
        if (!tie) continue;
        const confidence = SERVES_CONFIDENCE[tie.level];
        const key = `${project.id}|${t.id}`;
        const old = out.get(key);
        if (old && old.confidence >= confidence) continue;
        const span = evidenceSpan(clauses, sentence, t, m);
        out.set(key, {
          type: 'SERVES',
          from: project.id,
          to: t.id,
          confidence,
          evidence: {
            sectionId: m.sectionId,
            start: span.start,
            end: span.end,
            text: text.slice(span.start, span.end),
            note: span.contains
              ? tie.note
              : `${tie.note}; the target is ${t.start - m.end} characters on in the sentence`,
          },
        });
      }
    }
  }
  return [...out.values()];
}

/** The longest evidence quoted for one link: a hostile sentence must not be copied into every link. */
const MAX_EVIDENCE = 400;

/**
 * The evidence of a link: the whole sentence when it is short; else from the clause of the first
 * of the project and the target to the clause of the last; and when even that is long (a list of
 * thousands), the project's own stretch of its clause. `contains` says whether the target is in it.
 */
function evidenceSpan(clauses: ClauseIndex, sentence: Segment, t: Target, m: { start: number; end: number }) {
  if (sentence.end - sentence.start <= MAX_EVIDENCE)
    return { start: sentence.start, end: sentence.end, contains: true };
  const first = clauses.clauseAt(Math.min(t.start, m.start))!;
  const last = clauses.clauseAt(Math.max(t.end, m.end) - 1)!;
  if (last.end - first.start <= MAX_EVIDENCE) return { start: first.start, end: last.end, contains: true };
  const start = Math.max(first.start, Math.min(t.start, m.start) - 40);
  const end = Math.min(last.end, Math.max(t.end, m.end) + 40);
  if (end - start <= MAX_EVIDENCE) return { start, end, contains: true };
  const clause = clauses.clauseAt(m.start)!;
  return { start: Math.max(clause.start, m.start - 40), end: Math.min(clause.end, m.end + 40), contains: false };
}

interface MentionContext {
  start: number;
  end: number;
  topics: Set<string>;
  clause: Segment;
  sentence: Segment;
  facts: ClauseFacts;
}

const topicCache = new WeakMap<Target, Set<string>>();

/** A target's topics: its metric's or name's, else its clause's up to it, else its sentence opener's. */
function targetTopics(text: string, clauses: ClauseIndex, t: Target, sentence: Segment): Set<string> {
  const hit = topicCache.get(t);
  if (hit) return hit;
  const topics = readTargetTopics(text, clauses, t, sentence);
  topicCache.set(t, topics);
  return topics;
}

function readTargetTopics(text: string, clauses: ClauseIndex, t: Target, sentence: Segment): Set<string> {
  const own = topicsOf(isIndicator(t) ? t.metric : t.name);
  if (own.size > 0) return own;
  const clause = clauses.clauseAt(t.start);
  if (clause) {
    const inClause = topicsOf(text.slice(Math.max(clause.start, t.start - 64), t.end));
    if (inClause.size > 0) return inClause;
  }
  const opener = OPENER.exec(text.slice(sentence.start, Math.min(sentence.end, sentence.start + 32)));
  return opener ? topicsOf(opener[0]) : new Set();
}

function tieOf(text: string, clauses: ClauseIndex, m: MentionContext, t: Target): Tie | null {
  const tClause = clauses.clauseAt(t.start);
  if (!tClause) return null;
  const sameClause = tClause.index === m.clause.index;
  const overlaps = t.start < m.end && m.start < t.end;
  if (isIndicator(t)) {
    if (overlaps) {
      // 抓实A、B等11个重点领域项目, 56个P: the number counts the project's kind, the project is one
      // of them; 开行P721列: the figure measures the project.
      const number = /[0-9０-９]|[一二三四五六七八九十百千两]+[个项座条所家处批件]/.exec(text.slice(t.start, t.end));
      const at = number === null ? -1 : t.start + number.index;
      const countsIt = at >= 0 && (at < m.start || /等/.test(text.slice(m.end, at)));
      if (!countsIt) return { level: 'measures', note: 'the figure is written with the project: it measures it' };
      // …等11个重点领域项目: the items are fields, not works.
      if (FIELDS.test(text.slice(at, t.end))) return null;
      // 56个P: the number counts works of the project's own name — the project is a kind of work
      // or one of them; which, the text does not say.
      return at < m.start
        ? { level: 'counted', note: 'the figure counts works of the project’s name (N个P)' }
        : { level: 'instance', note: 'the project is one of the listed items the figure counts (…等N个)' };
    }
    if (
      sameClause &&
      t.end <= m.start &&
      m.start - t.end <= MAX_BETWEEN &&
      MEASURE_BEFORE.test(text.slice(t.end, m.start))
    )
      return { level: 'measures', note: 'the figure describes the project (…的 + project)' };
    if (sameClause && t.start >= m.end && t.start - m.end <= 1 && MEASURE_WORD.test(t.text))
      return { level: 'measures', note: 'the project is followed by its own measure' };
    if (
      sameClause &&
      t.start >= m.end &&
      t.start - m.end <= MAX_BETWEEN &&
      COUNT_UNIT.test(t.baseUnit) &&
      LIST_TAIL.test(text.slice(m.end, t.start)) &&
      !FIELDS.test(t.text)
    )
      return { level: 'instance', note: 'the project is one of the listed items the figure counts (…等N个)' };
  } else {
    const project = text.slice(m.start, m.end);
    if (overlaps && (t.name.includes(project) || project.includes(t.name)))
      return { level: 'designation', note: 'the designation names the project itself' };
    // Where the designation's name is written: its text may open with its holders (A、B成为…).
    const inText = text.slice(t.start, t.end).indexOf(t.name);
    const nameAt = inText >= 0 ? t.start + inText : t.start;
    if (sameClause && nameAt >= m.end && nameAt - m.end <= MAX_BETWEEN) {
      const between = text.slice(m.end, nameAt);
      if (DESIGNATION_BETWEEN.test(between) && (DESIGNATION_VERB.test(between) || between.includes('等')))
        return { level: 'designation', note: 'the project is the subject of the designation (成为/入选/等…试点)' };
      // A、B、C: items of one list, none serves another.
      if (CO_ITEMS.test(between)) return null;
    }
    if (sameClause && t.end <= m.start && CO_ITEMS.test(text.slice(t.end, m.start))) return null;
  }
  // Beyond the grammatical ties: the project must be what its clause builds, and the topics must meet.
  if (m.facts.usedBy <= m.start) return null;
  if (!m.facts.doing.some((d) => d.end <= m.start || d.start >= m.end)) return null;
  const tTopics = targetTopics(text, clauses, t, m.sentence);
  const meet = topicsMeet(m.topics, tTopics);
  if (sameClause) {
    if (meet) return { level: 'clause', note: 'same clause, same topic' };
    // A designation needs a stated tie or a shared topic; a figure of the clause needs no contradiction.
    // …and no other figure stands between them (新建A设施2500个、B设施50万个: the second is B's).
    const between = t.start >= m.end ? text.slice(m.end, t.start) : text.slice(t.end, m.start);
    if (isIndicator(t) && (m.topics.size === 0 || tTopics.size === 0) && !/[0-9０-９]/.test(between))
      return { level: 'clauseUntopical', note: 'same clause' };
    return null;
  }
  // Across clauses the target follows the project: a later clause about works named after the
  // figure is another action of the sentence.
  // A designation in another clause is tied only by a stated relation, never by topic alone.
  if (!meet || t.start < m.end || !isIndicator(t)) return null;
  if (t.start > m.end && chainsTo(text, clauses, m.clause, tClause))
    return { level: 'purpose', note: 'the target clause follows the project clause, same topic' };
  return { level: 'sentence', note: 'same sentence, same topic' };
}

// The clauses from the project's to the target's are the project's chain: each one between names
// works too (…等项目建设，加快…等前期工作，力争…) or states a figure of the same chain.
function chainsTo(text: string, clauses: ClauseIndex, from: Segment, to: Segment): boolean {
  let at = from.end;
  for (let steps = 0; at < to.start; steps++) {
    if (steps >= MAX_CHAIN) return false;
    const c = clauses.clauseAt(at);
    if (!c) return false;
    const clause = text.slice(c.start, c.end);
    if (!/等[^，。；]{0,6}(项目|工程|前期工作)|项目建设|工程建设|[0-9]/.test(clause)) return false;
    at = c.end;
  }
  return true;
}

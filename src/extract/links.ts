import type { Evidence, Goal, Indicator, Relationship, ReportGraph } from '#domain/report-graph.ts';
import type { Paragraph } from './paragraphs.ts';

/** Confidence by how close a project and a target are written. */
export const CONFIDENCE = {
  clause: 0.9,
  sentence: 0.75,
  section: 0.4,
  inName: 0.9,
  gazetteer: 1,
  region: 0.6,
} as const;

interface Span {
  start: number;
  end: number;
}

function bounds(text: string, at: number, stops: RegExp, para: Span): Span {
  let s = at;
  while (s > para.start && !stops.test(text[s - 1]!)) s--;
  let e = at;
  while (e < para.end && !stops.test(text[e]!)) e++;
  return { start: s, end: Math.min(para.end, e + 1) };
}

const bigramCache = new Map<string, Set<string>>();
function bigrams(s: string): Set<string> {
  const cached = bigramCache.get(s);
  if (cached) return cached;
  if (bigramCache.size > 10_000) bigramCache.clear();
  const out = new Set<string>();
  bigramCache.set(s, out);
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Dice similarity of two metric names on character bigrams (新建高标准农田 ~ 高标准农田建设). */
export function metricSimilarity(a: string, b: string): number {
  const strip = (s: string) => s.replace(/^(新建|新增|建设|完成|实现|累计|全年|全市|全省)/, '').replace(/[“”]/g, '');
  const x = bigrams(strip(a));
  const y = bigrams(strip(b));
  if (x.size === 0 || y.size === 0) return strip(a) === strip(b) ? 1 : 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/**
 * Links the extracted nodes, each link with the sentence that supports it:
 * SERVES (project → indicator or goal in the same clause, sentence, or topic section),
 * LOCATED_IN (project or enterprise → a place named in it or beside it), INVOLVES
 * (enterprise → project it names), PART_OF (place → its gazetteer parent) and PREVIOUS
 * (a plan-year target → last year's achievement of the same metric or designation).
 */
export function linkGraph(graph: ReportGraph, paragraphs: Paragraph[]): Relationship[] {
  const text = graph.report.text;
  const rels = new Map<string, Relationship>();
  const paraOf = (at: number) => {
    // Paragraphs are in text order: binary search.
    let lo = 0;
    let hi = paragraphs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = paragraphs[mid]!;
      if (at < p.start) hi = mid - 1;
      else if (at >= p.end) lo = mid + 1;
      else return p;
    }
    return undefined;
  };
  const evidence = (sectionId: string | null, span: Span): Evidence => ({
    sectionId,
    ...span,
    text: text.slice(span.start, span.end),
  });
  const add = (r: Relationship) => {
    const key = `${r.type}|${r.from}|${r.to}`;
    const old = rels.get(key);
    if (!old || old.confidence < r.confidence) rels.set(key, r);
  };
  const targets: (Indicator | Goal)[] = [...graph.indicators, ...graph.goals];

  for (const project of graph.projects) {
    for (const m of project.mentions) {
      const para = paraOf(m.start);
      if (!para) continue;
      const clause = bounds(text, m.start, /[，。；！？]/, para);
      const sentence = bounds(text, m.start, /[。！？]/, para);
      let linked = false;
      for (const t of targets) {
        const within = (s: Span) => t.start >= s.start && t.start < s.end;
        const level = within(clause) ? 'clause' : within(sentence) ? 'sentence' : null;
        if (!level) continue;
        linked = true;
        add({
          type: 'SERVES',
          from: project.id,
          to: t.id,
          confidence: CONFIDENCE[level],
          evidence: evidence(m.sectionId, sentence),
        });
      }
      if (!linked) {
        // The topic's targets, weakly: the project is in the section that states them.
        const near = targets.filter((t) => t.sectionId === m.sectionId).slice(0, 5);
        for (const t of near)
          add({
            type: 'SERVES',
            from: project.id,
            to: t.id,
            confidence: CONFIDENCE.section,
            evidence: evidence(m.sectionId, sentence),
          });
      }
    }
  }

  const located = [...graph.projects, ...graph.enterprises];
  for (const place of graph.places) {
    for (const pm of place.mentions) {
      for (const e of located) {
        const m = e.mentions.find((x) => x.start <= pm.start && pm.end <= x.end);
        if (m && e.name !== place.name) {
          const para = paraOf(m.start);
          const span = para ? bounds(text, m.start, /[。！？]/, para) : { start: m.start, end: m.end };
          add({
            type: 'LOCATED_IN',
            from: e.id,
            to: place.id,
            confidence: CONFIDENCE.inName,
            evidence: evidence(m.sectionId, span),
          });
        }
      }
    }
  }

  for (const enterprise of graph.enterprises) {
    for (const project of graph.projects) {
      if (!project.name.includes(enterprise.name) || project.name === enterprise.name) continue;
      const m = project.mentions[0]!;
      const para = paraOf(m.start);
      const span = para ? bounds(text, m.start, /[。！？]/, para) : { start: m.start, end: m.end };
      add({
        type: 'INVOLVES',
        from: enterprise.id,
        to: project.id,
        confidence: CONFIDENCE.inName,
        evidence: evidence(m.sectionId, span),
      });
    }
  }

  const placeIds = new Set(graph.places.map((p) => p.id));
  for (const place of graph.places) {
    if (!place.parentId || !placeIds.has(place.parentId)) continue;
    const m = place.mentions[0]!;
    const para = paraOf(m.start);
    const span = para ? bounds(text, m.start, /[。！？]/, para) : { start: m.start, end: m.end };
    add({
      type: 'PART_OF',
      from: place.id,
      to: place.parentId,
      confidence: place.code ? CONFIDENCE.gazetteer : CONFIDENCE.region,
      evidence: evidence(m.sectionId, span),
    });
  }

  linkPrevious(graph, add, evidence);
  return [...rels.values()];
}

function linkPrevious(
  graph: ReportGraph,
  add: (r: Relationship) => void,
  evidence: (s: string | null, span: Span) => Evidence,
) {
  const achievements = graph.indicators.filter((i) => i.kind === 'achievement' && !i.threshold);
  for (const t of graph.indicators) {
    if (t.kind !== 'target' || t.threshold) continue;
    let best: { a: Indicator; score: number } | null = null;
    for (const a of achievements) {
      if (a.baseUnit !== t.baseUnit || a.year !== t.year - 1) continue;
      const score = metricSimilarity(t.metric, a.metric);
      if (score >= 0.6 && (!best || score > best.score)) best = { a, score };
    }
    if (best) {
      add({
        type: 'PREVIOUS',
        from: t.id,
        to: best.a.id,
        confidence: Number(best.score.toFixed(2)),
        evidence: evidence(best.a.sectionId, best.a),
      });
    }
  }
  const wonOrTried = graph.goals.filter((g) => g.kind === 'achievement');
  for (const t of graph.goals) {
    if (t.kind !== 'target') continue;
    const a = wonOrTried.find((g) => g.name.replace(/[“”]/g, '') === t.name.replace(/[“”]/g, ''));
    if (a) add({ type: 'PREVIOUS', from: t.id, to: a.id, confidence: 1, evidence: evidence(a.sectionId, a) });
  }
}

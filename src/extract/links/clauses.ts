import type { Paragraph } from '../outline/paragraphs.ts';

/** A span of the report text: a clause or a sentence, with its position among its kind. */
export interface Segment {
  start: number;
  end: number;
  /** Ordinal of the sentence (or clause) in the report, so that spans can be bucketed. */
  index: number;
}

export interface ClauseIndex {
  /** The sentence (up to 。！？ or the paragraph's end) that holds `at`, or null outside paragraphs. */
  sentenceAt(at: number): Segment | null;
  /** The clause (up to ，；：、 excluded — a list stays in one clause) that holds `at`. */
  clauseAt(at: number): Segment | null;
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?']);
const CLAUSE_END = new Set(['，', '；', '：', ',', ';', ...SENTENCE_END]);

function build(text: string, paragraphs: Paragraph[], ends: Set<string>): Segment[] {
  const out: Segment[] = [];
  for (const p of paragraphs) {
    let s = p.start;
    for (let i = p.start; i < p.end; i++) {
      if (ends.has(text[i]!)) {
        out.push({ start: s, end: i + 1, index: out.length });
        s = i + 1;
      }
    }
    if (s < p.end) out.push({ start: s, end: p.end, index: out.length });
  }
  return out;
}

function find(segments: Segment[], at: number): Segment | null {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

/**
 * Splits the body paragraphs into sentences and clauses once (one pass over the text), so that
 * finding the sentence or clause of a mention costs a binary search, whatever the paragraph's length.
 */
export function indexClauses(text: string, paragraphs: Paragraph[]): ClauseIndex {
  const sentences = build(text, paragraphs, SENTENCE_END);
  const clauses = build(text, paragraphs, CLAUSE_END);
  return { sentenceAt: (at) => find(sentences, at), clauseAt: (at) => find(clauses, at) };
}

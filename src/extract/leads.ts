// Lead phrases: the short sentence that opens a paragraph and names its topic
// (招商引资成效明显。), or a run of them inside a paragraph (推动交通运输一体化。推动供水保障一体化。…).

// Framing sentences that look like leads: 以下/如下 announce a list; "…的五年" characterises a period.
const NOT_A_LEAD = /以下|如下|方面工作|各位代表|^我们将|^我们要|^今年|^同时|^此外|[0-9０-９%％]|的(一|五)年|之年/;

/** True when a paragraph's first sentence is a topic lead: short, one clause, no figures. */
export function isLeadSentence(sentence: string): boolean {
  const body = sentence.replace(/[。！]$/, '');
  return body.length >= 4 && body.length <= 24 && !/[，,；;：:？]/.test(body) && !NOT_A_LEAD.test(body);
}

/**
 * True for a line that is a heading on its own: one sentence ending in 。, short, and not a
 * framing sentence ("我们将持续办好市政府重点民生实事。" speaks to the part, it heads nothing).
 */
export function isStandaloneHeading(line: string): boolean {
  if (!/^[^。！？]*[。！]?$/.test(line) || line.length > 42 || line.length < 5) return false;
  if (NOT_A_LEAD.test(line) || /^我们/.test(line)) return false;
  return !/[：:；;]/.test(line);
}

export interface InlineLead {
  title: string;
  /** Offset of the lead inside the paragraph. */
  offset: number;
}

/**
 * Finds level-4 leads inside a paragraph after its own lead: short one-clause sentences of which
 * at least two share their first two characters (推动…一体化。 推动…一体化。).
 */
export function parallelLeads(paragraph: string, from: number): InlineLead[] {
  const candidates: InlineLead[] = [];
  const re = /[^。！？]+[。！？]/g;
  re.lastIndex = from;
  for (let m = re.exec(paragraph); m; m = re.exec(paragraph)) {
    const s = m[0];
    if (s.length <= 15 && isLeadSentence(s)) candidates.push({ title: s, offset: m.index });
  }
  const byPrefix = new Map<string, InlineLead[]>();
  for (const c of candidates) {
    const key = c.title.slice(0, 2);
    byPrefix.set(key, [...(byPrefix.get(key) ?? []), c]);
  }
  return [...byPrefix.values()]
    .filter((group) => group.length >= 2)
    .flat()
    .sort((a, b) => a.offset - b.offset);
}

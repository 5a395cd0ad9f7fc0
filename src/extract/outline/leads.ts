// Lead phrases: the short sentence that opens a paragraph and names its topic
// (招商引资成效明显。), or a run of them inside a paragraph (推动交通运输一体化。推动供水保障一体化。…).

// Framing sentences that look like leads: 以下/如下 announce a list; "…的五年" characterises a period.
const NOT_A_LEAD = /以下|如下|方面工作|各位代表|^我们将|^我们要|^今年|^同时|^此外|[0-9０-９%％]|的(一|五)年|之年/;

// Openers of a clause that frames rather than names a topic (这五年，… / 同时，…).
const FRAMING_CLAUSE = /^(这五年|五年来|过去|一年来|今年|明年|同时|此外|为此|其中|总之|当前|目前|我们|全年|全省|全市)/;

/**
 * True when a paragraph's first sentence is a topic lead: short, no figures, and one clause
 * (招商引资成效明显。) or two short parallel ones (加强科技创新，驱动能源转型。).
 */
export function isLeadSentence(sentence: string): boolean {
  const body = sentence.replace(/[。！]$/, '');
  if (body.length < 4 || body.length > 24 || /[；;：:？]/.test(body) || NOT_A_LEAD.test(body)) return false;
  const clauses = body.split(/[，,]/);
  if (clauses.length === 1) return true;
  return (
    clauses.length === 2 &&
    body.length <= 20 &&
    clauses.every((c) => c.length >= 4 && c.length <= 10 && !/[、“”]/.test(c)) &&
    !FRAMING_CLAUSE.test(body)
  );
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

/** True when two strings share a run of at least `n` characters. */
function shareRun(a: string, b: string, n: number): boolean {
  for (let i = 0; i + n <= a.length; i++) if (b.includes(a.slice(i, i + n))) return true;
  return false;
}

/**
 * The leads that take up, one by one, the items of an enumeration written before them
 * (能源转型、产业升级、适度多元发展取得明显成效。… 大力推动能源转型。… 着力推进产业升级。…): at
 * least two, each on a different item.
 */
function enumeratedLeads(paragraph: string, candidates: InlineLead[]): InlineLead[] {
  const first = candidates[0];
  if (!first) return [];
  const lists = paragraph.slice(0, first.offset).match(/[^，。；：、]+(?:、[^，。；：、]+)+/g) ?? [];
  let best: InlineLead[] = [];
  for (const list of lists) {
    const items = list.split('、');
    const used = new Set<number>();
    const hits = candidates.filter((c) => {
      const k = items.findIndex((item, i) => !used.has(i) && shareRun(item, c.title, 4));
      if (k < 0) return false;
      used.add(k);
      return true;
    });
    if (hits.length >= 2 && hits.length > best.length) best = hits;
  }
  return best;
}

/**
 * Finds level-4 leads inside a paragraph after its own lead: short one-clause sentences, each
 * followed by a sentence that elaborates it, of which at least two share their first two
 * characters (推动…一体化。 推动…一体化。). In a chapter's
 * own paragraph (`enumerated`), also the leads that take up the items its opening enumerates.
 */
export function parallelLeads(paragraph: string, from: number, enumerated = false): InlineLead[] {
  const candidates: InlineLead[] = [];
  const re = /[^。！？]+[。！？]/g;
  re.lastIndex = from;
  const sentences: { text: string; offset: number }[] = [];
  for (let m = re.exec(paragraph); m; m = re.exec(paragraph)) sentences.push({ text: m[0], offset: m.index });
  // A lead heads what follows it: the next sentence elaborates, in clauses or at length (推动供水保障
  // 一体化。健全…，加快…), with a list or a count. A statement followed by a bare one-clause one
  // (实施某某行动。推进某某建设。) is a list of tasks.
  sentences.forEach(({ text, offset }, k) => {
    const next = sentences[k + 1]?.text;
    if (
      text.length <= 15 &&
      isLeadSentence(text) &&
      next !== undefined &&
      (/[，,；;、0-9]/.test(next) || next.length > 24)
    )
      candidates.push({ title: text, offset });
  });
  const byPrefix = new Map<string, InlineLead[]>();
  for (const c of candidates) {
    const key = c.title.slice(0, 2);
    byPrefix.set(key, [...(byPrefix.get(key) ?? []), c]);
  }
  const found = new Map<number, InlineLead>();
  for (const group of byPrefix.values()) if (group.length >= 2) for (const c of group) found.set(c.offset, c);
  if (enumerated) for (const c of enumeratedLeads(paragraph, candidates)) found.set(c.offset, c);
  return [...found.values()].sort((a, b) => a.offset - b.offset);
}

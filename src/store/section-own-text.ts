/** A section as the loader sees it: its span of the report text and its parent. */
interface SpanOfSection {
  id: string;
  parentId: string | null;
  start: number;
  end: number;
}

/** A line break in a section's own words: a space, as the full-text index treats it. */
export const oneLine = (words: string) => words.replace(/[\r\n]/g, ' ');

/**
 * Each section's own words: its span of the report text without its subsections' spans (its
 * heading, its lead-in, anything between or after them), on one line (each line break a space).
 * The full-text index holds these, so a report's words are indexed once, not once per level of
 * nesting; a section's whole text, line breaks included (the API's `Section.text`), is its span
 * of the report's text. One line, because the bulk path's import files then need no multi-line
 * fields, which halve neo4j-admin's speed (BENCHMARKS.md, issue 15, seventh pass).
 */
export function sectionOwnTexts(sections: readonly SpanOfSection[], text: string): Map<string, string> {
  const children = new Map<string, SpanOfSection[]>();
  for (const s of sections) {
    if (s.parentId === null) continue;
    const list = children.get(s.parentId);
    if (list) list.push(s);
    else children.set(s.parentId, [s]);
  }
  const own = new Map<string, string>();
  for (const s of sections) {
    const kids = (children.get(s.id) ?? []).slice().sort((a, b) => a.start - b.start);
    let out = '';
    let at = s.start;
    for (const k of kids) {
      if (k.start > at) out += text.slice(at, Math.min(k.start, s.end));
      at = Math.max(at, k.end);
    }
    if (at < s.end) out += text.slice(at, s.end);
    own.set(s.id, oneLine(out));
  }
  return own;
}

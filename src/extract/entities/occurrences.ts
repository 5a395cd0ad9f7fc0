/**
 * Every occurrence of each of `names` starting in text[from, to), as a per-name indexOf scan gives
 * them (left to right, not overlapping the same name), found in one pass over the text: at each
 * position only the lengths of the names that start with its character are looked up. Time grows
 * with the text times the number of distinct lengths, memory with the names only (a trie of
 * thousands of names made a map per character, and its garbage).
 */
export function findOccurrences(
  text: string,
  names: Iterable<string>,
  from: number,
  to: number,
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const hits = new Map<string, { at: number[]; lastEnd: number }>();
  const lengthsByFirst = new Map<string, number[]>();
  for (const name of names) {
    if (name.length === 0 || out.has(name)) continue;
    const hit = { at: [], lastEnd: 0 };
    hits.set(name, hit);
    out.set(name, hit.at);
    const lengths = lengthsByFirst.get(name[0]!);
    if (!lengths) lengthsByFirst.set(name[0]!, [name.length]);
    else if (!lengths.includes(name.length)) lengths.push(name.length);
  }
  for (const lengths of lengthsByFirst.values()) lengths.sort((a, b) => a - b);
  for (let i = from; i < to; i++) {
    const lengths = lengthsByFirst.get(text[i]!);
    if (!lengths) continue;
    for (const len of lengths) {
      if (i + len > text.length) break;
      const hit = hits.get(text.slice(i, i + len));
      if (hit && i >= hit.lastEnd) {
        hit.at.push(i);
        hit.lastEnd = i + len;
      }
    }
  }
  return out;
}

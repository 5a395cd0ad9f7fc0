interface TrieNode {
  next: Map<string, TrieNode>;
  /** The name ending here, with its occurrences and where its last one ends (no overlaps). */
  hit: { name: string; at: number[]; lastEnd: number } | null;
}

/**
 * Every occurrence of each of `names` starting in text[from, to), as a per-name indexOf scan gives
 * them (left to right, not overlapping the same name), found in one pass over the text through a
 * trie of the names: time grows with the text times the longest name, not with the number of names.
 * (Each name's occurrences live on its trie node, so a hit costs no lookup by name.)
 */
export function findOccurrences(
  text: string,
  names: Iterable<string>,
  from: number,
  to: number,
): Map<string, number[]> {
  const root: TrieNode = { next: new Map(), hit: null };
  const out = new Map<string, number[]>();
  for (const name of names) {
    if (name.length === 0 || out.has(name)) continue;
    let node = root;
    for (let k = 0; k < name.length; k++) {
      let child = node.next.get(name[k]!);
      if (!child) {
        child = { next: new Map(), hit: null };
        node.next.set(name[k]!, child);
      }
      node = child;
    }
    node.hit = { name, at: [], lastEnd: 0 };
    out.set(name, node.hit.at);
  }
  for (let i = from; i < to; i++) {
    let node: TrieNode | undefined = root.next.get(text[i]!);
    for (let j = i + 1; node; j++) {
      const hit = node.hit;
      if (hit !== null && i >= hit.lastEnd) {
        hit.at.push(i);
        hit.lastEnd = i + hit.name.length;
      }
      node = j < text.length ? node.next.get(text[j]!) : undefined;
    }
  }
  return out;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  name: string | null;
}

/**
 * Every occurrence of each of `names` starting in text[from, to), as a per-name indexOf scan gives
 * them (left to right, not overlapping the same name), found in one pass over the text through a
 * trie of the names: time grows with the text times the longest name, not with the number of names.
 */
export function findOccurrences(
  text: string,
  names: Iterable<string>,
  from: number,
  to: number,
): Map<string, number[]> {
  const root: TrieNode = { next: new Map(), name: null };
  const out = new Map<string, number[]>();
  for (const name of names) {
    if (name.length === 0 || out.has(name)) continue;
    out.set(name, []);
    let node = root;
    for (let k = 0; k < name.length; k++) {
      let child = node.next.get(name[k]!);
      if (!child) {
        child = { next: new Map(), name: null };
        node.next.set(name[k]!, child);
      }
      node = child;
    }
    node.name = name;
  }
  const lastEnd = new Map<string, number>();
  for (let i = from; i < to; i++) {
    let node: TrieNode | undefined = root.next.get(text[i]!);
    for (let j = i + 1; node; j++) {
      if (node.name !== null && i >= (lastEnd.get(node.name) ?? 0)) {
        out.get(node.name)!.push(i);
        lastEnd.set(node.name, i + node.name.length);
      }
      node = j < text.length ? node.next.get(text[j]!) : undefined;
    }
  }
  return out;
}

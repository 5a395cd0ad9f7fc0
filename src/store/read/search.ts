import type { CypherQuery, Executor } from '../executor.ts';
import { LABELS, type Label } from '../model.ts';

export interface SearchRow {
  label: Label;
  node: Record<string, unknown>;
  score: number;
}

// Lucene's query syntax characters: user text is matched literally, never as query syntax.
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns what a user typed into a Lucene query for the cjk analyzer: every whitespace-separated
 * term escaped and quoted (so 高标准农田 matches that exact run of characters), all terms required.
 * Returns null when nothing searchable is left.
 */
export function toLuceneQuery(input: string): string | null {
  const terms = input
    .split(/\s+/)
    .map((t) => t.replace(LUCENE_SPECIAL, ' ').trim())
    .filter((t) => t.length > 0);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/\s+/g, ' ')}"`).join(' AND ');
}

export function buildSearchQuery(lucene: string, labels: Label[] | null, first: number): CypherQuery {
  return {
    text: `CALL db.index.fulltext.queryNodes('plangraph_text', $q, {limit: $candidates}) YIELD node, score
           WITH node, score, head([l IN labels(node) WHERE l IN $allLabels]) AS label
           WHERE $labels IS NULL OR label IN $labels
           RETURN label, node { .*, fullText: null, graphJson: null } AS node, score
           ORDER BY score DESC, node.id LIMIT $first`,
    params: { q: lucene, labels, allLabels: [...LABELS], first, candidates: Math.min(1000, first * 10) },
  };
}

/** Ranked full-text search over names, titles, metrics and evidence text (cjk analyzer). */
export async function searchNodes(
  executor: Executor,
  input: string,
  labels: Label[] | null,
  first: number,
): Promise<SearchRow[]> {
  const lucene = toLuceneQuery(input);
  if (!lucene) return [];
  const rows = await executor.read(buildSearchQuery(lucene, labels, first));
  return rows.map((r) => ({
    label: r.label as Label,
    node: r.node as Record<string, unknown>,
    score: Number(r.score),
  }));
}

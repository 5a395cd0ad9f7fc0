import { HIGHLIGHT_PROPS } from '../planner/fields.ts';
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A short snippet of the first field that contains the query, with every query term wrapped in
 * <mark>…</mark> and everything else HTML-escaped, so a client can insert it as HTML safely.
 */
export function highlightMatch(node: Record<string, unknown>, query: string, radius = 40): string {
  const terms = query.split(/\s+/).filter((t) => t.length > 0);
  const fields = HIGHLIGHT_PROPS.map((f) => node[f]).filter((v): v is string => typeof v === 'string' && v.length > 0);
  const field = fields.find((f) => terms.some((t) => f.includes(t))) ?? fields[0] ?? '';
  const first = Math.min(...terms.map((t) => field.indexOf(t)).filter((i) => i >= 0), Number.MAX_SAFE_INTEGER);
  const from = first === Number.MAX_SAFE_INTEGER ? 0 : Math.max(0, first - radius);
  const snippet = field.slice(from, from + radius * 2 + Math.max(...terms.map((t) => t.length), 0));
  let out = '';
  let i = 0;
  while (i < snippet.length) {
    const term = terms.find((t) => snippet.startsWith(t, i));
    if (term) {
      out += `<mark>${escapeHtml(term)}</mark>`;
      i += term.length;
    } else {
      out += escapeHtml(snippet[i]!);
      i += 1;
    }
  }
  return `${from > 0 ? '…' : ''}${out}${from + snippet.length < field.length ? '…' : ''}`;
}

// A report saved as a web page: its text is what a browser would show, one block per line.

const BLOCK = /<\/?(p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|footer|blockquote|pre|hr)\b[^>]*>/gi;
const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  mdash: '—',
  hellip: '…',
  middot: '·',
};

/** True when the text looks like an HTML document rather than plain text. */
export function isHtml(text: string): boolean {
  const head = text.slice(0, 2000).toLowerCase();
  return /<!doctype html|<html[\s>]|<body[\s>]/.test(head) || (text.match(/<\/?(p|div|br|span)\b/gi)?.length ?? 0) > 20;
}

/** Converts HTML to text: scripts, styles and comments dropped, blocks on their own lines, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(BLOCK, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** Creates an element with text content (never HTML), attributes and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== null) node.append(c);
  return node;
}

/** The text with [start, end) wrapped in <mark>, built from text nodes (safe for any content). */
export function highlighted(text: string, start: number, end: number): HTMLElement {
  const box = el('div', { class: 'evidence' });
  const s = Math.max(0, Math.min(text.length, start));
  const e = Math.max(s, Math.min(text.length, end));
  box.append(text.slice(0, s), el('mark', {}, text.slice(s, e)), text.slice(e));
  return box;
}

export const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector(selector) as T;

/**
 * For a panel that loads on each click or keystroke: `begin()` marks a new request and returns a
 * check that stays true only while no newer one has begun, so a slow, older answer never
 * replaces the one the reader asked for last.
 */
export function latestOnly(): () => () => boolean {
  let latest = 0;
  return () => {
    const mine = ++latest;
    return () => mine === latest;
  };
}

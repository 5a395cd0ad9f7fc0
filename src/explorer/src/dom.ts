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

/** Replaces a panel's content with a quiet loading line. */
export function showLoading(box: HTMLElement, text: string): void {
  box.replaceChildren(el('p', { class: 'hint loading', role: 'status' }, text));
}

/** Replaces a panel's content with the error and a retry button (never a "Loading…" forever). */
export function showError(
  box: HTMLElement,
  heading: string,
  error: unknown,
  retryLabel: string,
  retry: () => void,
): void {
  const button = el('button', { class: 'retry' }, retryLabel);
  button.addEventListener('click', retry);
  box.replaceChildren(
    el(
      'div',
      { class: 'error', role: 'alert' },
      el('strong', {}, heading),
      el('p', {}, error instanceof Error ? error.message : String(error)),
      button,
    ),
  );
}

/** Saves text or a data URL as a file the browser downloads. */
export function download(name: string, content: string | Blob, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

import { el } from './dom.ts';
import { t } from './i18n.ts';

export type Evidence = {
  text: string;
  start: number;
  end: number;
  section: { path: string; text: string; start: number } | null;
};

/** Evidence that is the same passage: same section, same span. */
export const evidenceKey = (e: Evidence): string => `${e.section?.path ?? ''}|${e.start}|${e.end}|${e.text.length}`;

/** Groups items by their evidence, keeping first-seen order, so a passage is shown once. */
export function groupByEvidence<T>(items: T[], evidenceOf: (x: T) => Evidence): { evidence: Evidence; items: T[] }[] {
  const groups = new Map<string, { evidence: Evidence; items: T[] }>();
  for (const x of items) {
    const e = evidenceOf(x);
    const key = evidenceKey(e);
    const g = groups.get(key);
    if (g) g.items.push(x);
    else groups.set(key, { evidence: e, items: [x] });
  }
  return [...groups.values()];
}

/**
 * The evidence: its section path, the stated sentence first, then the section around it with the
 * sentence marked; `scrollEvidence` brings the mark into view once the block is on the page.
 */
export function evidenceBlock(e: Evidence): HTMLElement {
  const box = el('div', { class: 'evidence-block' });
  if (e.section?.path) box.append(el('small', { class: 'section-path', title: t('sectionPath') }, e.section.path));
  const sentence = e.section ? e.section.text.slice(e.start - e.section.start, e.end - e.section.start) : e.text;
  box.append(el('blockquote', { class: 'sentence' }, sentence || e.text));
  if (e.section && e.section.text.length > sentence.length + 10) {
    const s = Math.max(0, e.start - e.section.start);
    const end = Math.max(s, e.end - e.section.start);
    const context = el('div', { class: 'evidence' });
    context.append(e.section.text.slice(0, s), el('mark', {}, e.section.text.slice(s, end)), e.section.text.slice(end));
    box.append(context);
  }
  return box;
}

/** Scrolls every evidence box under `root` so its highlighted sentence is visible. */
export function scrollEvidence(root: HTMLElement): void {
  for (const box of root.querySelectorAll<HTMLElement>('.evidence')) {
    const mark = box.querySelector('mark');
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - 24); // .evidence is position: relative
  }
}

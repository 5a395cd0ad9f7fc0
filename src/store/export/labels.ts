import type { ExportNode } from './read-export.ts';

/** Fields that serve the store itself (search, exports, evidence bookkeeping), not a graph viewer. */
export const INTERNAL_FIELDS = new Set(['aliasText', 'occurrencesJson', 'fullText', 'graphJson']);

/** XML 1.0 cannot carry most control characters, even escaped: they are dropped. */
export const xmlSafe = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** A property value as attribute text: lists joined by ';', maps as JSON. */
export const asText = (v: unknown) =>
  xmlSafe(Array.isArray(v) ? v.join(';') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

/** What a viewer shows on a node: its name, an indicator's metric and value, or a title. */
export function displayLabel(node: ExportNode): string {
  const p = node.props;
  if (node.label === 'Indicator') {
    const value = p.value ?? p.valueMin ?? p.baseValue;
    return [p.metric, value === undefined ? undefined : `${String(value)}${p.unit ? String(p.unit) : ''}`]
      .filter((x) => x !== undefined && x !== '')
      .join(' ');
  }
  const text = p.name ?? p.title ?? p.metric ?? p.id;
  return String(text ?? '');
}

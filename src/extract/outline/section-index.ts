import type { OutlineSection } from './outline.ts';

/** Finds the innermost section containing an offset. */
export interface SectionIndex {
  at(offset: number): OutlineSection | null;
  /** The level-1 part containing an offset. */
  partAt(offset: number): OutlineSection | null;
}

/**
 * Sections nest (a chapter lies inside its part, a lead inside its chapter), so the innermost one
 * holding an offset is the last section starting at or before it, or one of that section's
 * ancestors: a binary search and a walk of at most the outline's depth, whatever the number of
 * sections. Where sections do not nest (a duplicated heading), the scan over all of them decides.
 */
export function createSectionIndex(sections: OutlineSection[]): SectionIndex {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const sorted = [...sections].sort((a, b) => a.start - b.start || a.level - b.level);
  const nests = sections.every((s) => {
    const parent = s.parentId ? byId.get(s.parentId) : undefined;
    return !s.parentId || (parent !== undefined && parent.start <= s.start && s.end <= parent.end);
  });
  const scan = (offset: number) => {
    let best: OutlineSection | null = null;
    for (const s of sections) {
      if (s.start <= offset && offset < s.end && (!best || s.level > best.level)) best = s;
    }
    return best;
  };
  const at = (offset: number) => {
    if (!nests) return scan(offset);
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    // Among sections starting at the same offset, the deepest comes last in `sorted`.
    let s: OutlineSection | null = lo > 0 ? sorted[lo - 1]! : null;
    while (s && !(s.start <= offset && offset < s.end)) s = s.parentId ? (byId.get(s.parentId) ?? null) : null;
    return s;
  };
  return {
    at,
    partAt(offset) {
      let s = at(offset);
      while (s?.parentId) s = byId.get(s.parentId) ?? null;
      return s;
    },
  };
}

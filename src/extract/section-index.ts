import type { OutlineSection } from './outline.ts';

/** Finds the innermost section containing an offset. */
export interface SectionIndex {
  at(offset: number): OutlineSection | null;
  /** The level-1 part containing an offset. */
  partAt(offset: number): OutlineSection | null;
}

export function createSectionIndex(sections: OutlineSection[]): SectionIndex {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const at = (offset: number) => {
    let best: OutlineSection | null = null;
    for (const s of sections) {
      if (s.start <= offset && offset < s.end && (!best || s.level > best.level)) best = s;
    }
    return best;
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

import { describe, expect, test } from 'vitest';
import { sectionOwnTexts } from '../../src/store/section-own-text.ts';

describe('sectionOwnTexts', () => {
  //            0         1         2         3
  //            0123456789012345678901234567890123456
  const text = '一、总体 导语。（一）甲项。（二）乙项。结语';
  const at = (s: string) => text.indexOf(s);
  const sections = [
    { id: 'part', parentId: null, start: 0, end: text.length },
    { id: 'a', parentId: 'part', start: at('（一）'), end: at('（二）') },
    { id: 'b', parentId: 'part', start: at('（二）'), end: at('结语') },
    { id: 'lone', parentId: null, start: 0, end: 4 },
  ];

  test("a section's own words are its span without its subsections', gaps and tail included", () => {
    const own = sectionOwnTexts(sections, text);
    expect(own.get('part')).toBe('一、总体 导语。结语');
    expect(own.get('a')).toBe('（一）甲项。');
    expect(own.get('b')).toBe('（二）乙项。');
    expect(own.get('lone')).toBe('一、总体');
  });

  test('subsections listed out of order, or with astral characters, cut the same spans', () => {
    const astral = `𠀀${text}`;
    const shifted = sections.map((s) => ({ ...s, start: s.start + 2, end: s.end + 2 })).reverse();
    const own = sectionOwnTexts(shifted, astral);
    expect(own.get('part')).toBe('一、总体 导语。结语');
    expect(own.get('a')).toBe('（一）甲项。');
  });

  test("a section's own words are on one line: each line break a space, the offsets unchanged", () => {
    const lines = '一、总体\n导语。\r\n（一）甲项。\n结语';
    const own = sectionOwnTexts(
      [
        { id: 'part', parentId: null, start: 0, end: lines.length },
        { id: 'a', parentId: 'part', start: lines.indexOf('（一）'), end: lines.indexOf('结语') },
      ],
      lines,
    );
    expect(own.get('part')).toBe('一、总体 导语。  结语');
    expect(own.get('a')).toBe('（一）甲项。 ');
  });
});

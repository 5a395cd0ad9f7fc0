import { describe, expect, test } from 'vitest';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { seedText } from '../support/graphs.ts';

// A 、 list of `n` distinct works of one length (none inside another), closed by 等 and followed
// by a target of the same sector, inserted into the seed's plan part.
function reportWithList(n: number) {
  const digits = '甲乙丙丁戊己庚辛壬癸';
  const names = Array.from(
    { length: n },
    (_, i) => `第${[...String(i).padStart(5, '0')].map((d) => digits[+d]).join('')}号水库`,
  );
  const seed = seedText();
  const at = seed.indexOf('二、2023年');
  const list = `推进${names.join('、')}等水利项目建设，力争水利投资超80亿元。\n`;
  return {
    names,
    text:
      seed.slice(0, at) + seed.slice(at, seed.indexOf('\n', at) + 1) + list + seed.slice(seed.indexOf('\n', at) + 1),
  };
}

describe('long 、 lists extract completely (time is measured in the bench, not here)', () => {
  test('a 50,000-item list (over half a million characters) gives every work and every link it states', () => {
    const { names, text } = reportWithList(50_000);
    expect(text.length).toBeGreaterThan(500_000);
    const graph = extractReportGraph(text);
    const listed = new Set(names);
    const projects = graph.projects.filter((p) => listed.has(p.name));
    expect(projects).toHaveLength(50_000);
    expect(projects.every((p) => p.mentions.length === 1)).toBe(true);
    const target = graph.indicators.find((i) => i.metric.includes('水利投资') && i.value === 80)!;
    expect(target).toMatchObject({ kind: 'target', year: 2023 });
    const serving = graph.relationships.filter((r) => r.type === 'SERVES' && r.to === target.id);
    expect(serving).toHaveLength(50_000);
    expect(new Set(serving.map((r) => r.from))).toEqual(new Set(projects.map((p) => p.id)));
    // Each link quotes its own stretch of the list, not the whole million-character sentence.
    const nameOf = new Map(projects.map((p) => [p.id, p.name]));
    for (const r of serving) {
      expect(r.evidence.text.length).toBeLessThanOrEqual(400);
      expect(r.evidence.text).toContain(nameOf.get(r.from));
    }
  }, 180_000);
});

import { describe, expect, test } from 'vitest';
import type { ReportGraph } from '../../src/domain/report-graph.ts';
import { documentMismatch } from '../../src/eval/document.ts';
import { GoldSchema } from '../../src/eval/gold.ts';
import { scoreCategory } from '../../src/eval/score.ts';

const byName = (g: { name: string }, e: { name: string }) => g.name === e.name;
const label = { g: (g: { name: string }) => g.name, e: (e: { name: string }) => e.name };
const borderline = (g: { borderline: boolean }) => g.borderline;

describe('scoreCategory follows FORMAT.md', () => {
  const gold = [
    { name: '甲', borderline: false },
    { name: '乙', borderline: false },
    { name: '丙', borderline: true },
  ];

  test('a match with a borderline gold item is neither right nor wrong', () => {
    const s = scoreCategory(gold, [{ name: '甲' }, { name: '丙' }, { name: '丁' }], borderline, byName, label);
    expect(s).toMatchObject({ correct: 1, neutral: 1, wrong: 1, found: 1, gold: 2, extracted: 3 });
    expect(s.precision).toBe(0.5); // 1 / (1 + 1): 丙 is left out
    expect(s.recall).toBe(0.5);
    expect(s.spurious).toEqual(['丁']);
    expect(s.missed).toEqual(['乙']);
  });

  test('only borderline matches give no precision to speak of, and zero when strict items are missed', () => {
    const s = scoreCategory(gold, [{ name: '丙' }], borderline, byName, label);
    expect(s).toMatchObject({ correct: 0, neutral: 1, wrong: 0, precision: 0, recall: 0, f1: 0 });
    const none = scoreCategory([{ name: '丙', borderline: true }], [{ name: '丙' }], borderline, byName, label);
    expect(none).toMatchObject({ precision: 1, recall: 1 });
  });

  test('each gold item matches one extracted item; strict items claim first', () => {
    const loose = [
      { name: '甲', borderline: true },
      { name: '甲', borderline: false },
    ];
    const s = scoreCategory(loose, [{ name: '甲' }], borderline, byName, label);
    expect(s).toMatchObject({ found: 1, correct: 1, neutral: 0 });
  });
});

describe('documentMismatch', () => {
  const text = '某某省政府工作报告\n各位代表：\n一、过去一年工作回顾\n全年新建绿道12公里，建成甲乙公园。';
  const graph = { report: { text, title: '某某省政府工作报告', region: { name: '某某省' } } } as unknown as ReportGraph;
  const gold = (document: string, evidence: string) =>
    GoldSchema.parse({
      document,
      sections: [],
      indicators: [
        { section: 'S1', kind: 'achievement', year: 2025, metric: '绿道', value: 12, unit: '公里', text: evidence },
      ],
      goals: [],
      projects: [{ name: '甲乙公园' }],
      enterprises: [],
      places: [],
    });

  test('a gold written for this report fits', () => {
    expect(documentMismatch(graph, gold('某某省政府工作报告（2026年1月1日）', '新建绿道12公里'))).toBeNull();
  });

  test('a gold of another report names the mismatch', () => {
    const warning = documentMismatch(graph, gold('别处市政府工作报告（2023年1月1日）', '新建步道30公里'));
    expect(warning).toMatch(/does not match/);
    expect(warning).toMatch(/别处市政府工作报告/);
    expect(warning).toMatch(/1 of its 2 evidence texts/);
  });
});

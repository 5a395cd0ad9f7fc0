import { describe, expect, test } from 'vitest';
import { classifyPart, kindYearFor } from '../../src/extract/outline/phases.ts';
import { extractReportGraph } from '../../src/extract/pipeline.ts';

const years = { reviewYear: 2025, planYear: 2026 };

describe('kind and year by part, decided by titles and cues', () => {
  test.each([
    ['“十四五”时期工作回顾', 'review'],
    ['2025年工作回顾', 'review'],
    ['“十五五”时期主要目标任务', 'long_term'],
    ['“十五五”时期总体要求和目标任务', 'long_term'],
    ['“十五五”时期工作总体要求和目标任务', 'long_term'],
    ['关于国民经济和社会发展第十五个五年规划纲要（草案）的说明', 'long_term'],
    ['“十四五”时期发展成就和“十五五”时期主要目标任务', 'mixed_review_long_term'],
    ['2026年工作安排', 'plan'],
    ['全面加强政府自身建设', 'plan'],
  ])('%s is %s', (title, phase) => expect(classifyPart(title)).toBe(phase));

  test('a plan part that looks back on the last plan first gives that paragraph five-year achievements', () => {
    const part = '关于《某市国民经济和社会发展第十五个五年规划纲要（草案）》的说明';
    const review = '“十四五”时期，某市发展极不平凡。这五年，生产总值从4万亿元增加到5万亿元。';
    expect(kindYearFor('long_term', part, review, years, false)).toMatchObject({
      kind: 'achievement',
      year: 2025,
      period: '2021-2025',
    });
    expect(kindYearFor('long_term', part, '“十五五”时期具有承前启后的重要地位。', years, false)).toMatchObject({
      kind: 'long_term_target',
      year: 2030,
    });
    // A plan paragraph that only mentions the last plan's legacy sets targets.
    const legacy = '经过“十四五”时期的发展积淀，全省生产总值年均增长5%以上。';
    expect(kindYearFor('long_term', part, legacy, years, false)).toMatchObject({ kind: 'long_term_target' });
  });

  test('a later horizon written after the figures (…再奋斗五年，到2035年…) does not take them', () => {
    const goals = '主要目标是：生产总值年均增长5%左右。在此基础上再奋斗五年，到2035年基本实现现代化。';
    expect(kindYearFor('long_term', '“十五五”时期主要目标任务', goals, years, false)).toMatchObject({
      kind: 'long_term_target',
      year: 2030,
      period: '2026-2030',
    });
    const first = '到2035年，人均生产总值达到3万美元。';
    expect(kindYearFor('long_term', '“十五五”时期主要目标任务', first, years, false)).toMatchObject({ year: 2035 });
  });

  test('a five-year plan part gives long-term targets to the plan end, with its period', () => {
    expect(kindYearFor('long_term', '“十五五”时期主要目标任务', '粮食产量稳定增长。', years, false)).toMatchObject({
      kind: 'long_term_target',
      year: 2030,
      period: '2026-2030',
    });
    const later = kindYearFor('long_term', '“十五五”时期主要目标任务', '到2035年基本实现现代化。', years, false);
    expect(later).toMatchObject({ kind: 'long_term_target', year: 2035 });
    expect(later.period).toBeUndefined();
    expect(kindYearFor('plan', '2026年工作安排', '到2030年建成新城。', years, false)).toMatchObject({
      kind: 'long_term_target',
      year: 2030,
      period: '2026-2030',
    });
  });

  test('in a part that reviews one plan and sets out the next, only paragraphs that turn to the next are targets', () => {
    const text = [
      '某某省政府工作报告',
      '各位代表：',
      '一、2025年工作回顾',
      '全年新建绿道120公里。',
      '二、“十四五”时期发展成就和“十五五”时期主要目标任务',
      '“十四五”时期是不平凡的五年，为“十五五”发展打下基础。',
      '这五年，新建公园300个。',
      '“十五五”时期是关键时期。',
      '新建公园500个。',
      '三、2026年工作安排',
      '新建绿道100公里，比2025年多新建3个公园。',
    ].join('\n');
    const graph = extractReportGraph(text);
    const brief = graph.indicators.map((i) => `${i.value}${i.unit} ${i.kind} ${i.year} ${i.period ?? '-'}`);
    expect(brief).toEqual([
      '120公里 achievement 2025 -',
      '300个 achievement 2025 2021-2025',
      '500个 long_term_target 2030 2026-2030',
      '100公里 target 2026 -',
      '3个 target 2026 -',
    ]);
  });
});

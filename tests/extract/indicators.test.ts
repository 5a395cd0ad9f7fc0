import { describe, expect, test } from 'vitest';
import { extractIndicators } from '../../src/extract/quantities/indicators.ts';

const review = { kind: 'achievement' as const, year: 2022 };
const brief = (p: string) =>
  extractIndicators(p, 0, review).map((i) => ({
    metric: i.metric,
    value: i.value,
    unit: i.unit,
    qualifier: i.qualifier,
    threshold: i.threshold,
  }));

describe('extractIndicators', () => {
  test('splits 分别 lists into one indicator per value', () => {
    expect(brief('城镇、农村居民人均可支配收入分别增长7.5%和8.5%。')).toEqual([
      { metric: '城镇居民人均可支配收入增长', value: 7.5, unit: '%', qualifier: null, threshold: false },
      { metric: '农村居民人均可支配收入增长', value: 8.5, unit: '%', qualifier: null, threshold: false },
    ]);
  });

  test('takes 分别 subjects from the clause before', () => {
    expect(brief('粮食种植面积、总产量实现双增，分别达到241.08万亩、81.48万吨。').map((i) => i.metric)).toEqual([
      '粮食种植面积',
      '总产量',
    ]);
  });

  test('gives every subject of a 均 list the shared value', () => {
    expect(brief('见面率、答复率均达100%。').map((i) => `${i.metric}=${i.value}`)).toEqual([
      '见面率=100',
      '答复率=100',
    ]);
  });

  test('names the qualifier: 预计, 以内, 突破', () => {
    expect(
      brief('预计实现地区生产总值720亿元，调查失业率控制在5.5%以内，快递业务量突破亿件。').map((i) => i.qualifier),
    ).toEqual(['预计', '以内', '突破']);
  });

  test('flags numbers that define a category as thresholds', () => {
    const out = brief('新增税收过千万元企业6家，新签约亿元以上项目100个。');
    expect(out.map((i) => [i.value, i.unit, i.threshold])).toEqual([
      [1000, '万元', true],
      [6, '家', false],
      [1, '亿元', true],
      [100, '个', false],
    ]);
  });

  test('names a count by the noun after it when the words before are only a verb', () => {
    expect(brief('实现410个事项跨市通办、464个事项跨省通办。').map((i) => i.metric)).toEqual([
      '实现事项跨市通办',
      '事项跨省通办',
    ]);
  });

  test('dates the start of a 从…增长到 pair by its own year', () => {
    const out = extractIndicators('全省生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元。', 0, {
      kind: 'achievement',
      year: 2025,
      period: '2021-2025',
    });
    expect(out.map((i) => [i.metric, i.year, i.period])).toEqual([
      ['生产总值', 2020, undefined],
      ['生产总值', 2025, '2021-2025'],
    ]);
  });

  test('a year after 快于 / 比 is the comparison, not the year of the figure', () => {
    const [growth] = extractIndicators('全年增速快于2024年0.8个百分点。', 0, { kind: 'achievement', year: 2025 });
    expect(growth).toMatchObject({ value: 0.8, unit: '个百分点', year: 2025 });
    const [from] = extractIndicators('人均收入从2020年的3万元提高到5万元。', 0, { kind: 'achievement', year: 2025 });
    expect(from).toMatchObject({ value: 3, year: 2020 });
  });

  test('各 gives each listed subject the value; a shared unit keeps values on their own metric', () => {
    const each = extractIndicators('新建市级实验室、市技术中心各15家。', 0, { kind: 'target', year: 2026 });
    expect(each.map((i) => `${i.metric}=${i.value}${i.unit}`)).toEqual(['新建市级实验室=15家', '市技术中心=15家']);
    const shared = extractIndicators('出口、进口增速分别高于全省2.1个、0.5个百分点。', 0, review);
    // (The comparison is part of each metric, as the shanxi gold writes 投资增速快于全国.)
    expect(shared.map((i) => `${i.metric}=${i.value}${i.unit}`)).toEqual([
      '出口增速高于全省=2.1个百分点',
      '进口增速高于全省=0.5个百分点',
    ]);
  });

  test('a metric names what is measured: the subject of the clause before a bare verb or rank', () => {
    const m = (p: string) => extractIndicators(p, 0, review).map((i) => i.metric);
    expect(m('全市工业增加值增长6.1%，居全省第3。')).toEqual(['工业增加值增长', '工业增加值增长']);
    expect(m('二氧化硫浓度12微克/立方米，下降8%。')).toEqual(['二氧化硫浓度', '二氧化硫浓度下降']);
    expect(m('建成示范村30个和')).not.toContain('和');
    expect(m('客运总量连续9年稳居全国首位。')).toEqual(['客运总量']);
  });
});

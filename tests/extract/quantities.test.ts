import { describe, expect, test } from 'vitest';
import { findQuantities } from '../../src/extract/quantities/quantities.ts';

const brief = (s: string) =>
  findQuantities(s).map((q) => ({
    text: s.slice(q.start, q.end),
    value: q.value,
    unit: q.unit,
    base: `${q.baseValue}${q.baseUnit}`,
  }));

describe('findQuantities', () => {
  test('keeps 万 and 亿 in the unit and scales them into the base value', () => {
    expect(brief('新建高标准农田13.89万亩，完成投资95亿元')).toEqual([
      { text: '13.89万亩', value: '13.89', unit: '万亩', base: '138900亩' },
      { text: '95亿元', value: '95', unit: '亿元', base: '9500000000元' },
    ]);
  });

  test('converts Chinese numerals and folds 千 into the value', () => {
    expect(brief('新增出口过三千万美元企业')).toEqual([
      { text: '三千万美元', value: '3000', unit: '万美元', base: '30000000美元' },
    ]);
  });

  test('reads 千克, 千米 and 千瓦 as units, not as 千 times the smaller unit', () => {
    expect(brief('每度电排放0.13千克，新建绿道2.5千米').map((q) => [q.value, q.unit])).toEqual([
      ['0.13', '千克'],
      ['2.5', '千米'],
    ]);
  });

  test('does not take 台阶 (a step) for a count of 台', () => {
    expect(brief('生产总值迈上5万亿台阶').map((q) => q.unit)).toEqual(['万亿']);
  });

  test('handles percentages, 个百分点 and a trailing qualifier', () => {
    expect(brief('增长7.5%左右，下降0.5个百分点').map((q) => q.text)).toEqual(['7.5%左右', '0.5个百分点']);
  });

  test('reads an implicit one after 突破: 快递业务量突破亿件', () => {
    expect(brief('快递业务量突破亿件')).toEqual([{ text: '亿件', value: '1', unit: '亿件', base: '100000000件' }]);
  });

  test('ignores dates, ordinals, plan names, quoted names, codes and prose numerals', () => {
    expect(
      brief(
        '2022年12月27日，第三次全国土壤普查，“十四五”期间，“4+1”重点产业，PM2.5，G348，一批项目，两个确立，九个方面工作',
      ),
    ).toEqual([]);
  });

  const short = (s: string) => findQuantities(s).map((q) => `${q.value} ${q.unit} ${s.slice(q.start, q.end)}`);

  test('reads ranks written in Chinese as 位, after a ranking cue', () => {
    expect(short('茶叶产量居全国第一，出口额全国排名第八，旅客量连续5年居全省首位，位列评估第二名。')).toEqual([
      '1 位 第一',
      '8 位 第八',
      '1 位 首位',
      '2 位 第二名',
    ]);
    expect(short('举办第三届博览会，落实第一议题制度，开展第二批试点。')).toEqual([]);
  });

  test('reads 成, Chinese magnitudes and amounts without digits', () => {
    expect(short('占全省近七成，规模达6千亿元，投资超千亿元，产值超万亿元。')).toEqual([
      '7 成 七成',
      '6000 亿元 6千亿元',
      '1000 亿元 千亿元',
      '1 万亿元 万亿元',
    ]);
    expect(short('一成不变')).toEqual([]);
  });

  test('reads ratios, ages, compound units and 余 before the unit', () => {
    expect(short('收入比缩小到2.35∶1，预期寿命达到79岁，劳动生产率25万元/人，连续18个月增长。')).toEqual([
      '2.35 ∶1 2.35∶1',
      '79 岁 79岁',
      '25 万元/人 25万元/人',
      '18 个月 18个月',
    ]);
    expect(short('举办活动1.2万场次，浓度28微克/立方米，建成学校300余所，惠及60余万名学生。')).toEqual([
      '1.2 万场次 1.2万场次',
      '28 微克/立方米 28微克/立方米',
      '300 所 300余所',
      '60 万名 60余万名',
    ]);
  });

  test('a ratio of three terms reads as one of two does: the first term is the value, the rest the unit', () => {
    expect(short('结构比为6.5∶40.2∶53.3，另一比例为8.5:30.1:61.4，会议10:30:00开始。')).toEqual([
      '6.5 ∶40.2∶53.3 6.5∶40.2∶53.3',
      '8.5 :30.1:61.4 8.5:30.1:61.4',
    ]);
  });

  test('a range counts from its lower end and keeps the whole phrase; a shared unit is spread', () => {
    expect(short('新增3—5家，增长6%—6.5%，分别高于全省2.1个、0.5个百分点。')).toEqual([
      '3 家 3—5家',
      '6 % 6%—6.5%',
      '2.1 个百分点 2.1个',
      '0.5 个百分点 0.5个百分点',
    ]);
  });

  test('numbers inside names and plenum ordinals are not quantities', () => {
    expect(short('落实市委八届七次全会部署，九次全会精神，4G基站万人拥有量提升')).toEqual([]);
    expect(short('统筹推进12个大中型灌区，建设3大基地，推进四大行动')).toEqual(['12 个 12个', '3 大 3大']);
  });
});

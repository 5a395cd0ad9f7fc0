import { describe, expect, test } from 'vitest';
import { findQuantities } from '../../src/extract/quantities.ts';

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
});

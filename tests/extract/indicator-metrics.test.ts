import { describe, expect, test } from 'vitest';
import { extractIndicators } from '../../src/extract/quantities/indicators.ts';

// Indicator rules for reports never seen (issue #12, class 7): what a figure measures is named, and
// numbers inside names are not figures. The sentences are made up.
const review = { kind: 'achievement' as const, year: 2025 };
const found = (p: string) => extractIndicators(p, 0, review).map((i) => `${i.metric}|${i.value}${i.unit}`);

describe('metrics name what is measured', () => {
  test('a verb alone before a count takes the noun counted after it', () => {
    expect(found('累计落地12支青松产业基金。')).toEqual(['落地青松产业基金|12支']);
    expect(found('新培育305个典型镇。')).toEqual(['新培育典型镇|305个']);
  });

  test('a counted noun ends before the verb of what it does, and what that does is its own figure', () => {
    expect(found('6支市级产业基金带动社会投资超千亿元。')).toEqual(['市级产业基金|6支', '带动社会投资|1000亿元']);
    // …but not inside a quoted name.
    expect(found('推进120个“百项千亿”重大项目。')[0]).toBe('推进“百项千亿”重大项目|120个');
  });

  test('a change verb or a rank after the figure belongs to the figure’s subject', () => {
    expect(found('城乡收入比从2.40:1缩小至2.20:1。')).toEqual(['城乡收入比|2.4:1', '城乡收入比|2.2:1']);
    expect(found('轨道运营总里程806公里、居全国首位。')).toEqual(['轨道运营总里程|806公里', '轨道运营总里程|1位']);
    expect(found('青松产值突破2万亿元、年均增长4.2%。')).toEqual(['青松产值|2万亿元', '青松产值增长|4.2%']);
  });

  test('a 均 list ranks each subject without its own figure', () => {
    expect(found('科研人员达120万人、技能人才达600万人，均居全国首位。')).toEqual([
      '科研人员|120万人',
      '技能人才|600万人',
      '科研人员|1位',
      '技能人才|1位',
    ]);
  });

  test('a qualifier alone after a counted subject measures that subject', () => {
    expect(found('推动9个重点领域项目投资突破1500亿元。')).toEqual([
      '推动重点领域项目投资|9个',
      '推动重点领域项目投资|1500亿元',
    ]);
  });
});

describe('numbers inside names are not indicators', () => {
  test('a tonnage class before a name (20万吨级某航道) is not an amount', () => {
    expect(found('20万吨级青湾航道建成投运。')).toEqual([]);
    // …while a class that bounds a measured length still leaves the length.
    expect(found('千吨级及以上航道达900公里。').some((x) => x.endsWith('|900公里'))).toBe(true);
  });

  test('plenum ordinals are not figures', () => {
    expect(found('按照省委十三届九次全会部署，推进改革。')).toEqual([]);
  });
});

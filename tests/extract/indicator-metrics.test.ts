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

describe('a change or comparison keeps the subject of the figure before it', () => {
  test('a growth after a level figure is that subject’s growth, and a comparison is its own figure', () => {
    expect(found('全市青松产值3.1万亿元、增长6.2%、高于全国0.7个百分点。')).toEqual([
      '青松产值|3.1万亿元',
      '青松产值增长|6.2%',
      '青松产值增速高于全国|0.7个百分点',
    ]);
  });

  test('a comparison clause after a comma compares the growth before it, with its compared year', () => {
    expect(found('全年柏树指数增长3.3%，快于2023年0.9个百分点。')).toEqual([
      '柏树指数增长|3.3%',
      '柏树指数增速快于2023年|0.9个百分点',
    ]);
    expect(found('松林收入增长4%，高于全省平均0.5个百分点。')[1]).toBe('松林收入增速高于全省平均|0.5个百分点');
  });

  test('a 分别 comparison is part of each subject’s metric', () => {
    expect(found('松果、柏果增速分别快于全国2.1个、0.6个百分点。')).toEqual([
      '松果增速快于全国|2.1个百分点',
      '柏果增速快于全国|0.6个百分点',
    ]);
  });

  test('a rank-free scope (全国) or 人均 is not cut as a rank cue', () => {
    expect(found('青松研发投入增速高于全国平均1个百分点以上。')).toEqual(['青松研发投入增速高于全国平均|1个百分点']);
  });

  test('a clause after the figure never names it', () => {
    expect(found('青松片区增长12%、松林片区增长8%。').map((x) => x.split('|')[0])).not.toContain('、松林片区增长8%');
  });
});

describe('metrics carry no bound, verb or year of the figure', () => {
  test('a bound before the figure is its qualifier only', () => {
    const [i] = extractIndicators('青松新增岗位不少于3万个。', 0, review);
    expect([i!.metric, i!.qualifier]).toEqual(['青松新增岗位', '不少于']);
  });

  test('a verb alone in the clause after the subject adds nothing to it', () => {
    expect(found('青松路灯联网持续推进，累计达900处。')).toEqual(['青松路灯联网持续推进|900处']);
  });

  test('the year of a target is not part of its metric', () => {
    const target = { kind: 'long_term_target' as const, year: 2030 };
    const metrics = (p: string) => extractIndicators(p, 0, target).map((i) => i.metric);
    expect(metrics('柏树产量2030年达到90万吨。')).toEqual(['柏树产量']);
    expect(metrics('到2030年“青松链”营收突破2万亿元。')).toEqual(['“青松链”营收']);
  });

  test('a digit inside a name in a 均 list is not its figure', () => {
    expect(found('青松工厂3家、5G松厂12家，均居全国第一。').slice(2)).toEqual(['青松工厂|1位', '5G松厂|1位']);
  });
});

describe('age bounds', () => {
  const flags = (p: string) =>
    extractIndicators(p, 0, review).map((i) => `${i.value}${i.unit}${i.qualifier ?? ''}|${i.threshold}`);
  test('an age bound or range before the people it names defines the group', () => {
    expect(flags('为青松镇2岁以下幼儿发放补贴。')).toEqual(['2岁以下|true']);
    expect(flags('为柏树村70岁以上老人体检。')).toEqual(['70岁以上|true']);
    expect(flags('为全镇0—3岁幼儿免费筛查。')).toEqual(['0岁|true']);
  });

  test('…while an age reached is an amount', () => {
    expect(flags('人均预期寿命从79.1岁提升至80.3岁。')).toEqual(['79.1岁|false', '80.3岁|false']);
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

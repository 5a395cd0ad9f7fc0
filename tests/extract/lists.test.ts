import { describe, expect, test } from 'vitest';
import { findLists } from '../../src/extract/entities/lists.ts';
import { findSingletons } from '../../src/extract/entities/singletons.ts';

describe('list and suffix patterns', () => {
  test('reads A、B等…category lists, starting after the lead verb', () => {
    expect(findLists('成功引进中国节能、兴发集团等上市公司投资').map((i) => [i.kind, i.name])).toEqual([
      ['enterprise', '中国节能'],
      ['enterprise', '兴发集团'],
    ]);
    expect(findLists('全面完成肖严湖、龙骨湖等13个湖泊退垸还湖').map((i) => [i.kind, i.name])).toEqual([
      ['place', '肖严湖'],
      ['place', '龙骨湖'],
    ]);
    expect(findLists('谋划实施现代农业产业园一期、九条河综合整治等重大项目').map((i) => [i.kind, i.name])).toEqual([
      ['project', '现代农业产业园一期'],
      ['project', '九条河综合整治'],
    ]);
  });

  test('finds named works, honoured holders and shared 集团 names on their own', () => {
    const names = (p: string) => findSingletons(p).map((s) => `${s.kind}:${s.name}`);
    expect(names('武天高速如期开工建设，沿江高铁天门段进展顺利。')).toEqual([
      'project:武天高速',
      'project:沿江高铁天门段',
    ]);
    expect(names('侯口街道友谊社区获评全国民主法治示范社区。')).toEqual(['place:侯口街道', 'place:友谊社区']);
    expect(names('深入推进国投、高新投集团改革。')).toEqual(['enterprise:国投', 'enterprise:高新投集团']);
  });
});

import { describe, expect, test } from 'vitest';
import { findGoals } from '../../src/extract/goals.ts';

const brief = (p: string) => findGoals(p).map((g) => `${g.action}:${g.name}`);

describe('findGoals', () => {
  test('finds a designation after its verb, with the core verb as action', () => {
    expect(brief('深入开展违法建设治理等行动，力争创成全国文明城市。')).toEqual(['创成:全国文明城市']);
    expect(brief('岳口镇获评中国曲艺之乡。')).toEqual(['获评:中国曲艺之乡']);
  });

  test('splits a list of designations after one verb', () => {
    expect(brief('加快打造国家农业现代化示范区、全省流域综合治理示范区和华中地区蔬菜集散基地。')).toEqual([
      '打造:国家农业现代化示范区',
      '打造:全省流域综合治理示范区',
      '打造:华中地区蔬菜集散基地',
    ]);
  });

  test('finds designations written before 创建', () => {
    expect(brief('全国文明城市、国家生态园林城市创建稳步推进。')).toEqual([
      '创建:全国文明城市',
      '创建:国家生态园林城市',
    ]);
  });

  test('drops 名单 and leaves counted designations to the indicators', () => {
    expect(brief('我市入选国家农业现代化示范区创建名单。创建省级美丽乡村典型示范村3个。')).toEqual([
      '入选:国家农业现代化示范区',
    ]);
  });

  test('does not take generic works for goals', () => {
    expect(brief('建设城市可回收物分拣中心，打造有影响力的电商企业5家。')).toEqual([]);
  });
});

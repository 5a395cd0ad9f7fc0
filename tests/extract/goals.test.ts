import { describe, expect, test } from 'vitest';
import { findGoals } from '../../src/extract/entities/goals.ts';

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

describe('strategic positionings and honours', () => {
  test('a positioning is a goal when its name has a scope or a strong suffix', () => {
    expect(brief('打造青岚地区对外开放新高地等重大使命任务。')).toEqual(['打造:青岚地区对外开放新高地']);
    // A bare 综合交通枢纽 is a kind of facility; the ranked 重要节点 is the positioning.
    expect(brief('建设松河重要节点和综合交通枢纽。')).toEqual(['建设:松河重要节点']);
    expect(brief('建设城市可回收物分拣中心。')).toEqual([]);
    expect(brief('成为区域科技创新中心。')).toEqual(['成为:区域科技创新中心']);
  });

  test('和 splits a list only after a whole designation', () => {
    expect(brief('建设特色装备和先进制造基地、青岚中游生态屏障6个方面重点方向。')).toEqual([
      '建设:特色装备和先进制造基地',
      '建设:青岚中游生态屏障',
    ]);
  });

  test('honours won or sought with other verbs', () => {
    expect(brief('青岚机场成为国家绿色低碳示范项目。')).toEqual(['成为:国家绿色低碳示范项目']);
    expect(brief('积极申建国家自贸试验区，争取国家算力协同试点。')).toEqual([
      '申建:国家自贸试验区',
      '争取:国家算力协同试点',
    ]);
    expect(brief('争取国家政策支持，打造一批示范项目。')).toEqual([]);
  });
});

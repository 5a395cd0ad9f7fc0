import { describe, expect, test } from 'vitest';
import {
  METRIC_KEYS,
  metricKeyEntry,
  metricKeyFor,
  normaliseMetric,
  unitFamilyOf,
} from '../../src/domain/metric-keys.ts';

describe('metricKeyFor', () => {
  test.each([
    ['地区生产总值增长', '%', 'GDP_GROWTH'],
    ['全省生产总值增长', '%', 'GDP_GROWTH'],
    ['今年全市地区生产总值同比增长', '%', 'GDP_GROWTH'],
    ['GDP增长', '%', 'GDP_GROWTH'],
    ['地区生产总值', '元', 'GDP_TOTAL'],
    ['一般公共预算收入同口径增长', '%', 'GENERAL_BUDGET_REVENUE_GROWTH'],
    ['地方一般公共预算收入', '元', 'GENERAL_BUDGET_REVENUE'],
    ['规上工业增加值增长', '%', 'INDUSTRIAL_VALUE_ADDED_GROWTH'],
    ['城镇调查失业率', '%', 'URBAN_SURVEYED_UNEMPLOYMENT'],
    ['城镇新增就业', '人', 'NEW_URBAN_JOBS'],
    ['居民消费价格涨幅', '%', 'CPI'],
    ['农村居民人均可支配收入增长', '%', 'RURAL_RESIDENT_INCOME_GROWTH'],
    ['粮食产量', '斤', 'GRAIN_OUTPUT'],
    ['全社会研发经费支出相当于全省生产总值的比例', '%', 'RD_INTENSITY'],
    ['常住人口城镇化率', '%', 'URBANIZATION_RATE'],
    ['常住人口城镇化率提高', '个百分点', 'URBANIZATION_RATE_CHANGE'],
    ['单位地区生产总值能耗降低', '%', 'ENERGY_INTENSITY_REDUCTION'],
    ['外贸进出口总额增长', '%', 'FOREIGN_TRADE_GROWTH'],
  ])('%s in %s is %s', (metric, unit, key) => expect(metricKeyFor(metric, unit)).toBe(key));

  test.each([
    ['海洋生产总值增长', '%'],
    ['数字经济核心产业增加值增长', '%'],
    ['民间投资增长', '%'],
    ['增长', '%'],
  ])('a metric outside the dictionary (%s) gets no key', (metric, unit) =>
    expect(metricKeyFor(metric, unit)).toBeNull(),
  );

  test('the unit family decides: a growth wording in 亿元, or a total in %, gets no key', () => {
    expect(metricKeyFor('地区生产总值增长', '元')).toBeNull();
    expect(metricKeyFor('城镇新增就业', '%')).toBeNull();
  });

  test('scope words are stripped only at the start', () => {
    expect(normaliseMetric('全省 地区生产总值增长')).toBe('地区生产总值增长');
    expect(normaliseMetric('“十五五”全省')).toBe('十五五全省');
  });
});

describe('the dictionary', () => {
  test('keys are unique, SCREAMING_SNAKE, with a label and a known unit family', () => {
    const keys = METRIC_KEYS.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of METRIC_KEYS) {
      expect(e.key).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(e.label.length).toBeGreaterThan(0);
      expect(metricKeyEntry(e.key)).toBe(e);
    }
    expect(unitFamilyOf('%')).toBe('percent');
    expect(unitFamilyOf('座')).toBeNull();
  });
});

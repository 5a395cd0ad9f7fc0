import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { CORPUS_DIR, corpusFiles } from '../support/fixtures.ts';

/** The indicators stated in a report's 主要预期目标 paragraph (the next paragraph when it is a heading). */
function mainTargets(file: string) {
  const graph = extractReportGraph(readFileSync(path.join(CORPUS_DIR, file)));
  const text = graph.report.text;
  const at = text.indexOf('主要预期目标');
  if (at < 0) return [];
  let end = text.indexOf('\n', at);
  if (end - at <= '主要预期目标'.length + 1) end = text.indexOf('\n', end + 1);
  return graph.indicators.filter((i) => i.start >= at && i.end <= end);
}

describe('canonical metric keys over the corpus', () => {
  const rows = corpusFiles().flatMap((f) => mainTargets(f).map((i) => ({ file: f, ...i })));

  test('at least 90% of the 主要预期目标 indicators get a metricKey', () => {
    expect(rows.length).toBeGreaterThan(40);
    const keyed = rows.filter((r) => r.metricKey !== undefined);
    expect(keyed.length / rows.length).toBeGreaterThanOrEqual(0.9);
  });

  // A checked sample: the headline keys every report states, read by hand against their metrics.
  test('the keys given to the headline targets are right', () => {
    const expectations: [RegExp, string][] = [
      [/生产总值.*增长|GDP增长/, 'GDP_GROWTH'],
      [/城镇调查失业率/, 'URBAN_SURVEYED_UNEMPLOYMENT'],
      [/居民消费价格/, 'CPI'],
      [/一般公共预算收入.*增长/, 'GENERAL_BUDGET_REVENUE_GROWTH'],
      [/城镇新增就业/, 'NEW_URBAN_JOBS'],
      [/粮食.*产量/, 'GRAIN_OUTPUT'],
    ];
    let checked = 0;
    for (const r of rows) {
      for (const [pattern, key] of expectations) {
        if (!pattern.test(r.metric) || /人均|单位/.test(r.metric)) continue;
        expect({ metric: r.metric, key: r.metricKey }).toEqual({ metric: r.metric, key });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});

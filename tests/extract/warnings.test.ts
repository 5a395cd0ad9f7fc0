import { describe, expect, test } from 'vitest';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { seedText } from '../support/graphs.ts';

describe('extraction warnings', () => {
  test('a real report extracts without warnings', () => {
    expect(extractReportGraph(seedText()).warnings).toEqual([]);
  });

  test('a report cut off half-way still gives a graph, with a TRUNCATED warning', () => {
    const text = seedText();
    const cut = text.slice(0, Math.floor(text.length / 2));
    const graph = extractReportGraph(cut.slice(0, cut.lastIndexOf('，') + 3));
    expect(graph.indicators.length).toBeGreaterThan(50);
    expect(graph.warnings.map((w) => w.code)).toContain('TRUNCATED');
  });

  test('an unknown region and a missing date are named', () => {
    const text = seedText()
      .replace(/——2022年12月27日在天门市第九届人民代表大会第二次会议上/, '')
      .replace('政府工作报告', '某某县政府工作报告');
    const codes = extractReportGraph(text).warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['REGION_UNKNOWN', 'NO_DATE']));
  });

  test('a duplicated part is named', () => {
    const text = seedText();
    const part3 = text.slice(text.indexOf('三、全面加强政府自身建设'));
    const codes = extractReportGraph(`${text}\n${part3}`).warnings.map((w) => w.code);
    expect(codes).toContain('DUPLICATE_SECTION');
  });
});

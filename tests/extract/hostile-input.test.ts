import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { readInputFile } from '../../src/cli/read-input.ts';
import { ReportGraphSchema } from '../../src/domain/report-graph.ts';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { seedText } from '../support/graphs.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'plangraph-hostile-'));
const fails = (input: Uint8Array | string) => {
  try {
    extractReportGraph(input);
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected the extraction to fail');
};

describe('bad input to the extractor: a clear coded error, or a valid graph with warnings', () => {
  test('an empty file', () => {
    expect(fails(new Uint8Array())).toMatchObject({ code: 'NOT_A_REPORT', message: 'the input is empty' });
    expect(fails('   \n\n  ')).toMatchObject({ code: 'NOT_A_REPORT' });
  });

  test('a binary file (an image)', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 0)]);
    expect(fails(png)).toMatchObject({ code: 'NOT_A_REPORT', message: expect.stringMatching(/binary/) });
  });

  test('a 50 MB text file is refused before it is read, and an oversized text fails fast', () => {
    const big = path.join(tmp, 'big.txt');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x61));
    expect(() => readInputFile(big)).toThrowError(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/is 50 MB; a report file may be at most 20 MB/),
      }),
    );
    const t0 = Date.now();
    expect(fails('各位代表：\n' + '一'.repeat(3_000_000))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  test('an HTML page that contains a report', () => {
    const body = seedText()
      .split('\n')
      .map((line) => `<p style="text-indent:2em">${line.replace(/&/g, '&amp;')}</p>`)
      .join('\n');
    const html = `<!DOCTYPE html><html><head><title>政府工作报告</title><script>var x = "各位代表：";</script><style>p{}</style></head><body><div class="nav">首页 &gt; 要闻</div>${body}</body></html>`;
    const graph = extractReportGraph(html);
    expect(graph.report.region.name).toBe('天门市');
    expect(graph.sections.filter((s) => s.level === 1)).toHaveLength(3);
    expect(graph.indicators.length).toBeGreaterThan(150);
    for (const i of graph.indicators) expect(graph.report.text.slice(i.start, i.end)).toBe(i.text);
  });

  test('a GBK- or GB18030-encoded report gives the graph of its text', () => {
    // GB18030 covers all of Unicode: the very same graph. GBK lacks a few symbols, which become
    // '?': the graph of that text.
    expect(extractReportGraph(iconv.encode(seedText(), 'gb18030'))).toEqual(extractReportGraph(seedText()));
    const gbk = iconv.encode(seedText(), 'gbk');
    const fromGbk = extractReportGraph(gbk);
    expect(fromGbk).toEqual(extractReportGraph(iconv.decode(gbk, 'gbk')));
    expect(fromGbk.indicators.length).toBe(extractReportGraph(seedText()).indicators.length);
  });

  test('a report cut off half-way, duplicated sections and headings in odd places give valid graphs with warnings', () => {
    const text = seedText();
    const cut = extractReportGraph(text.slice(0, Math.floor(text.length * 0.6)));
    expect(ReportGraphSchema.safeParse(cut).success).toBe(true);
    const part2 = text.slice(text.indexOf('二、2023年'), text.indexOf('三、全面加强'));
    const doubled = extractReportGraph(text + '\n' + part2);
    expect(doubled.warnings.map((w) => w.code)).toContain('DUPLICATE_SECTION');
    // A chapter heading glued into a paragraph, and a part heading repeated at the very end.
    const odd = extractReportGraph(
      text.replace('招商引资成效明显。', '（七）招商引资成效明显。').concat('\n一、2022年工作回顾\n'),
    );
    expect(ReportGraphSchema.safeParse(odd).success).toBe(true);
    expect(odd.indicators.length).toBeGreaterThan(150);
  });

  test('an English text', () => {
    const english =
      'Report on the Work of the Government\n\nFellow deputies,\n\nOn behalf of the State Council, I will now report to you on the work of the government. GDP grew by 5 percent.';
    expect(fails(english)).toMatchObject({
      code: 'NOT_A_REPORT',
      message: expect.stringMatching(/no recognisable report structure/),
    });
  });

  test('a file that is not readable', () => {
    // Tests run as root here, so file modes do not stop a read: a directory and a kernel file
    // that refuses reads stand in for an unreadable file.
    expect(() => readInputFile(tmp)).toThrowError(
      expect.objectContaining({ code: 'IO', message: expect.stringMatching(/is a directory/) }),
    );
    expect(() => readInputFile('/proc/self/mem')).toThrowError(
      expect.objectContaining({ code: 'IO', message: expect.stringMatching(/cannot read \/proc\/self\/mem/) }),
    );
  });
});

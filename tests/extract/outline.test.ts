import { describe, expect, test } from 'vitest';
import { parseOutline } from '../../src/extract/outline.ts';

const brief = (text: string) =>
  parseOutline(text).sections.map((s) => `${s.id} ${s.level} ${s.marker ?? '-'} ${s.title}`);

describe('parseOutline', () => {
  test('finds parts, chapters, lead phrases and inline lead phrases', () => {
    const text = [
      '下载',
      '打印',
      '2023年某市政府工作报告',
      '来源：某日报',
      '各位代表：',
      '一、2022年工作回顾',
      '（一）聚力抓项目扩投资，发展基础持续夯实。',
      '招商引资成效明显。全年新签协议项目170个。',
      '二、2023年目标任务',
      '（一）一体推进城乡融合，在促进区域协调上实现新突破。',
      '推进基础设施共建。聚焦互联互通。推动交通运输一体化。建设高速。推动供水保障一体化。加快水厂建设。',
      '三、全面加强政府自身建设',
      '（一）始终坚持依法行政。深入贯彻习近平法治思想。',
      '相关报道：',
      '某新闻',
    ].join('\n');
    expect(brief(text)).toEqual([
      'S1 1 一、 2022年工作回顾',
      'S1.1 2 （一） 聚力抓项目扩投资，发展基础持续夯实。',
      'S1.1.1 3 - 招商引资成效明显。',
      'S2 1 二、 2023年目标任务',
      'S2.1 2 （一） 一体推进城乡融合，在促进区域协调上实现新突破。',
      'S2.1.1 3 - 推进基础设施共建。',
      'S2.1.1.1 4 - 推动交通运输一体化。',
      'S2.1.1.2 4 - 推动供水保障一体化。',
      'S3 1 三、 全面加强政府自身建设',
      'S3.1 2 （一） 始终坚持依法行政。',
    ]);
  });

  test('finds parts without 一、 markers and mends a chapter marker broken over two lines', () => {
    const text = [
      '各位代表：',
      '“十四五”时期工作回顾',
      '（',
      '一）经济运行稳中有进。',
      '全省生产总值增长5%。',
      '2026年重点工作',
      '（一）扩大内需',
    ].join('\n');
    expect(brief(text)).toEqual([
      'S1 1 - “十四五”时期工作回顾',
      'S1.1 2 （一） 经济运行稳中有进。',
      'S2 1 - 2026年重点工作',
      'S2.1 2 （一） 扩大内需',
    ]);
  });

  test('keeps appendices apart from the outline', () => {
    const text = [
      '各位代表：',
      '一、工作回顾',
      '正文。',
      '二、2026年工作安排',
      '正文。',
      '附件1',
      '2026年省十件民生实事',
      '名词解释',
      '1.“四上”企业：指…',
    ].join('\n');
    const outline = parseOutline(text);
    expect(outline.sections.filter((s) => s.part === 'appendix').map((s) => s.title)).toEqual(['附件1', '名词解释']);
    expect(outline.sections.filter((s) => s.part === 'body').map((s) => s.title)).toEqual([
      '工作回顾',
      '2026年工作安排',
    ]);
  });

  test('says why a text is not a report', () => {
    expect(() => parseOutline('hello world\nthis is English')).toThrowError(
      expect.objectContaining({
        code: 'NOT_A_REPORT',
        message: expect.stringMatching(/no recognisable report structure/),
      }),
    );
  });
});

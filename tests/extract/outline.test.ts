import { describe, expect, test } from 'vitest';
import { parseOutline } from '../../src/extract/outline/outline.ts';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { seedText } from '../support/graphs.ts';

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
      '推进基础设施共建。聚焦互联互通。推动交通运输一体化。建设高速，改造国道。推动供水保障一体化。加快水厂建设，完善管网。',
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

  test('—— items are level-2 sections of one paragraph each, titled without the dashes', () => {
    const text = [
      '各位代表：',
      '一、“十四五”时期工作回顾',
      '五年来，全市发展取得新成就。',
      '——经济实力稳步提升。全市生产总值年均增长6%。',
      '——生态环境持续改善。森林覆盖率达到40%。',
      '五年来，政府自身建设取得新成效。依法行政深入推进。',
      '二、2026年工作安排',
      '（一）扩大内需',
    ].join('\n');
    const outline = parseOutline(text);
    expect(brief(text)).toEqual([
      'S1 1 一、 “十四五”时期工作回顾',
      'S1.1 2 —— 经济实力稳步提升。',
      'S1.2 2 —— 生态环境持续改善。',
      'S2 1 二、 2026年工作安排',
      'S2.1 2 （一） 扩大内需',
    ]);
    const second = outline.sections[2]!;
    expect(text.slice(second.start, second.end)).toBe('——生态环境持续改善。森林覆盖率达到40%。');
  });

  test('a new time frame ends the chapter; lead paragraphs of a part without chapters are level 3 under it', () => {
    const text = [
      '各位代表：',
      '一、工作回顾',
      '——城乡面貌明显改善。新建道路100公里。',
      '刚刚过去的一年，我们迎难而上。',
      '加强科技创新，驱动产业转型。全年研发投入增长8%。',
      '招商引资成效明显。新签项目50个。',
      '二、全面加强政府自身建设',
      '不负人民期待，持续提高行政效能，努力建设人民满意的政府。',
      '坚持依法行政。推进严格规范公正文明执法。',
      '狠抓工作落实。发扬钉钉子精神。',
    ].join('\n');
    expect(brief(text)).toEqual([
      'S1 1 一、 工作回顾',
      'S1.1 2 —— 城乡面貌明显改善。',
      'S1.2 3 - 加强科技创新，驱动产业转型。',
      'S1.3 3 - 招商引资成效明显。',
      'S2 1 二、 全面加强政府自身建设',
      'S2.1 3 - 坚持依法行政。',
      'S2.2 3 - 狠抓工作落实。',
    ]);
    const chapter = parseOutline(text).sections[1]!;
    expect(text.slice(chapter.start, chapter.end)).toBe('——城乡面貌明显改善。新建道路100公里。');
  });

  test('two-clause leads must be short and parallel, not framing', () => {
    const text = [
      '各位代表：',
      '一、工作回顾',
      '这五年，发展质量稳步提升。全市生产总值增长。',
      '同时，我们也清醒认识到困难。问题仍然不少。',
      '统筹城乡发展，建设美丽乡村。新建示范村20个。',
    ].join('\n');
    expect(brief(text).slice(1)).toEqual(['S1.1 3 - 统筹城乡发展，建设美丽乡村。']);
  });

  test('short task sentences in a row are not level-4 leads: a lead is followed by its elaboration', () => {
    const text = [
      '各位代表：',
      '一、2026年工作安排',
      '打造良好生态环境。实施大气治理行动，巩固成果。强化流域监管。实施固废治理行动。做好督察整改。实施能源替代行动。推进生态建设。',
    ].join('\n');
    expect(brief(text)).toEqual(['S1 1 一、 2026年工作安排', 'S1.1 3 - 打造良好生态环境。']);
  });

  test('a series of paragraphs opening with the same time frame and a topic are level-3 leads', () => {
    const text = [
      '各位代表：',
      '一、“十四五”时期工作回顾',
      '过去五年，是极不平凡的五年。我们奋发进取。',
      '这五年，经济实力稳步提升，产业结构持续优化。全市生产总值增长。',
      '这五年，改革开放纵深推进，动力活力持续增强。经营主体增加。',
      '这五年，民生保障扎实稳固。城镇新增就业。',
      '刚刚过去的2025年，我们顶住压力。全年生产总值增长。',
    ].join('\n');
    expect(brief(text)).toEqual([
      'S1 1 一、 “十四五”时期工作回顾',
      'S1.1 3 - 这五年，经济实力稳步提升，产业结构持续优化。',
      'S1.2 3 - 这五年，改革开放纵深推进，动力活力持续增强。',
      'S1.3 3 - 这五年，民生保障扎实稳固。',
    ]);
  });

  test('a chapter paragraph that enumerates its topics has them as level-4 leads', () => {
    const text = [
      '各位代表：',
      '一、“十五五”时期主要目标',
      '（一）经济转型取得重大进展。农业提质、工业升级、服务业扩容取得明显成效。推动农业提质增效。建设农田，培育品牌。加快推进工业升级。培育集群，改造车间。促进服务业扩容。发展物流，繁荣商贸。',
    ].join('\n');
    expect(brief(text)).toEqual([
      'S1 1 一、 “十五五”时期主要目标',
      'S1.1 2 （一） 经济转型取得重大进展。',
      'S1.1.1 4 - 推动农业提质增效。',
      'S1.1.2 4 - 加快推进工业升级。',
      'S1.1.3 4 - 促进服务业扩容。',
    ]);
  });

  test('mends lines a web page broke (…的 / 主要目标 / 是：…, a bare subscript number), keeping offsets', () => {
    const text = [
      '各位代表：',
      '一、2026年工作安排',
      '今年经济社会发展的',
      '主要预期目标',
      '是：生产总值增长5%。',
      '城市细颗粒物PM',
      '2.5',
      '平均浓度下降。',
    ].join('\n');
    const outline = parseOutline(text);
    expect(outline.sections.map((s) => s.title)).toEqual(['2026年工作安排']);
    const [, , goal, air] = outline.body;
    expect(goal!.content).toBe('今年经济社会发展的 主要预期目标 是：生产总值增长5%。');
    expect(air!.content).toBe('城市细颗粒物PM 2.5 平均浓度下降。');
    for (const line of outline.body) expect(line.content.length).toBe(line.end - line.start);
    expect(text.slice(goal!.start + 19, goal!.end)).toBe('生产总值增长5%。');
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

describe('appendices', () => {
  test('an appendix listing the plan year’s works states that year’s targets; a glossary states none', () => {
    const text = `${seedText()}\n附件1\n2023年市十件民生实事\n一、新建青松社区食堂。\n新建青松社区食堂120个。\n名词解释\n1.青松指数：\n年营业收入2000万元及以上的企业。\n`;
    const g = extractReportGraph(text);
    const appendix = g.sections.filter((s) => s.part === 'appendix');
    const inside = g.indicators.filter((i) => appendix.some((s) => s.start <= i.start && i.start < s.end));
    expect(inside.map((i) => `${i.kind}|${i.year}|${i.value}${i.unit}|${i.text}`)).toContain(
      'target|2023|120个|新建青松社区食堂120个',
    );
    expect(inside.some((i) => i.text.includes('2000万元'))).toBe(false);
  });
});

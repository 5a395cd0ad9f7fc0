/** One line of the decoded text with its offsets; `content` is trimmed, [start, end) spans it. */
export interface Line {
  index: number;
  content: string;
  start: number;
  end: number;
}

const SPACE = /[\s\u3000\u00a0\u200b]/;

/** Splits text into non-empty lines with offsets of their trimmed content. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    let s = 0;
    let e = raw.length;
    while (s < e && SPACE.test(raw[s]!)) s++;
    while (e > s && SPACE.test(raw[e - 1]!)) e--;
    if (e > s) lines.push({ index: lines.length, content: raw.slice(s, e), start: offset + s, end: offset + e });
    offset += raw.length + 1;
  }
  return lines;
}

// Web-page furniture around reports copied from news sites: toolbars, font-size switches,
// breadcrumbs, share buttons (下载 / 打印 / 【字号：加大 还原 减小】 / 分享到微信 …).
const CHROME =
  /^(下载|打印|全屏|收藏|关闭|返回顶部|【?字号[：:]?|【?字体[：:]?|加大|还原|减小|大|中|小|】|【|>|首页|您的位置[：:]?|分享到[：:]?.*|×|\|+|扫一扫.*|打印本页|关闭窗口)$/;
const SOURCE_LINE = /^(来源|时间|发布时间|作者|责任编辑|编辑|字号)[：:]/;
const DATE_TIME = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?$/;
// Photo captions: "殷勇同志作政府工作报告。本报记者 戴冰摄", "新甘肃·甘肃日报记者 盛学卿".
const CAPTION = /(记者|通讯员|摄影)[\s\u3000]*[\u4e00-\u9fa5·]{2,6}(摄)?$|摄$/;

/** True for lines that are page furniture rather than report text. */
export function isClutterLine(content: string): boolean {
  if (CHROME.test(content) || SOURCE_LINE.test(content) || DATE_TIME.test(content)) return true;
  if (content.length <= 60 && CAPTION.test(content)) return true;
  if (/^》》.*《《$/.test(content)) return true;
  return false;
}

/** Lines that end the report on news pages: everything from here on is the site's, not the report's. */
export const TRAILER = /^(相关报道|相关文档|相关新闻|相关阅读|延伸阅读|责任编辑|【纠错】|扫一扫|分享到)/;

/** Appendix openers after the closing line: 附件1 / 附件：… / 名词解释. */
export const APPENDIX = /^(附件\s*[0-9一二三四五六七八九十]*[：:]?.{0,30}|名词解释|附[：:]?\s*名词解释)$/;

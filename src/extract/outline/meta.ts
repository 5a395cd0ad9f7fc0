import { createHash } from 'node:crypto';
import type { Report } from '#domain/report-graph.ts';
import { loadGazetteer, type Division } from '#gazetteer/gazetteer.ts';
import type { Line } from './lines.ts';
import { parseNumeral } from '../quantities/numbers.ts';

const MEETING = /在(.{2,20}?)(第?[一二三四五六七八九十]+届人民代表大会第[一二三四五六七八九十]+次会议)/;
const DATE = /([0-9〇零一二三四五六七八九]{4})年([0-9一二三四五六七八九十]{1,3})月([0-9一二三四五六七八九十]{1,3})日/;
const SPEAKER =
  /^(.{0,16}?(?:省长|市长|州长|县长|区长|主席|代省长|代市长|盟长|旗长))[\s\u3000]*([\u4e00-\u9fa5][\u4e00-\u9fa5\s\u3000]{1,4})$/;

function cnYear(raw: string): number | null {
  if (/^\d{4}$/.test(raw)) return Number(raw);
  const digits = raw
    .replace(/[〇零]/g, '0')
    .replace(/[一二三四五六七八九]/g, (c) => String('一二三四五六七八九'.indexOf(c) + 1));
  return /^\d{4}$/.test(digits) ? Number(digits) : null;
}

function cnSmall(raw: string): number | null {
  const v = parseNumeral(raw);
  return v === null ? null : Number(v);
}

/** The region a report speaks for, from its meeting line (在天门市第九届…) or title. */
export function resolveRegion(name: string | null): Report['region'] {
  if (!name) return { name: '未知', level: 'unknown', code: null };
  const gazetteer = loadGazetteer();
  const candidates: Division[] = gazetteer.byName.get(name) ?? [];
  const best =
    candidates.find((d) => d.level === 'province') ?? candidates.find((d) => d.level === 'city') ?? candidates[0];
  if (best && (best.level === 'province' || best.level === 'city' || best.level === 'county')) {
    return { name, level: best.level, code: best.code };
  }
  const level = /省|自治区$/.test(name)
    ? 'province'
    : /市$/.test(name)
      ? 'city'
      : /县|区$/.test(name)
        ? 'county'
        : 'unknown';
  return { name, level, code: null };
}

/** The report fields read from its header; id, text and hash are added by the pipeline. */
export type ReportMeta = Omit<Report, 'id' | 'text' | 'sha256'>;

/**
 * Reads title, region, delivery date, meeting, speaker and years from the header lines.
 * @param planYearHint a year named in a plan part's heading (2023年总体思路和目标任务), if any
 */
export function extractMeta(header: Line[], text: string, planYearHint: number | null): ReportMeta {
  // The date/meeting line is sometimes broken in two (…在广东省第十四届 / 人民代表大会第五次会议上).
  const joined = header.map((l) => l.content).join('');
  const meeting = MEETING.exec(joined);
  const date = DATE.exec(joined);
  let deliveredOn: string | null = null;
  let deliveryYear: number | null = null;
  let deliveryMonth = 1;
  if (date) {
    deliveryYear = cnYear(date[1]!);
    const month = cnSmall(date[2]!);
    const day = cnSmall(date[3]!);
    if (deliveryYear && month && day) {
      deliveryMonth = month;
      deliveredOn = `${deliveryYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
  }
  const titleLine = header.find((l) => /政府工作报告/.test(l.content) && l.content.length <= 30);
  const titleRegion = /^(?:\d{4}年)?(.{2,12}?)政府工作报告$/.exec(titleLine?.content ?? '')?.[1] ?? null;
  let regionName = meeting?.[1]?.replace(/^[\s——]+/, '') ?? titleRegion;
  if (regionName && !/(省|市|区|县|州|盟|旗)$/.test(regionName)) regionName = titleRegion ?? regionName;
  const region = resolveRegion(regionName);
  let speaker: string | null = null;
  let speakerTitle: string | null = null;
  for (const l of header) {
    const m = SPEAKER.exec(l.content);
    if (m) {
      speakerTitle = m[1]!.trim();
      speaker = m[2]!.replace(/[\s\u3000]/g, '');
      break;
    }
  }
  if (!speaker) {
    const bare = header.find(
      (l) => /^[\u4e00-\u9fa5]{2,4}$/.test(l.content) && !/政府工作报告|各位代表/.test(l.content),
    );
    speaker = bare?.content ?? null;
  }
  const fromDate = deliveryYear ? (deliveryMonth >= 9 ? deliveryYear + 1 : deliveryYear) : null;
  const planYear = planYearHint ?? fromDate ?? (Number(/(20\d\d)年/.exec(text)?.[1]) || new Date().getUTCFullYear());
  const title = titleLine?.content ?? `${region.name}政府工作报告`;
  return {
    title:
      title === '政府工作报告' || (title.endsWith('年政府工作报告') && !title.includes(region.name))
        ? `${planYear}年${region.name}政府工作报告`
        : title,
    region,
    deliveredOn,
    meeting: meeting ? `${meeting[1]}${meeting[2]}` : null,
    speaker,
    speakerTitle,
    reviewYear: planYear - 1,
    planYear,
  };
}

/** Stable report id: region + plan year + the first 12 hex digits of the text's sha256. */
export function reportIdFor(regionName: string, planYear: number, sha256: string): string {
  return `${regionName}-${planYear}-${sha256.slice(0, 12)}`;
}

export function sha256Of(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

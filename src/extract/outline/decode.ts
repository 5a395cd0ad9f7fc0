import iconv from 'iconv-lite';
import { AppError } from '#errors/app-error.ts';
import { mixesUtf8AndGbk } from './encoding-mix.ts';

export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: SourceEncoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Share of bytes that no text file has: NUL and the C0 controls other than \t \n \r \f. */
function controlRatio(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 64 * 1024);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12)) bad++;
  }
  return n === 0 ? 0 : bad / n;
}

/**
 * Decodes a report file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK (the
 * usual encoding of files saved on Chinese Windows). Line endings become LF, so that every
 * offset in the ReportGraph points into the returned text.
 * @throws AppError NOT_A_REPORT for empty or binary input, or one that mixes UTF-8 and GBK.
 */
export function decodeReport(input: Uint8Array | string): DecodedText {
  if (typeof input === 'string') return { text: normalizeText(input), encoding: 'utf-8' };
  if (input.length === 0) throw new AppError('the input is empty', 'NOT_A_REPORT');
  if (input[0] === 0xff && input[1] === 0xfe)
    return { text: normalizeText(iconv.decode(Buffer.from(input), 'utf-16le')), encoding: 'utf-16le' };
  if (input[0] === 0xfe && input[1] === 0xff)
    return { text: normalizeText(iconv.decode(Buffer.from(input), 'utf-16be')), encoding: 'utf-16be' };
  if (controlRatio(input) > 0.01) {
    throw new AppError('the input is binary (control bytes found), not a text report', 'NOT_A_REPORT');
  }
  const hasBom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
  try {
    return { text: normalizeText(utf8.decode(input)), encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    // Issue 18: half UTF-8, half GBK has no single decoding; refuse it rather than store junk.
    if (mixesUtf8AndGbk(input))
      throw new AppError(
        'the input mixes UTF-8 and GBK/GB18030 lines: convert the file to one encoding (UTF-8) first',
        'NOT_A_REPORT',
      );
    // Not valid UTF-8: GB18030 is a superset of GBK and GB2312, so it decodes all three.
    return { text: normalizeText(iconv.decode(Buffer.from(input), 'gb18030')), encoding: 'gb18030' };
  }
}

/** Drops a BOM and turns CRLF / CR line endings into LF. */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

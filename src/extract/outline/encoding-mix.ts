const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * True when a file that is not valid UTF-8 as a whole still has many lines that are: part of it
 * was saved as UTF-8 and part as GBK (issue 18: such a file decoded as GB18030 became a junk
 * report with no sections). Only lines with at least 6 non-ASCII bytes count: a GBK line of
 * Chinese that long is almost never valid UTF-8 by chance. Mixed means at least a tenth of the
 * counted lines on each side.
 */
export function mixesUtf8AndGbk(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const line = bytes.subarray(start, i);
    start = i + 1;
    let high = 0;
    for (const b of line) if (b >= 0x80) high++;
    if (high < 6) continue;
    try {
      utf8.decode(line);
      valid++;
    } catch {
      invalid++;
    }
  }
  const counted = valid + invalid;
  return counted >= 4 && valid >= counted * 0.1 && invalid >= counted * 0.1;
}

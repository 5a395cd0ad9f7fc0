import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { decodeReport } from '../../src/extract/outline/decode.ts';

// Issue 18, Ingest: a file half UTF-8 and half GBK was stored as a junk report with 0 sections.
describe('mixed encodings', () => {
  const seed = readFileSync('/work/shared/seeds/tianmen-2023.txt', 'utf8');
  const half = Math.floor(seed.length / 2);

  test('half UTF-8, half GBK is refused with NOT_A_REPORT naming the mix', () => {
    const mixed = Buffer.concat([Buffer.from(seed.slice(0, half), 'utf8'), iconv.encode(seed.slice(half), 'gbk')]);
    expect(() => decodeReport(mixed)).toThrow(
      expect.objectContaining({ code: 'NOT_A_REPORT', message: expect.stringMatching(/mixes UTF-8 and GBK/) }),
    );
  });

  test('whole GBK and GB18030 files of every corpus report still decode to their text', () => {
    const dir = '/work/shared/corpus';
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(path.join(dir, file), 'utf8')
        .replace(/\r\n?/g, '\n')
        .replace(/^\uFEFF/, '');
      for (const encoding of ['gbk', 'gb18030']) {
        const decoded = decodeReport(iconv.encode(text, encoding));
        expect(decoded.encoding, `${file} ${encoding}`).toBe('gb18030');
        if (encoding === 'gb18030') expect(decoded.text === text, file).toBe(true);
      }
    }
  });
});

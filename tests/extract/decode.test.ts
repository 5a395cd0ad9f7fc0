import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { decodeReport } from '../../src/extract/outline/decode.ts';

describe('decodeReport', () => {
  const text = '各位代表：\n一、2022年工作回顾\n';

  test('reads UTF-8 with and without BOM, and turns CRLF into LF', () => {
    expect(decodeReport(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
    expect(
      decodeReport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'))])),
    ).toEqual({ text, encoding: 'utf-8-bom' });
  });

  test('detects GB18030/GBK', () => {
    expect(decodeReport(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gb18030' });
  });

  test('refuses empty and binary input with a coded error', () => {
    expect(() => decodeReport(new Uint8Array())).toThrowError(
      expect.objectContaining({ code: 'NOT_A_REPORT', message: 'the input is empty' }),
    );
    expect(() =>
      decodeReport(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
    ).toThrowError(/binary/);
  });
});

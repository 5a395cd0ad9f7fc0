import { describe, expect, test } from 'vitest';
import { csvField, toCsv } from '../../src/explorer/src/csv.ts';

describe('the progress CSV', () => {
  test('quotes a field only when it holds a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('新建高标准农田')).toBe('新建高标准农田');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(-3.89)).toBe('-3.89');
  });

  test('a document: byte-order mark, CRLF rows, every row as wide as the header', () => {
    const text = toCsv(
      ['id', 'target'],
      [
        ['x/I1', '10万亩'],
        ['x/G2', '“一江三河”,治理'],
      ],
    );
    expect(text).toBe('\uFEFFid,target\r\nx/I1,10万亩\r\nx/G2,"“一江三河”,治理"\r\n');
  });
});

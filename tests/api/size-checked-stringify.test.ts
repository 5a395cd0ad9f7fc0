import { describe, expect, test } from 'vitest';
import { sizeCheckedStringify } from '../../src/api/protection/response-size.ts';

describe('sizeCheckedStringify', () => {
  test('an answer within the ceiling is its JSON and a newline', () => {
    expect(sizeCheckedStringify(100)({ data: { a: 1 } })).toBe('{"data":{"a":1}}\n');
  });

  test('the ceiling counts UTF-8 bytes, not characters', () => {
    const value = { data: { t: '文'.repeat(20) } }; // 32 characters, 72 bytes
    expect(JSON.parse(sizeCheckedStringify(80)(value)).data.t).toHaveLength(20);
    const refused = JSON.parse(sizeCheckedStringify(60)(value));
    expect(refused.data).toBeUndefined();
    expect(refused.errors[0].extensions.code).toBe('RESPONSE_TOO_LARGE');
    expect(refused.errors[0].message).toContain('60 bytes (MAX_RESPONSE_BYTES)');
  });
});

import stringWidth from 'string-width';
import { expect, test } from 'vitest';
import { formatTable } from '../../src/cli/format-table.ts';

test('aligns columns by display width, so CJK report ids line up with ASCII ones', () => {
  const table = formatTable(
    ['report', 'sections'],
    [
      ['天门市-2023-1c02f2f6302a', 120],
      ['河北省-2026-abcdef012345', 7],
      ['ascii-2026-000000000000', 45],
    ],
  );
  const lines = table.split('\n');
  expect(lines).toEqual([
    'report                    sections',
    '天门市-2023-1c02f2f6302a       120',
    '河北省-2026-abcdef012345         7',
    'ascii-2026-000000000000         45',
  ]);
  expect(new Set(lines.map((l) => stringWidth(l))).size).toBe(1);
});

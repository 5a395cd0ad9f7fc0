import { expect, test } from 'vitest';
import type { CliIo } from '../../src/cli/command.ts';
import { createProgress } from '../../src/cli/progress.ts';

const capture = () => {
  const err: string[] = [];
  const io: CliIo = { out: () => undefined, err: (t) => err.push(t), isTty: false };
  return { io, err };
};

test('in a pipe: one plain line per report, never cut, then a summary with the rate', () => {
  const { io, err } = capture();
  const progress = createProgress(io, 2, 'ingest');
  const long = `seeds/a.txt: created 天门市-2023-1c02f2f6302a (+${'9'.repeat(80)} nodes)`;
  progress.update(0.5, 'loading sections');
  progress.tick(long);
  progress.tick('seeds/b.txt: unchanged 河北省-2026-abcdef012345');
  expect(err[0]).toBe(`ingest 1/2 ${long}`);
  expect(err[1]).toBe('ingest 2/2 seeds/b.txt: unchanged 河北省-2026-abcdef012345');
  expect(err[2]).toMatch(/^ingest: 2 of 2 reports in \d+\.\d s \(\d+(\.\d+)?\/s\)$/);
  expect(err).toHaveLength(3);
});

test('a run stopped early still ends with a summary of what was done, once', () => {
  const { io, err } = capture();
  const progress = createProgress(io, 5, 'export', 'reports');
  progress.tick('one');
  progress.finish();
  progress.finish();
  expect(err.at(-1)).toMatch(/^export: 1 of 5 reports in /);
  expect(err).toHaveLength(2);
});

import { mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { migrate } from '../../src/store/migrate.ts';
import type { Store } from '../../src/store/open-store.ts';
import { ROOT, runPlangraph } from '../support/run-cli.ts';
import { openTestStore } from '../support/store.ts';
import { wipeData } from '../support/wipe.ts';

describe('ingest: bad files and racing loaders', () => {
  let store: Store;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'plangraph-ingest-files-'));
  beforeAll(async () => {
    store = await openTestStore();
    await migrate(store.executor);
  });
  beforeEach(() => wipeData(store.executor));
  afterAll(async () => {
    await wipeData(store.executor);
    await store.close();
  });
  const reports = async () =>
    (await store.executor.read({ text: 'MATCH (r:Report) RETURN r.regionName AS region ORDER BY region' })).map(
      (r) => r.region,
    );

  test('a directory with an oversized and an unreadable file loads the good reports and names both (exit 5)', async () => {
    const dir = mkdtempSync(path.join(tmp, 'dir-'));
    writeFileSync(path.join(dir, 'a-hebei.txt'), readFileSync(path.join(ROOT, 'seeds', 'corpus', 'hebei-2026.txt')));
    writeFileSync(path.join(dir, 'b-huge.txt'), '');
    truncateSync(path.join(dir, 'b-huge.txt'), 21 * 1024 * 1024); // sparse: 21 MB on paper
    symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'c-dangling.txt'));
    writeFileSync(path.join(dir, 'd-seed.txt'), readFileSync(path.join(ROOT, 'seeds', 'tianmen-2023.txt')));
    const run = await runPlangraph(['ingest', dir]);
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/b-huge\.txt: FAILED .*at most 20 MB/);
    expect(run.stderr).toMatch(/c-dangling\.txt: FAILED/);
    expect(run.stderr).toMatch(/2 of 4 reports failed/);
    expect(await reports()).toEqual(['天门市', '河北省']);
  }, 120_000);

  test('two ingests of the same new file at the same time: one creates it, the other finds it unchanged', async () => {
    const file = path.join(ROOT, 'seeds', 'tianmen-2023.txt');
    const runs = await Promise.all([runPlangraph(['ingest', file]), runPlangraph(['ingest', file])]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const said = runs.map((r) => /: (created|unchanged) /.exec(r.stderr)?.[1] ?? r.stderr).sort();
    expect(said).toEqual(['created', 'unchanged']);
    expect(runs.map((r) => r.stderr).join('\n')).not.toMatch(/ConstraintValidation|already exists/);
    expect(await reports()).toEqual(['天门市']);
  }, 120_000);
});

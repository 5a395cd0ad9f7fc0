import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CORPUS_DIR } from '../support/fixtures.ts';
import { ROOT, runPlangraph } from '../support/run-cli.ts';

const GOLD_DIR = path.join(ROOT, 'tests', 'fixtures', 'gold');
const GOLD = path.join(GOLD_DIR, 'shanxi-2026.gold.json');
const LINKS = path.join(GOLD_DIR, 'shanxi-2026.links.gold.json');
const REPORT = path.join(CORPUS_DIR, 'shanxi-2026.txt');

describe('eval --links', () => {
  test('scores SERVES (also at confidence ≥ 0.5, 0.7, 0.9) and PREVIOUS beside the entity categories', async () => {
    const r = await runPlangraph(['eval', '--gold', GOLD, '--links', LINKS, '--report', REPORT]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^indicators\s+[01]\.\d{3}/m);
    for (const row of [
      /^SERVES\s+[01]\.\d{3}/m,
      /^ {2}≥0\.5\s/m,
      /^ {2}≥0\.7\s/m,
      /^ {2}≥0\.9\s/m,
      /^PREVIOUS\s+[01]\.\d{3}/m,
    ])
      expect(r.stdout).toMatch(row);
    expect(r.stdout).toMatch(/right \d+, wrong \d+\)/);
    const json = await runPlangraph(['eval', '--gold', GOLD, '--links', LINKS, '--report', REPORT, '--json']);
    const scores = JSON.parse(json.stdout);
    expect(scores.links.serves).toMatchObject({ gold: 16 });
    expect(scores.links.previous).toMatchObject({ gold: 10 });
    expect(scores.links.servesAt.map((a: { minConfidence: number }) => a.minConfidence)).toEqual([0.5, 0.7, 0.9]);
  });

  test('a file that is not a links annotation is refused, naming the problem', async () => {
    const bad = path.join(mkdtempSync(path.join(os.tmpdir(), 'plangraph-links-')), 'links.json');
    writeFileSync(
      bad,
      JSON.stringify({ serves: [{ project: 'X', target: { type: 'place', id: 'P1' } }], previous: [] }),
    );
    const r = await runPlangraph(['eval', '--gold', GOLD, '--links', bad, '--report', REPORT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a links annotation: serves\.0\.target\.type/);
  });
});

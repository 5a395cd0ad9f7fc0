import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { GoldSchema, type Gold } from '../../src/eval/gold.ts';
import { LinksGoldSchema, scoreLinks, type LinkScores, type LinksGold } from '../../src/eval/links.ts';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { linkGoldEntities } from '../support/gold-graph.ts';
import { CORPUS_DIR } from '../support/fixtures.ts';
import { ROOT } from '../support/run-cli.ts';

const GOLD_DIR = path.join(ROOT, 'tests', 'fixtures', 'gold');
const report = () => readFileSync(path.join(CORPUS_DIR, 'shanxi-2026.txt'));

describe('links of shanxi-2026 against its links gold', () => {
  let gold: Gold;
  let links: LinksGold;
  beforeAll(() => {
    gold = GoldSchema.parse(JSON.parse(readFileSync(path.join(GOLD_DIR, 'shanxi-2026.gold.json'), 'utf8')));
    links = LinksGoldSchema.parse(JSON.parse(readFileSync(path.join(GOLD_DIR, 'shanxi-2026.links.gold.json'), 'utf8')));
  });

  describe('the linking rules on the gold’s own entities (the rules on their own, whatever entity extraction finds)', () => {
    let s: LinkScores;
    beforeAll(() => {
      s = scoreLinks(linkGoldEntities(report(), gold), gold, links);
    });
    test('SERVES precision ≥ 0.85 and recall ≥ 0.60', () => {
      expect(s.serves.precision).toBeGreaterThanOrEqual(0.85);
      expect(s.serves.recall).toBeGreaterThanOrEqual(0.6);
    });
    test('SERVES at confidence ≥ 0.9 is right at least 95% of the time', () => {
      const top = s.servesAt.find((a) => a.minConfidence === 0.9)!.score;
      expect(top.right + top.wrong).toBeGreaterThan(0);
      expect(top.precision).toBeGreaterThanOrEqual(0.95);
    });
    test('PREVIOUS precision ≥ 0.90 and recall ≥ 0.70', () => {
      expect(s.previous.precision).toBeGreaterThanOrEqual(0.9);
      expect(s.previous.recall).toBeGreaterThanOrEqual(0.7);
    });
  });

  describe('end to end (extracted entities, so bounded by entity extraction too)', () => {
    let s: LinkScores;
    beforeAll(() => {
      s = scoreLinks(extractReportGraph(report()), gold, links);
    });
    // The same bars as on gold entities: the extractor's own entities must carry them too.
    test('SERVES precision ≥ 0.85 and recall ≥ 0.60; no section-level links', () => {
      expect(s.serves.precision).toBeGreaterThanOrEqual(0.85);
      expect(s.serves.recall).toBeGreaterThanOrEqual(0.6);
      expect(s.serves.extracted).toBeLessThan(30);
    });
    test('SERVES at confidence ≥ 0.9 is right at least 95% of the time', () => {
      const top = s.servesAt.find((a) => a.minConfidence === 0.9)!.score;
      expect(top.right + top.wrong).toBeGreaterThan(0);
      expect(top.precision).toBeGreaterThanOrEqual(0.95);
    });
    test('PREVIOUS precision ≥ 0.90 and recall ≥ 0.70', () => {
      expect(s.previous.precision).toBeGreaterThanOrEqual(0.9);
      expect(s.previous.recall).toBeGreaterThanOrEqual(0.7);
    });
  });
});

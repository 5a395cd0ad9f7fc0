import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ReportGraphSchema, type ReportGraph } from '../../src/domain/report-graph.ts';
import { GoldSchema } from '../../src/eval/gold.ts';
import { CATEGORIES, scoreExtraction, type Scores } from '../../src/eval/score.ts';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { CORPUS_DIR, GOLD, corpusFiles, readSeed } from '../support/fixtures.ts';

const SHANXI = path.join(CORPUS_DIR, 'shanxi-2026.txt');
const SHANXI_GOLD = path.join(path.dirname(GOLD), 'shanxi-2026.gold.json');
const readGold = (file: string) => GoldSchema.parse(JSON.parse(readFileSync(file, 'utf8')));

describe('the seed against the part-一 gold annotation (issue 12: every category ≥ 0.95)', () => {
  let scores: Scores;
  beforeAll(() => {
    scores = scoreExtraction(extractReportGraph(readSeed()), readGold(GOLD));
  });
  test.each(CATEGORIES)('%s F1 ≥ 0.95', (c) => expect(scores[c].f1).toBeGreaterThanOrEqual(0.95));
});

describe('shanxi-2026 against its whole-report gold annotation (issue 12 bars)', () => {
  let scores: Scores;
  beforeAll(() => {
    scores = scoreExtraction(extractReportGraph(readFileSync(SHANXI)), readGold(SHANXI_GOLD));
  });
  test('indicators F1 ≥ 0.93', () => expect(scores.indicators.f1).toBeGreaterThanOrEqual(0.93));
  test('sections F1 ≥ 0.95', () => expect(scores.sections.f1).toBeGreaterThanOrEqual(0.95));
  test.each([
    ['places', 0.85],
    ['projects', 0.8],
    ['goals', 0.75],
    ['enterprises', 0.5],
  ] as const)('%s F1 ≥ %s', (c, floor) => expect(scores[c].f1).toBeGreaterThanOrEqual(floor));
});

describe('the seed report graph', () => {
  let graph: ReportGraph;
  beforeAll(() => {
    graph = extractReportGraph(readSeed());
  });

  test('reads the report header', () => {
    expect(graph.report).toMatchObject({
      region: { name: '天门市', code: '429006' },
      deliveredOn: '2022-12-27',
      meeting: '天门市第九届人民代表大会第二次会议',
      speaker: '杨兴铭',
      reviewYear: 2022,
      planYear: 2023,
    });
    expect(graph.report.id).toMatch(/^天门市-2023-[0-9a-f]{12}$/);
  });

  test('round-trips through JSON and zod unchanged', () => {
    expect(ReportGraphSchema.parse(JSON.parse(JSON.stringify(graph)))).toEqual(graph);
  });

  test('every offset points at its own text and every relationship end exists', () => {
    const text = graph.report.text;
    for (const i of graph.indicators) expect(text.slice(i.start, i.end)).toBe(i.text);
    for (const g of graph.goals) expect(text.slice(g.start, g.end)).toBe(g.text);
    for (const e of [...graph.projects, ...graph.enterprises, ...graph.places]) {
      for (const m of e.mentions) expect([e.name, ...e.aliases]).toContain(text.slice(m.start, m.end));
    }
    const ids = new Set(
      [...graph.indicators, ...graph.goals, ...graph.projects, ...graph.enterprises, ...graph.places].map((x) => x.id),
    );
    const sections = new Set(graph.sections.map((s) => s.id));
    for (const r of graph.relationships) {
      expect(ids.has(r.from) && ids.has(r.to)).toBe(true);
      expect(text.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.text);
      if (r.evidence.sectionId) expect(sections.has(r.evidence.sectionId)).toBe(true);
    }
  });

  test('links the 2023 高标准农田 target to the land project of its sentence and to the 2022 result', () => {
    const target = graph.indicators.find((i) => i.kind === 'target' && i.metric.includes('高标准农田'))!;
    expect(target).toMatchObject({ year: 2023, value: 10, unit: '万亩', baseValue: '100000' });
    const serving = graph.relationships.filter((r) => r.type === 'SERVES' && r.to === target.id);
    const projects = serving.map((r) => graph.projects.find((p) => p.id === r.from)?.name);
    expect(projects).toContain('岳口镇全域国土综合整治项目');
    const previous = graph.relationships.find((r) => r.type === 'PREVIOUS' && r.from === target.id)!;
    expect(graph.indicators.find((i) => i.id === previous.to)).toMatchObject({
      kind: 'achievement',
      year: 2022,
      value: 13.89,
      unit: '万亩',
    });
  });

  test('places are merged with their short forms and nested by the gazetteer', () => {
    const yuekou = graph.places.find((p) => p.name === '岳口镇')!;
    expect(yuekou.aliases).toContain('岳口');
    const tianmen = graph.places.find((p) => p.id === yuekou.parentId)!;
    expect(tianmen.name).toBe('天门市');
    expect(graph.places.find((p) => p.id === tianmen.parentId)?.name).toBe('湖北省');
  });
});

describe('every corpus report', () => {
  test.each(corpusFiles())('%s extracts with sane counts', (file) => {
    const graph = extractReportGraph(readFileSync(path.join(CORPUS_DIR, file)));
    expect(graph.report.region.level).toBe('province');
    expect(graph.report.planYear).toBe(2026);
    expect(graph.sections.filter((s) => s.level === 1 && s.part === 'body').length).toBeGreaterThanOrEqual(3);
    expect(graph.sections.length).toBeGreaterThanOrEqual(20);
    // SOURCES.md: hebei is the condensed version, with about fifty figures in all.
    expect(graph.indicators.length).toBeGreaterThanOrEqual(file.startsWith('hebei') ? 40 : 100);
    expect(graph.goals.length).toBeGreaterThan(5);
    expect(graph.places.length).toBeGreaterThan(3);
    for (const i of graph.indicators) expect(graph.report.text.slice(i.start, i.end)).toBe(i.text);
  });
});

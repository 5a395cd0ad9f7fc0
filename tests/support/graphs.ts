import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReportGraph } from '../../src/domain/report-graph.ts';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { CORPUS_DIR, SEED } from './fixtures.ts';

export const seedText = () => readFileSync(SEED, 'utf8');

/** The seed report as if delivered a year later: same region (shared places), another report. */
export function buildNextYearSeed(): string {
  return seedText()
    .replace('2022年12月27日', '2023年12月27日')
    .replace('第二次会议', '第三次会议')
    .replace(/2023年/g, '2024年')
    .replace(/2022年/g, '2023年');
}

export const extractSeed = (): ReportGraph => extractReportGraph(seedText());
export const extractCorpus = (name: string): ReportGraph =>
  extractReportGraph(readFileSync(path.join(CORPUS_DIR, name)));

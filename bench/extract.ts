// Extraction speed: per report median and p95 of repeated runs after warm-up, corpus throughput,
// and time per 10k characters to show that time grows linearly with text length.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractReportGraph } from '../src/extract/pipeline.ts';
import { corpusFiles, CORPUS_DIR, SEED } from '../tests/support/fixtures.ts';
import { benchExtractScaling } from './extract-scaling.ts';
import { percentile, table } from './stats.ts';

export function benchExtract(runs = 30, warmup = 5): string {
  const files = [SEED, ...corpusFiles().map((f) => path.join(CORPUS_DIR, f))];
  const coldStart = performance.now();
  extractReportGraph(readFileSync(SEED));
  const cold = performance.now() - coldStart;
  const rows: string[][] = [];
  let totalChars = 0;
  let totalMs = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    for (let i = 0; i < warmup; i++) extractReportGraph(bytes);
    const times: number[] = [];
    let chars = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const g = extractReportGraph(bytes);
      times.push(performance.now() - t0);
      chars = g.report.text.length;
    }
    const median = percentile(times, 50);
    totalChars += chars;
    totalMs += median;
    rows.push([
      path.basename(file),
      String(chars),
      median.toFixed(1),
      percentile(times, 95).toFixed(1),
      ((median / chars) * 10_000).toFixed(2),
    ]);
  }
  return [
    `Cold first extraction (loads the gazetteer): ${cold.toFixed(0)} ms`,
    '',
    table(['report', 'chars', 'median ms', 'p95 ms', 'ms per 10k chars'], rows),
    '',
    `Corpus throughput (sum of medians): ${files.length} reports, ${totalChars} chars in ${totalMs.toFixed(0)} ms = ` +
      `${((files.length / totalMs) * 1000).toFixed(1)} reports/s, ${(((totalChars / totalMs) * 1000) / 1e6).toFixed(2)} M chars/s`,
    '',
    'Scaling: the seed with 10 KB to 2 MB of one shape inserted into its plan part (median of 5 runs up to 200 KB, then 3, after a warm-up run of each shape)',
    '',
    benchExtractScaling(),
  ].join('\n');
}

// A synthetic corpus for scaling benchmarks: the real reports varied in region, year and
// numbers, so that every variant is a distinct report (its own key and ids) while its text
// keeps the shape of a real one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReportGraph } from '../src/domain/report-graph.ts';
import { extractReportGraph } from '../src/extract/pipeline.ts';
import { loadGazetteer } from '../src/gazetteer/gazetteer.ts';
import { reportKey } from '../src/store/load-report.ts';
import { CORPUS_DIR, SEED, corpusFiles } from '../tests/support/fixtures.ts';

const bases = () => [SEED, ...corpusFiles().map((f) => path.join(CORPUS_DIR, f))].map((f) => readFileSync(f, 'utf8'));

/** Region names to give the variants: prefecture-level cities of the gazetteer. */
function regionNames(): string[] {
  return [...loadGazetteer().byCode.values()]
    .filter((d) => d.level === 'city' && /市$/.test(d.name))
    .map((d) => d.name);
}

/** Moves every year (and 十四五/十五五-style references stay) by `shift`, and scales figures slightly. */
function vary(text: string, region: string, shift: number, salt: number): string {
  const header = text.split('\n').slice(0, 20).join('\n');
  const meeting = /在(.{2,12}?)(第?[一二三四五六七八九十]+届人民代表大会)/.exec(header);
  const title = /(?:\d{4}年)?(.{2,10}?)政府工作报告/.exec(header);
  const oldRegion = meeting?.[1] ?? title?.[1];
  let out = oldRegion ? text.split(oldRegion).join(region) : text;
  out = out.replace(/(19|20)(\d\d)年/g, (_, c: string, y: string) => `${Number(c + y) + shift}年`);
  out = out.replace(/(?<![\d.])(\d+\.\d+)(?=[万亿]?[%个元亩吨家项人公里])/g, (m) =>
    (Number(m) * (1 + ((salt % 7) + 1) / 100)).toFixed(2),
  );
  return out;
}

/**
 * `count` extracted reports, each a distinct report in the store's sense (its own region and
 * plan year, so none replaces another as a newer version): variant i is base i mod n in region
 * 7i and shifted by i / n years; a variant whose key is taken (by another variant or by a key
 * in `taken`) is skipped.
 */
export function* syntheticReports(count: number, taken: Iterable<string> = []): Generator<ReportGraph> {
  for (const { graph } of syntheticVariants(count, taken)) yield graph;
}

/** The same variants with their texts, for benchmarks that extract them as `ingest` does. */
export function* syntheticVariants(
  count: number,
  taken: Iterable<string> = [],
): Generator<{ text: string; graph: ReportGraph }> {
  const texts = bases();
  const regions = regionNames();
  const keys = new Set<string>(taken);
  const wanted = keys.size + count;
  for (let i = 0; keys.size < wanted; i++) {
    if (i > count * 20) throw new Error(`could not vary the seeds into ${count} distinct reports`);
    const text = vary(
      texts[i % texts.length]!,
      regions[(i * 7) % regions.length]!,
      Math.floor(i / texts.length) % 40,
      i,
    );
    const graph = extractReportGraph(text);
    const key = reportKey(graph);
    if (keys.has(key)) continue;
    keys.add(key);
    yield { text, graph };
  }
}

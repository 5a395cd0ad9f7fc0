// A synthetic corpus for scaling benchmarks: the real reports varied in region, year and
// numbers, so that every variant is a distinct report (its own key and ids) while its text
// keeps the shape of a real one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadGazetteer } from '../src/gazetteer/gazetteer.ts';
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

/** `count` report texts: variant i is base i mod n in region i and shifted by i / n years. */
export function buildSyntheticCorpus(count: number): string[] {
  const texts = bases();
  const regions = regionNames();
  return Array.from({ length: count }, (_, i) =>
    vary(texts[i % texts.length]!, regions[(i * 7) % regions.length]!, Math.floor(i / texts.length) % 40, i),
  );
}

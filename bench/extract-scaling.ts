// Extraction time against input size and shape: a report whose plan part holds 10 KB to 2 MB
// (UTF-8) of one shape — one long 、 list, ordinary prose, or headings — so that "time per 10k
// characters stays flat" can be read off one table. Quadratic work shows as a growing last column.
import { readFileSync } from 'node:fs';
import { extractReportGraph } from '../src/extract/pipeline.ts';
import { SEED } from '../tests/support/fixtures.ts';
import { percentile, table } from './stats.ts';

const DIGITS = '甲乙丙丁戊己庚辛壬癸';
const code = (i: number) => [...String(i).padStart(6, '0')].map((d) => DIGITS[+d]).join('');

/** The body of one shape, about `bytes` UTF-8 bytes long (three bytes per Chinese character). */
function body(shape: string, bytes: number): string {
  const chars = Math.floor(bytes / 3);
  const out: string[] = [];
  let size = 0;
  if (shape === 'list') {
    // One 、 list, closed by 等 and a target of the same sector: the shape that was quadratic.
    const items: string[] = [];
    for (let i = 0; size < chars; i++) {
      items.push(`第${code(i)}号水库`);
      size += 11;
    }
    return `推进${items.join('、')}等水利项目建设，力争水利投资超80亿元。\n`;
  }
  const seed = readFileSync(SEED, 'utf8');
  const paragraphs = seed
    .slice(seed.indexOf('一、'))
    .split('\n')
    .filter((l) => l.length > 40);
  for (let i = 0; size < chars; i++) {
    const line =
      shape === 'prose'
        ? paragraphs[i % paragraphs.length]!
        : `（${'一二三四五六七八九十'[i % 10]}）推进第${code(i)}项重点工作\n加快第${code(i)}号工程建设，新增投资${(i % 90) + 10}亿元。`;
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n') + '\n';
}

/** A report: the seed's header and parts, with the body inserted at the start of its plan part. */
export function report(shape: string, bytes: number): string {
  const seed = readFileSync(SEED, 'utf8');
  const at = seed.indexOf('\n', seed.indexOf('二、2023年')) + 1;
  return seed.slice(0, at) + body(shape, bytes) + seed.slice(at);
}

export function benchExtractScaling(): string {
  extractReportGraph(readFileSync(SEED)); // warm-up: the gazetteer
  const sizes = [10_000, 50_000, 200_000, 500_000, 1_000_000, 2_000_000];
  const rows: string[][] = [];
  for (const shape of ['list', 'prose', 'headings']) {
    // Each shape's own code paths are compiled before its first timed size, and every size is the
    // median of at least three runs: a single run of a large size also timed whichever major
    // collection happened to fall in it, which read as growth (22 → 29 ms per 10k chars).
    extractReportGraph(report(shape, sizes[0]!));
    for (const bytes of sizes) {
      const text = report(shape, bytes);
      const runs = bytes <= 200_000 ? 5 : 3;
      const times: number[] = [];
      let rels = 0;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const g = extractReportGraph(text);
        times.push(performance.now() - t0);
        rels = g.relationships.length;
      }
      const ms = percentile(times, 50);
      rows.push([
        shape,
        `${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB`,
        String(text.length),
        String(rels),
        ms.toFixed(0),
        ((ms / text.length) * 10_000).toFixed(1),
      ]);
    }
  }
  return table(['shape', 'UTF-8 size', 'chars', 'relationships', 'median ms', 'ms per 10k chars'], rows);
}

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ReportGraphSchema } from '../../src/domain/report-graph.ts';
import { isAppError } from '../../src/errors/app-error.ts';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { seedText } from '../support/graphs.ts';

// Mutates a real report at random (cut, shuffle paragraphs, insert noise and digits): the
// extractor must only ever fail with its own coded errors, and any graph it returns must be
// zod-valid with every offset inside the text and pointing at its own quote.
const base = seedText();
const paragraphs = base.split('\n');

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('shuffle' as const), seed: fc.array(fc.nat(), { minLength: 5, maxLength: 40 }) }),
  fc.record({
    kind: fc.constant('noise' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.string({
      unit: fc.constantFrom(...'0123456789.%万亿个、，。（）一二三四五分别等项目镇湖abc \n'.split('')),
      maxLength: 60,
    }),
  }),
  fc.record({
    kind: fc.constant('digits' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    n: fc.integer({ min: 0, max: 99999999 }),
  }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, muts: Mutation[]): string {
  let t = text;
  for (const m of muts) {
    if (m.kind === 'cut') t = t.slice(0, Math.floor(t.length * m.at));
    else if (m.kind === 'shuffle') {
      const lines = t.split('\n');
      for (const [i, r] of m.seed.entries()) {
        const a = i % lines.length;
        const b = r % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      }
      t = lines.join('\n');
    } else {
      const at = Math.floor(t.length * m.at);
      t = t.slice(0, at) + (m.kind === 'noise' ? m.text : String(m.n)) + t.slice(at);
    }
  }
  return t;
}

describe('extraction of randomly mutated reports', () => {
  test('never throws anything but coded errors; graphs are valid and offsets point at their text', () => {
    expect(paragraphs.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (muts) => {
        const text = apply(base, muts);
        let graph;
        try {
          graph = extractReportGraph(text);
        } catch (error) {
          if (!isAppError(error)) throw error;
          expect(['NOT_A_REPORT', 'BAD_USER_INPUT']).toContain(error.code);
          return;
        }
        expect(ReportGraphSchema.safeParse(graph).success).toBe(true);
        const t = graph.report.text;
        for (const x of [...graph.indicators, ...graph.goals]) expect(t.slice(x.start, x.end)).toBe(x.text);
        for (const s of graph.sections) expect(s.start <= s.end && s.end <= t.length).toBe(true);
        for (const e of [...graph.projects, ...graph.enterprises, ...graph.places])
          for (const m of e.mentions) expect(m.end <= t.length && m.start < m.end).toBe(true);
        for (const r of graph.relationships) expect(t.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.text);
      }),
      {
        numRuns: Number(process.env.FUZZ_RUNS ?? 60),
        seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
      },
    );
  });
});

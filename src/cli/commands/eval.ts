import { z } from 'zod';
import { AppError } from '#errors/app-error.ts';
import { GoldSchema } from '#eval/gold.ts';
import { documentMismatch } from '#eval/document.ts';
import { CATEGORIES, LENIENT_NOTE, scoreExtraction } from '#eval/score.ts';
import { extractReportGraph } from '#extract/pipeline.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { readInputFile } from '../read-input.ts';

const usage = 'plangraph eval --gold GOLD.json --report REPORT.txt [--json] [--details] [--min-f1 0.85]';
const Args = z.object({
  gold: z.string().min(1, 'required'),
  report: z.string().min(1, 'required'),
  json: z.boolean().optional(),
  details: z.boolean().optional(),
  'min-f1': z.coerce.number().min(0).max(1).optional(),
  positionals: z.tuple([], { message: 'eval takes only options' }),
});

function readGold(file: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(readInputFile(file).toString('utf8'));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(`${file} is not valid JSON: ${(error as Error).message}`, 'BAD_INPUT', { cause: error });
  }
  const gold = GoldSchema.safeParse(raw);
  if (!gold.success) {
    const issue = gold.error.issues[0]!;
    throw new AppError(`${file} is not a gold annotation: ${issue.path.join('.')}: ${issue.message}`, 'BAD_INPUT');
  }
  return gold.data;
}

export const evalCommand: Command = {
  name: 'eval',
  summary: 'score the extractor against a gold annotation: precision, recall and F1 per category',
  usage,
  async run(argv, io) {
    const opts = {
      gold: { type: 'string' },
      report: { type: 'string' },
      json: { type: 'boolean' },
      details: { type: 'boolean' },
      'min-f1': { type: 'string' },
    } as const;
    const args = parseCommandArgs(argv, opts, Args, usage);
    const gold = readGold(args.gold);
    const graph = extractReportGraph(readInputFile(args.report));
    const mismatch = documentMismatch(graph, gold);
    if (mismatch) {
      // Scores of a gold against another report are zeros that mean nothing: say so instead.
      io.err(`${mismatch}\n(gold ${args.gold}, report ${args.report}); not scored`);
      return EXIT.USAGE;
    }
    const scores = scoreExtraction(graph, gold);
    if (args.json) io.out(JSON.stringify(scores, null, 2));
    else {
      io.out('category       precision  recall     F1   gold  extracted  borderline');
      for (const c of CATEGORIES) {
        const s = scores[c];
        io.out(
          `${c.padEnd(13)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(6)} ${String(s.gold).padStart(6)} ${String(s.extracted).padStart(10)} ${String(s.neutral).padStart(11)}`,
        );
        if (args.details) {
          if (s.missed.length) io.out(`    missed:   ${s.missed.join(' | ')}`);
          if (s.spurious.length) io.out(`    spurious: ${s.spurious.join(' | ')}`);
        }
      }
      io.out(`(${LENIENT_NOTE}; "borderline" = extracted items left out of precision)`);
    }
    const floor = args['min-f1'];
    if (floor !== undefined) {
      const below = CATEGORIES.filter((c) => scores[c].f1 < floor);
      if (below.length > 0) {
        io.err(`below F1 ${floor}: ${below.join(', ')}`);
        return EXIT.QUALITY;
      }
    }
    return 0;
  },
};

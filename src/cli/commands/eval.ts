import { z } from 'zod';
import { AppError } from '#errors/app-error.ts';
import { GoldSchema } from '#eval/gold.ts';
import { documentMismatch } from '#eval/document.ts';
import { LinksGoldSchema, scoreLinks, type LinkScore } from '#eval/links.ts';
import { CATEGORIES, LENIENT_NOTE, scoreExtraction } from '#eval/score.ts';
import { extractReportGraph } from '#extract/pipeline.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { readInputFile } from '../read-input.ts';

const usage =
  'plangraph eval --gold GOLD.json --report REPORT.txt [--links LINKS.json] [--json] [--details] [--min-f1 0.85]';
const Args = z.object({
  gold: z.string().min(1, 'required'),
  report: z.string().min(1, 'required'),
  links: z.string().min(1).optional(),
  json: z.boolean().optional(),
  details: z.boolean().optional(),
  'min-f1': z.coerce.number().min(0).max(1).optional(),
  positionals: z.tuple([], { message: 'eval takes only options' }),
});

function readJson(file: string): unknown {
  try {
    return JSON.parse(readInputFile(file).toString('utf8'));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(`${file} is not valid JSON: ${(error as Error).message}`, 'BAD_USER_INPUT', { cause: error });
  }
}

function readGold(file: string) {
  const gold = GoldSchema.safeParse(readJson(file));
  if (!gold.success) {
    const issue = gold.error.issues[0]!;
    throw new AppError(`${file} is not a gold annotation: ${issue.path.join('.')}: ${issue.message}`, 'BAD_USER_INPUT');
  }
  return gold.data;
}

function readLinksGold(file: string) {
  const links = LinksGoldSchema.safeParse(readJson(file));
  if (!links.success) {
    const issue = links.error.issues[0]!;
    throw new AppError(
      `${file} is not a links annotation: ${issue.path.join('.')}: ${issue.message}`,
      'BAD_USER_INPUT',
    );
  }
  return links.data;
}

const row = (name: string, s: { precision: number; recall: number; f1: number; gold: number; extracted: number }) =>
  `${name.padEnd(13)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(6)} ${String(s.gold).padStart(6)} ${String(s.extracted).padStart(10)}`;

export const evalCommand: Command = {
  name: 'eval',
  summary: 'score the extractor against a gold annotation: precision, recall and F1 per category',
  usage,
  async run(argv, io) {
    const opts = {
      gold: { type: 'string' },
      report: { type: 'string' },
      links: { type: 'string' },
      json: { type: 'boolean' },
      details: { type: 'boolean' },
      'min-f1': { type: 'string' },
    } as const;
    const args = parseCommandArgs(argv, opts, Args, usage);
    const gold = readGold(args.gold);
    const linksGold = args.links ? readLinksGold(args.links) : null;
    const graph = extractReportGraph(readInputFile(args.report));
    const mismatch = documentMismatch(graph, gold);
    if (mismatch) {
      // Scores of a gold against another report are zeros that mean nothing: say so instead.
      io.err(`${mismatch}\n(gold ${args.gold}, report ${args.report}); not scored`);
      return EXIT.USAGE;
    }
    const scores = scoreExtraction(graph, gold);
    const links = linksGold ? scoreLinks(graph, gold, linksGold) : null;
    const linkRows: [string, LinkScore][] = links
      ? [
          ['SERVES', links.serves],
          ...links.servesAt.map((a): [string, LinkScore] => [`  ≥${a.minConfidence}`, a.score]),
          ['PREVIOUS', links.previous],
        ]
      : [];
    if (args.json) io.out(JSON.stringify(links ? { ...scores, links } : scores, null, 2));
    else {
      io.out('category       precision  recall     F1   gold  extracted  borderline');
      for (const c of CATEGORIES) {
        const s = scores[c];
        io.out(`${row(c, s)} ${String(s.neutral).padStart(11)}`);
        if (args.details) {
          if (s.missed.length) io.out(`    missed:   ${s.missed.join(' | ')}`);
          if (s.spurious.length) io.out(`    spurious: ${s.spurious.join(' | ')}`);
        }
      }
      for (const [name, s] of linkRows) {
        io.out(`${row(name, s)} ${String(s.neutral).padStart(11)}   (right ${s.right}, wrong ${s.wrong})`);
        if (args.details && !name.startsWith(' ')) {
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

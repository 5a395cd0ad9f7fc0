import { z } from 'zod';
import { extractReportGraph } from '#extract/pipeline.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { readInputFile } from '../read-input.ts';
import { checkTarget, writeFileAtomic } from '../write-file-atomic.ts';

const usage = 'plangraph extract FILE [--out FILE [--force]] [--compact]';
const Args = z.object({
  out: z.string().min(1).optional(),
  compact: z.boolean().optional(),
  force: z.boolean().optional(),
  positionals: z.tuple([z.string().min(1)], { message: 'expected exactly one report FILE' }),
});

export const extractCommand: Command = {
  name: 'extract',
  summary: 'extract a report file into a ReportGraph (JSON on stdout, or --out FILE)',
  usage,
  async run(argv, io) {
    const args = parseCommandArgs(
      argv,
      { out: { type: 'string', short: 'o' }, compact: { type: 'boolean' }, force: { type: 'boolean' } },
      Args,
      usage,
    );
    const [file] = args.positionals;
    // An existing --out is refused before the work, not after it.
    if (args.out) checkTarget(args.out, { force: args.force });
    const graph = extractReportGraph(readInputFile(file));
    const json = JSON.stringify(graph, null, args.compact ? undefined : 2);
    if (args.out) {
      await writeFileAtomic(args.out, `${json}\n`, { force: args.force });
      io.err(
        `${file}: ${graph.sections.length} sections, ${graph.indicators.length} indicators, ${graph.goals.length} goals, ` +
          `${graph.projects.length} projects, ${graph.enterprises.length} enterprises, ${graph.places.length} places, ` +
          `${graph.relationships.length} relationships → ${args.out}`,
      );
    } else io.out(json);
    return 0;
  },
};

import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ReportGraph } from '#domain/report-graph.ts';
import { AppError } from '#errors/app-error.ts';
import { extractReportGraph } from '#extract/pipeline.ts';
import { parseCommandArgs, type CliIo, type Command } from '../command.ts';
import { readInputFile } from '../read-input.ts';
import { checkTarget, writeFileAtomic } from '../write-file-atomic.ts';

const usage = 'plangraph extract FILE… [--out FILE|DIR [--force]] [--compact]';
const Args = z.object({
  out: z.string().min(1).optional(),
  compact: z.boolean().optional(),
  force: z.boolean().optional(),
  positionals: z.array(z.string().min(1)).min(1, 'name at least one report FILE'),
});

function summarize(io: CliIo, file: string, graph: ReportGraph, out: string): void {
  io.err(
    `${file}: ${graph.sections.length} sections, ${graph.indicators.length} indicators, ${graph.goals.length} goals, ` +
      `${graph.projects.length} projects, ${graph.enterprises.length} enterprises, ${graph.places.length} places, ` +
      `${graph.relationships.length} relationships → ${out}`,
  );
}

/** `--out DIR` for several files (or a directory that exists): DIR/<file name>.json each. */
function outputFor(dir: string, file: string): string {
  return path.join(dir, `${path.basename(file, path.extname(file))}.json`);
}

export const extractCommand: Command = {
  name: 'extract',
  summary: 'extract report files into ReportGraph JSON (stdout, --out FILE, or one FILE.json per report in --out DIR)',
  usage,
  async run(argv, io) {
    const args = parseCommandArgs(
      argv,
      { out: { type: 'string', short: 'o' }, compact: { type: 'boolean' }, force: { type: 'boolean' } },
      Args,
      usage,
    );
    const files = args.positionals;
    const toDir =
      args.out !== undefined && (files.length > 1 || (existsSync(args.out) && statSync(args.out).isDirectory()));
    if (files.length > 1 && args.out === undefined)
      throw new AppError(
        `${files.length} reports need --out DIR (one JSON file each)\nusage: ${usage}`,
        'BAD_USER_INPUT',
      );
    const names = new Set(files.map((f) => path.basename(f, path.extname(f))));
    if (toDir && names.size < files.length)
      throw new AppError(
        'two reports have the same file name: their JSON files would overwrite each other',
        'BAD_USER_INPUT',
      );
    const targets = files.map((f) => (args.out === undefined ? null : toDir ? outputFor(args.out, f) : args.out));
    // An existing output is refused before any work, not after it.
    for (const target of targets) if (target) checkTarget(target, { force: args.force });
    if (toDir) mkdirSync(args.out!, { recursive: true });
    // Every file is extracted before the next is read: a bad one stops the batch with its name.
    for (const [i, file] of files.entries()) {
      const graph = extractReportGraph(readInputFile(file));
      const json = JSON.stringify(graph, null, args.compact ? undefined : 2);
      const target = targets[i];
      if (!target) io.out(json);
      else {
        await writeFileAtomic(target, `${json}\n`, { force: args.force });
        summarize(io, file, graph, target);
      }
    }
    return 0;
  },
};

import { z } from 'zod';
import { getConfig } from '#config/env.ts';
import { openStore } from '#store/open-store.ts';
import { readStats } from '#store/read/stats.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { formatTable } from '../format-table.ts';

const usage = 'plangraph stats [--json]';
const Args = z.object({
  json: z.boolean().optional(),
  positionals: z.tuple([], { message: 'stats takes only options' }),
});

export const statsCommand: Command = {
  name: 'stats',
  summary: 'counts of the graph: by kind, by report, and the most mentioned places',
  usage,
  async run(argv, io) {
    const args = parseCommandArgs(argv, { json: { type: 'boolean' } }, Args, usage);
    const store = await openStore(getConfig());
    try {
      const stats = await readStats(store.executor, 10);
      if (args.json) {
        io.out(JSON.stringify(stats, null, 2));
        return 0;
      }
      io.out(stats.byKind.map((k) => `${k.kind}: ${k.count}`).join('  '));
      io.out('');
      io.out(
        formatTable(
          ['report', 'sections', 'indicators', 'goals', 'projects', 'places', 'enterprises'],
          stats.byReport.map((r) => [
            r.reportId,
            r.sections,
            r.indicators,
            r.goals,
            r.projects,
            r.places,
            r.enterprises,
          ]),
        ),
      );
      io.out('');
      io.out(`most mentioned places: ${stats.byPlace.map((p) => `${p.name} (${p.mentions})`).join(', ')}`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

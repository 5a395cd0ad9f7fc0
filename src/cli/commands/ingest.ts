import { z } from 'zod';
import { getConfig } from '#config/env.ts';
import { isAppError } from '#errors/app-error.ts';
import { extractReportGraph } from '#extract/pipeline.ts';
import { loadReportGraph } from '#store/load-report.ts';
import { migrate } from '#store/migrate.ts';
import { openStore } from '#store/open-store.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { createProgress } from '../progress.ts';
import { resolveReportSources } from '../report-sources.ts';

const usage = 'plangraph ingest FILE… | DIR [--force]';
const Args = z.object({
  force: z.boolean().optional(),
  positionals: z.array(z.string().min(1)).min(1, 'name at least one report file or directory'),
});

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'extract reports and load them into Neo4j, one transaction each (a DIR uses its manifest.json)',
  usage,
  async run(argv, io) {
    const args = parseCommandArgs(argv, { force: { type: 'boolean' } }, Args, usage);
    const sources = resolveReportSources(args.positionals);
    const store = await openStore(getConfig());
    let failed = 0;
    try {
      await migrate(store.executor);
      const progress = createProgress(io, sources.length, 'ingest');
      for (const source of sources) {
        try {
          const graph = extractReportGraph(source.bytes);
          const result = await loadReportGraph(store.executor, graph, { force: args.force });
          const s = result.stats;
          progress.tick(
            `${source.file}: ${result.status} ${result.reportId} (+${s.nodesCreated}/-${s.nodesDeleted} nodes, ` +
              `+${s.relationshipsCreated}/-${s.relationshipsDeleted} relationships${result.replaced.length ? `, replaced ${result.replaced.join(', ')}` : ''})`,
          );
        } catch (error) {
          // One bad file does not stop the others; its own transaction left nothing behind.
          if (!isAppError(error) || error.code === 'DB_UNAVAILABLE' || error.code === 'DB_AUTH') throw error;
          failed += 1;
          progress.tick(`${source.file}: FAILED ${error.message} [${error.code}]`);
        }
      }
    } finally {
      await store.close();
    }
    if (failed > 0) {
      io.err(`${failed} of ${sources.length} reports failed`);
      return 5;
    }
    return 0;
  },
};

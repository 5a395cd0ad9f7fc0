import { z } from 'zod';
import { getConfig } from '#config/env.ts';
import { isAppError, type AppError } from '#errors/app-error.ts';
import { loadReportGraphs, MAX_TX_REPORTS, type LoadResult } from '#store/load-report.ts';
import { migrate } from '#store/migrate.ts';
import { openStore } from '#store/open-store.ts';
import type { ReportGraph } from '#domain/report-graph.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { createExtractPool, defaultWorkerCount, type Extracted } from '../extract/extract-pool.ts';
import { createProgress } from '../progress.ts';
import { resolveReportSources, type ReportSource } from '../report-sources.ts';
import { ingestBulk } from './ingest-bulk.ts';

const usage = 'plangraph ingest FILE… | DIR [--force] | --bulk DIR [--force]';
const Args = z.object({
  force: z.boolean().optional(),
  bulk: z.boolean().optional(),
  positionals: z.array(z.string().min(1)).min(1, 'name at least one report file or directory'),
});

/** Reports extracted ahead and handed to the loader at once (which groups them into transactions). */
const BATCH = MAX_TX_REPORTS;
/** Below this many files, starting worker threads (each loads the gazetteer) costs more than it saves. */
const MIN_FOR_WORKERS = 8;

const describe = (file: string, r: LoadResult) => {
  const s = r.stats;
  return (
    `${file}: ${r.status} ${r.reportId} (+${s.nodesCreated}/-${s.nodesDeleted} nodes, ` +
    `+${s.relationshipsCreated}/-${s.relationshipsDeleted} relationships${r.replaced.length ? `, replaced ${r.replaced.join(', ')}` : ''})`
  );
};

/** Whether an error ends the whole run rather than one report. */
const isFatal = (error: unknown) => !isAppError(error) || error.code === 'DB_UNAVAILABLE' || error.code === 'DB_AUTH';

export const ingestCommand: Command = {
  name: 'ingest',
  summary:
    'extract reports and load them into Neo4j, each report all or nothing (a DIR uses its manifest.json; --bulk DIR makes a first load with neo4j-admin import)',
  usage,
  async run(argv, io) {
    const args = parseCommandArgs(argv, { force: { type: 'boolean' }, bulk: { type: 'boolean' } }, Args, usage);
    if (args.bulk) return ingestBulk(args.positionals, { force: args.force ?? false }, io);
    const sources = resolveReportSources(args.positionals);
    const config = getConfig();
    const store = await openStore(config);
    const pool = createExtractPool(sources.length >= MIN_FOR_WORKERS ? defaultWorkerCount() : 0);
    let failed = 0;
    try {
      await migrate(store.executor);
      const progress = createProgress(io, sources.length, 'ingest');
      const fail = (file: string, error: unknown) => {
        if (isFatal(error)) throw error;
        failed += 1;
        const e = error as AppError;
        progress.tick(`${file}: FAILED ${e.message} [${e.code}]`);
      };
      const extractBatch = (batch: ReportSource[]) =>
        Promise.all(
          batch.map((s): Promise<Extracted> =>
            s.error ? Promise.resolve({ ok: false, error: s.error }) : pool.extract(s.bytes),
          ),
        );
      const batches: ReportSource[][] = [];
      for (let i = 0; i < sources.length; i += BATCH) batches.push(sources.slice(i, i + BATCH));
      // The next batch is extracted (in worker threads) while this one loads.
      let upcoming = batches.length > 0 ? extractBatch(batches[0]!) : undefined;
      for (const [b, batch] of batches.entries()) {
        const extracted = await upcoming!;
        upcoming = b + 1 < batches.length ? extractBatch(batches[b + 1]!) : undefined;
        const good: { file: string; graph: ReportGraph }[] = [];
        extracted.forEach((x, i) => {
          if (x.ok) good.push({ file: batch[i]!.file, graph: x.graph });
          else fail(batch[i]!.file, x.error);
        });
        const outcomes = await loadReportGraphs(
          store.executor,
          good.map((g) => g.graph),
          { force: args.force, maxItems: config.INGEST_TX_ITEMS },
        );
        outcomes.forEach((o, i) => {
          if (o.ok) progress.tick(describe(good[i]!.file, o.result));
          else fail(good[i]!.file, o.error);
        });
      }
    } finally {
      await pool.close();
      await store.close();
    }
    if (failed > 0) {
      io.err(`${failed} of ${sources.length} reports failed`);
      return 5;
    }
    return 0;
  },
};

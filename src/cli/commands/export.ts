import path from 'node:path';
import { z } from 'zod';
import { getConfig } from '#config/env.ts';
import { writeAdminCsv, type DirSink } from '#store/export/admin-csv.ts';
import { writeCypherScript } from '#store/export/cypher-script.ts';
import { writeGexf } from '#store/export/gexf.ts';
import { writeGraphML } from '#store/export/graphml.ts';
import { streamReportGraphs } from '#store/export/read-export.ts';
import { sinkFor, type Sink } from '#store/export/sink.ts';
import { openExport } from '#store/export/stream-export.ts';
import { openStore } from '#store/open-store.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { createProgress } from '../progress.ts';
import { checkTarget, openAtomicFile, type AtomicFile } from '../write-file-atomic.ts';

const usage = 'plangraph export --format json|graphml|gexf|cypher|csv [--report ID] [--out FILE|DIR] [--force]';
const Args = z
  .object({
    format: z.enum(['json', 'graphml', 'gexf', 'cypher', 'csv'], {
      message: 'expected json, graphml, gexf, cypher or csv',
    }),
    report: z.string().min(1).optional(),
    out: z.string().min(1).optional(),
    force: z.boolean().optional(),
    positionals: z.tuple([], { message: 'export takes only options' }),
  })
  .refine((a) => a.format !== 'csv' || a.out !== undefined, {
    message: 'csv writes several files: give --out DIR',
    path: ['out'],
  });

/** Runs `work` against --out (written atomically) or stdout. */
async function withOutput(out: string | undefined, force: boolean, work: (sink: Sink) => Promise<void>) {
  if (!out) return work(sinkFor(process.stdout));
  const file = await openAtomicFile(out, { force });
  try {
    await work((chunk) => file.write(chunk));
  } catch (error) {
    await file.abort();
    throw error;
  }
  await file.commit();
}

export const exportCommand: Command = {
  name: 'export',
  summary:
    'stream one report (--report ID) or the whole graph as ReportGraph JSON, GraphML, GEXF, a Cypher script or neo4j-admin CSV',
  usage,
  async run(argv, io) {
    const args = parseCommandArgs(
      argv,
      {
        format: { type: 'string', short: 'f' },
        report: { type: 'string' },
        out: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
      },
      Args,
      usage,
    );
    const force = args.force ?? false;
    const where = args.out ? ` → ${args.out}` : '';
    // Refuse an existing --out before any work is done.
    if (args.out && args.format !== 'csv') checkTarget(args.out, { force });
    const store = await openStore(getConfig());
    try {
      const reportId = args.report ?? null;
      if (args.format === 'json') {
        let count = 0;
        await withOutput(args.out, force, async (sink) => {
          count = await streamReportGraphs(store.executor, reportId, sink);
        });
        io.err(`exported ${count} ReportGraph(s)${where}`);
        return 0;
      }
      const source = await openExport(store.executor, reportId);
      const progress = createProgress(io, source.pages, `export ${args.format}`);
      let page = 0;
      const onPage = () => progress.tick(`page ${++page} of ${source.pages}`);
      const { nodeCount, relCount } = source.schema;
      if (args.format === 'csv') {
        const dir = args.out!;
        const files: AtomicFile[] = [];
        const sink: DirSink = {
          async open(name) {
            const f = await openAtomicFile(path.join(dir, name), { force });
            files.push(f);
            // Files are renamed into place together at the end, so a failure leaves none half-written.
            return { sink: (chunk) => f.write(chunk), close: async () => undefined };
          },
        };
        let names: string[];
        try {
          names = await writeAdminCsv(source, sink, onPage);
        } catch (error) {
          for (const f of files) await f.abort();
          throw error;
        }
        for (const f of files) await f.commit();
        io.err(`exported ${nodeCount} nodes and ${relCount} relationships as ${names.length} CSV files → ${dir}`);
        return 0;
      }
      const write = args.format === 'graphml' ? writeGraphML : args.format === 'gexf' ? writeGexf : writeCypherScript;
      await withOutput(args.out, force, (sink) => write(source, sink, onPage));
      io.err(`exported ${nodeCount} nodes and ${relCount} relationships as ${args.format}${where}`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { getConfig } from '#config/env.ts';
import { AppError } from '#errors/app-error.ts';
import { toAdminCsv } from '#store/export/admin-csv.ts';
import { toCypherScript } from '#store/export/cypher-script.ts';
import { toGraphML } from '#store/export/graphml.ts';
import { readExportData, readReportGraphs } from '#store/export/read-export.ts';
import { openStore } from '#store/open-store.ts';
import { parseCommandArgs, type Command } from '../command.ts';

const usage = 'plangraph export --format json|graphml|cypher|csv [--report ID] [--out FILE|DIR]';
const Args = z
  .object({
    format: z.enum(['json', 'graphml', 'cypher', 'csv'], { message: 'expected json, graphml, cypher or csv' }),
    report: z.string().min(1).optional(),
    out: z.string().min(1).optional(),
    positionals: z.tuple([], { message: 'export takes only options' }),
  })
  .refine((a) => a.format !== 'csv' || a.out !== undefined, {
    message: 'csv writes several files: give --out DIR',
    path: ['out'],
  });

function write(file: string, content: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  } catch (error) {
    throw new AppError(`cannot write ${file} (${(error as NodeJS.ErrnoException).code})`, 'IO', { cause: error });
  }
}

export const exportCommand: Command = {
  name: 'export',
  summary:
    'write one report (--report ID) or the whole graph as ReportGraph JSON, GraphML, a Cypher script or neo4j-admin CSV',
  usage,
  async run(argv, io) {
    const args = parseCommandArgs(
      argv,
      { format: { type: 'string', short: 'f' }, report: { type: 'string' }, out: { type: 'string', short: 'o' } },
      Args,
      usage,
    );
    const store = await openStore(getConfig());
    try {
      const reportId = args.report ?? null;
      if (args.format === 'json') {
        const graphs = await readReportGraphs(store.executor, reportId);
        const json = JSON.stringify(reportId ? graphs[0] : graphs, null, 2);
        if (args.out) write(args.out, `${json}\n`);
        else io.out(json);
        io.err(`exported ${graphs.length} ReportGraph(s)${args.out ? ` → ${args.out}` : ''}`);
        return 0;
      }
      const data = await readExportData(store.executor, reportId);
      if (args.format === 'csv') {
        const files = toAdminCsv(data);
        for (const [name, content] of files) write(path.join(args.out!, name), content);
        io.err(
          `exported ${data.nodes.length} nodes and ${data.rels.length} relationships as ${files.size - 1} CSV files → ${args.out}`,
        );
        return 0;
      }
      const text = args.format === 'graphml' ? toGraphML(data) : toCypherScript(data);
      if (args.out) write(args.out, text);
      else io.out(text);
      io.err(
        `exported ${data.nodes.length} nodes and ${data.rels.length} relationships as ${args.format}${args.out ? ` → ${args.out}` : ''}`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};

import { z } from 'zod';
import { getConfig } from '#config/env.ts';
import { deleteReport } from '#store/delete-report.ts';
import { openStore } from '#store/open-store.ts';
import { parseCommandArgs, type Command } from '../command.ts';

const usage = 'plangraph delete REPORT_ID';
const Args = z.object({ positionals: z.tuple([z.string().min(1)], { message: 'expected exactly one REPORT_ID' }) });

export const deleteCommand: Command = {
  name: 'delete',
  summary: 'remove one report and everything only it contributed',
  usage,
  async run(argv, io) {
    const [id] = parseCommandArgs(argv, {}, Args, usage).positionals;
    const store = await openStore(getConfig());
    try {
      const s = await deleteReport(store.executor, id);
      io.err(`deleted ${id}: ${s.nodesDeleted} nodes, ${s.relationshipsDeleted} relationships`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

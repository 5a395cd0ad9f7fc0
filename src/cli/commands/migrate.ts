import { z } from 'zod';
import { getConfig } from '#config/env.ts';
import { migrate } from '#store/migrate.ts';
import { openStore } from '#store/open-store.ts';
import { parseCommandArgs, type Command } from '../command.ts';

const usage = 'plangraph migrate';
const Args = z.object({ positionals: z.tuple([], { message: 'migrate takes no arguments' }) });

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply the numbered schema scripts in cypher/ (idempotent)',
  usage,
  async run(argv, io) {
    parseCommandArgs(argv, {}, Args, usage);
    const store = await openStore(getConfig());
    try {
      const result = await migrate(store.executor);
      io.err(`migrations applied: ${result.applied.join(', ') || 'none'}; already applied: ${result.skipped.length}`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

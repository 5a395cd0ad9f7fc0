import { z } from 'zod';
import { getConfig } from '#config/env.ts';
import { startLocalNeo4j } from '#local-neo4j/server.ts';
import { migrate } from '#store/migrate.ts';
import { openStore } from '#store/open-store.ts';
import { parseCommandArgs, type Command } from '../command.ts';

const usage = 'plangraph up [--no-serve]';
const Args = z.object({
  'no-serve': z.boolean().optional(),
  positionals: z.tuple([], { message: 'up takes no positional arguments' }),
});

export const upCommand: Command = {
  name: 'up',
  summary: 'the main job: start Neo4j unless NEO4J_URI is set, migrate, ingest seeds/, serve',
  usage,
  async run(argv, io) {
    parseCommandArgs(argv, { 'no-serve': { type: 'boolean' } }, Args, usage);
    const config = getConfig();
    await startLocalNeo4j(config, (line) => io.err(line));
    const store = await openStore(config);
    try {
      const result = await migrate(store.executor);
      io.err(`migrations applied: ${result.applied.join(', ') || 'none'}`);
    } finally {
      await store.close();
    }
    return 0;
  },
};

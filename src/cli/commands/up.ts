import path from 'node:path';
import { z } from 'zod';
import { getConfig, PROJECT_ROOT } from '#config/env.ts';
import { startLocalNeo4j } from '#local-neo4j/server.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { ingestCommand } from './ingest.ts';
import { serveUntilStopped } from './serve.ts';

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
    const args = parseCommandArgs(argv, { 'no-serve': { type: 'boolean' } }, Args, usage);
    const config = getConfig();
    await startLocalNeo4j(config, (line) => io.err(line));
    // ingest migrates first; unchanged seeds are skipped, so a restart is quick.
    const code = await ingestCommand.run([path.join(PROJECT_ROOT, 'seeds')], io);
    if (code !== 0) return code;
    if (args['no-serve']) return 0;
    return serveUntilStopped(io, config.PORT, config.HOST);
  },
};

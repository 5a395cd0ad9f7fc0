import { z } from 'zod';
import { getConfig } from '#config/env.ts';
import { fetchNeo4j } from '#local-neo4j/fetch.ts';
import { localNeo4jPaths } from '#local-neo4j/paths.ts';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from '#local-neo4j/server.ts';
import { parseCommandArgs, type Command } from '../command.ts';

const usage = 'plangraph neo4j <start|stop|status|fetch>';
const Args = z.object({
  positionals: z.tuple([
    z.enum(['start', 'stop', 'status', 'fetch'], { message: 'expected start, stop, status or fetch' }),
  ]),
});

export const neo4jCommand: Command = {
  name: 'neo4j',
  summary: 'start, stop or report the local Neo4j (does nothing to a server named by NEO4J_URI)',
  usage,
  async run(argv, io) {
    const [action] = parseCommandArgs(argv, {}, Args, usage).positionals;
    const config = getConfig();
    const log = (line: string) => io.err(line);
    switch (action) {
      case 'start':
        await startLocalNeo4j(config, log);
        return 0;
      case 'stop':
        await stopLocalNeo4j(config, log);
        return 0;
      case 'fetch':
        fetchNeo4j(localNeo4jPaths(config), log);
        return 0;
      case 'status': {
        const status = localNeo4jStatus(config);
        io.out(JSON.stringify(status));
        // Like `systemctl status`: non-zero when not running, so scripts can test it.
        return status.state === 'stopped' ? 1 : 0;
      }
      default: {
        const unreachable: never = action;
        return unreachable;
      }
    }
  },
};

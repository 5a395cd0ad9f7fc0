import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { createApiServer } from '#api/server.ts';
import { getConfig } from '#config/env.ts';
import { AppError } from '#errors/app-error.ts';
import { openStore } from '#store/open-store.ts';
import { parseCommandArgs, type Command, type CliIo } from '../command.ts';

const usage = 'plangraph serve [--port N] [--host H]';
const Args = z.object({
  port: z.coerce.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).optional(),
  positionals: z.tuple([], { message: 'serve takes only options' }),
});

/** Serves the API and explorer until SIGINT/SIGTERM; resolves with the exit code. */
export async function serveUntilStopped(io: CliIo, port: number, host: string): Promise<number> {
  const config = getConfig();
  const store = await openStore(config, { verify: false });
  const api = await createApiServer(config, store.executor);
  await new Promise<void>((resolve, reject) => {
    api.http.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new AppError(
          error.code === 'EADDRINUSE'
            ? `port ${port} on ${host} is already in use: choose another with --port or PORT`
            : `cannot listen on ${host}:${port} (${error.code})`,
          'CONFIG',
          { cause: error },
        ),
      ),
    );
    api.http.listen(port, host, () => resolve());
  });
  const address = api.http.address() as AddressInfo;
  io.err(
    `plangraph API on http://${host}:${address.port}/graphql · explorer on http://${host}:${address.port}/ · Neo4j ${config.uri}`,
  );
  // Diagnostics: SIGUSR2 prints memory use as one JSON line on stderr, after a full garbage
  // collection when node runs with --expose-gc (the soak uses it to tell a leak from GC slack).
  const reportMemory = () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const m = process.memoryUsage();
    io.err(
      JSON.stringify({
        memory: { rssMB: m.rss / 2 ** 20, heapUsedMB: m.heapUsed / 2 ** 20, afterGc: gc !== undefined },
      }),
    );
  };
  process.on('SIGUSR2', reportMemory);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.off('SIGUSR2', reportMemory);
  io.err('stopping');
  await api.stop();
  await store.close();
  return 0;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the GraphQL API at /graphql and the explorer at / (PORT, HOST)',
  usage,
  async run(argv, io) {
    const args = parseCommandArgs(
      argv,
      { port: { type: 'string', short: 'p' }, host: { type: 'string' } },
      Args,
      usage,
    );
    const config = getConfig();
    return serveUntilStopped(io, args.port ?? config.PORT, args.host ?? config.HOST);
  },
};

import type { AddressInfo } from 'node:net';
import { createLogger } from '../../src/api/logger.ts';
import { createApiServer, type ApiServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config/env.ts';
import type { Executor } from '../../src/store/executor.ts';

/** An executor with no database behind it: enough for fields that read nothing (`version`). */
const noDatabase: Executor = {
  read: async () => [{ ok: 1 }],
  write: async () => [],
  transaction: () => Promise.reject(new Error('read-only')),
};

/** The whole API (Apollo and the HTTP layer) over no database, on a free loopback port. */
export async function startHttpApi(
  env: Record<string, string> = {},
  options: { staticRoot?: string } = {},
): Promise<{ url: string; api: ApiServer }> {
  const api = await createApiServer(loadConfig(env), noDatabase, createLogger('silent'), options);
  await new Promise<void>((resolve) => api.http.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(api.http.address() as AddressInfo).port}`, api };
}

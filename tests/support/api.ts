import type { AddressInfo } from 'node:net';
import { createApiServer, type ApiServer } from '../../src/api/server.ts';
import { createLogger } from '../../src/api/logger.ts';
import { loadConfig } from '../../src/config/env.ts';
import type { Executor } from '../../src/store/executor.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';

export interface TestApi {
  url: string;
  store: Store;
  api: ApiServer;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } }>;
  /** The answer's data over HTTP: fails the test (naming the errors) when the answer has errors or is not 200. */
  data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  post(body: string, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

/** Starts the real API on a free loopback port over the test Neo4j (env overrides allowed). */
export async function startTestApi(
  env: Record<string, string> = {},
  wrap?: (e: Executor) => Executor,
): Promise<TestApi> {
  const config = loadConfig({ ...process.env, ...env });
  const store = await openStore(config, { verify: false });
  const executor = wrap ? wrap(store.executor) : store.executor;
  const api = await createApiServer(config, executor, createLogger('silent'));
  await new Promise<void>((resolve) => api.http.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(api.http.address() as AddressInfo).port}`;
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const gql: TestApi['gql'] = async (query, variables) => {
    const res = await post(JSON.stringify({ query, variables }));
    return { status: res.status, body: (await res.json()) as any };
  };
  return {
    url,
    store,
    api,
    post,
    gql,
    async data(query, variables) {
      const { status, body } = await gql(query, variables);
      if (body.errors !== undefined || status !== 200)
        throw new Error(`expected data, got HTTP ${status}: ${JSON.stringify(body.errors ?? body)}`);
      return body.data;
    },
    async stop() {
      await api.stop();
      await store.close();
    },
  };
}

/** An executor that counts round trips and records every statement. */
export function createRecordingExecutor(inner: Executor) {
  const calls: { text: string; params: Record<string, unknown> }[] = [];
  const executor: Executor = {
    read: (q) => (calls.push({ text: q.text, params: q.params ?? {} }), inner.read(q)),
    write: (q) => (calls.push({ text: q.text, params: q.params ?? {} }), inner.write(q)),
    transaction: (work) => inner.transaction(work),
  };
  return { executor, calls };
}

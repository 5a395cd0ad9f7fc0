import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { localNeo4jStatus } from '../../src/local-neo4j/server.ts';
import { countGraph } from '../../src/store/counts.ts';
import { expectedCounts } from '../../src/store/graph-counts.ts';
import { loadReportGraph } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { extractSeed } from '../support/graphs.ts';
import { ROOT } from '../support/run-cli.ts';
import { createSecondNeo4j } from '../support/second-neo4j.ts';

// Faults on a private second Neo4j: killed mid-ingest, and stopped under a running API process.
describe('faults', () => {
  let neo4j: Awaited<ReturnType<typeof createSecondNeo4j>>;
  const seed = extractSeed();
  beforeAll(async () => {
    neo4j = await createSecondNeo4j();
    await neo4j.start();
  }, 240_000);
  afterAll(() => neo4j?.dispose());

  const withStore = async <T>(work: (s: Store) => Promise<T>) => {
    const store = await openStore(neo4j.config);
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  };

  test('Neo4j killed while a report is being ingested: the report is absent, and a re-run ingests it completely', async () => {
    await withStore((s) => migrate(s.executor));
    const store = await openStore(neo4j.config);
    const status = localNeo4jStatus(neo4j.config);
    if (status.state !== 'running') throw new Error('the second Neo4j is not running');
    const load = loadReportGraph(store.executor, seed, {
      beforeBatch: (_, i) => {
        if (i === 6) process.kill(status.pid, 'SIGKILL');
      },
    });
    await expect(load).rejects.toMatchObject({ code: expect.stringMatching(/DB_UNAVAILABLE|DB_ERROR/) });
    await store.close().catch(() => undefined);

    await neo4j.start(); // recovers from the crash
    await withStore(async (s) => {
      expect(await s.executor.read({ text: 'MATCH (n) RETURN count(n) AS n' })).toEqual([
        { n: (await s.executor.read({ text: 'MATCH (m:PlangraphMigration) RETURN count(m) AS n' }))[0]!.n },
      ]);
      const result = await loadReportGraph(s.executor, seed);
      expect(result.status).toBe('created');
      expect(await countGraph(s.executor, seed.report.id)).toEqual(expectedCounts(seed));
    });
  }, 240_000);

  describe('an API process while Neo4j restarts', () => {
    let child: ChildProcess;
    let url = '';
    beforeAll(async () => {
      child = spawn(process.execPath, [path.join(ROOT, 'bin', 'plangraph.js'), 'serve', '--port', '0'], {
        cwd: ROOT,
        env: {
          ...process.env,
          NEO4J_URI: neo4j.uri,
          NEO4J_PASSWORD: neo4j.config.NEO4J_PASSWORD,
          NEO4J_CONNECT_TIMEOUT_MS: '1000',
          LOG_LEVEL: 'warn',
        },
      });
      let stderr = '';
      url = await new Promise<string>((resolve, reject) => {
        child.stderr!.setEncoding('utf8').on('data', (d: string) => {
          stderr += d;
          const m = /API on (http:\/\/[\d.]+:\d+)\/graphql/.exec(stderr);
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error(`serve exited: ${stderr}`)));
      });
    }, 60_000);
    afterAll(() => {
      child?.kill('SIGTERM');
    });

    const query = async () => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ indicators(first: 3) { totalCount } }' }),
      });
      const body = (await res.json()) as {
        data?: { indicators: { totalCount: number } };
        errors?: { extensions?: { code?: string } }[];
      };
      return body.errors ? String(body.errors[0]?.extensions?.code) : 'OK';
    };

    test('requests get DB_UNAVAILABLE and /readyz 503 during the outage; all recovers with no API restart; the process never exits', async () => {
      expect(await query()).toBe('OK');
      const outcomes = new Map<string, number>();
      let running = true;
      const loop = (async () => {
        while (running) {
          const code = await query().catch(
            (e: Error & { cause?: { code?: string } }) => `FETCH_FAILED ${e.cause?.code ?? e.message}`,
          );
          outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
        }
      })();
      await neo4j.stop();
      expect((await fetch(`${url}/readyz`)).status).toBe(503);
      expect(await query()).toBe('DB_UNAVAILABLE');
      await neo4j.start();
      let ready = 0;
      for (let i = 0; i < 60 && ready !== 200; i++) {
        ready = (await fetch(`${url}/readyz`)).status;
        if (ready !== 200) await new Promise((r) => setTimeout(r, 1000));
      }
      running = false;
      await loop;
      expect(ready).toBe(200);
      expect(await query()).toBe('OK');
      if (process.env.PLANGRAPH_REPORT)
        console.log(`requests during the restart: ${JSON.stringify(Object.fromEntries(outcomes))}`);
      // Every answer during the restart is an answer or DB_UNAVAILABLE; the list names any other.
      expect([...outcomes.keys()].filter((k) => k !== 'OK' && k !== 'DB_UNAVAILABLE')).toEqual([]);
      expect(outcomes.get('DB_UNAVAILABLE') ?? 0).toBeGreaterThan(0);
      expect(child.exitCode).toBeNull();
    }, 240_000);
  });
});

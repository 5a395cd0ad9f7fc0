import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { openStore } from '../../src/store/open-store.ts';
import { ROOT } from '../support/run-cli.ts';

const config = loadConfig();
const boltPort = new URL(config.uri.replace(/^\w+(\+\w+)?:/, 'http:')).port || '7687';

describe('past one machine', () => {
  test('a neo4j:// routing URI works against the local server: reads and the routing table', async () => {
    // Your own server (NEO4J_URI) needs its password: here the local server's own.
    const routed = loadConfig({
      ...process.env,
      NEO4J_URI: `neo4j://127.0.0.1:${boltPort}`,
      NEO4J_PASSWORD: config.NEO4J_PASSWORD,
    });
    const store = await openStore(routed);
    try {
      expect(await store.executor.read({ text: 'RETURN 1 AS one' })).toEqual([{ one: 1 }]);
      // The server's own routing table: who answers reads (READ access mode goes there).
      const rows = await store.executor.read({
        text: 'CALL dbms.routing.getRoutingTable({}, $db)',
        params: { db: routed.NEO4J_DATABASE },
      });
      const servers = rows[0]?.servers as { role: string; addresses: string[] }[];
      expect(servers.map((s) => s.role).sort()).toEqual(['READ', 'ROUTE', 'WRITE']);
    } finally {
      await store.close();
    }
  });

  describe('two serve replicas over one Neo4j behind a round-robin client', () => {
    const replicas: { child: ChildProcess; url: string }[] = [];

    /** `plangraph serve` on a free port, resolved once it listens. */
    const startReplica = () =>
      new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'plangraph.js'), 'serve', '--port', '0'], {
          cwd: ROOT,
          env: { ...process.env, LOG_LEVEL: 'warn' },
        });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          const m = /API on (http:\/\/[\d.]+:\d+)\/graphql/.exec(stderr);
          if (m) resolve({ child, url: m[1]! });
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
      });

    beforeAll(async () => {
      replicas.push(...(await Promise.all([startReplica(), startReplica()])));
    }, 120_000);
    afterAll(async () => {
      await Promise.all(
        replicas.map(
          (r) => new Promise<void>((resolve) => (r.child.once('exit', () => resolve()), r.child.kill('SIGTERM'))),
        ),
      );
    });

    test('a bounded soak: every answer is 200 without errors, and both replicas answer', async () => {
      const QUERIES = [
        '{ version }',
        '{ stats { byKind { kind count } } }',
        '{ reports(first: 5) { totalCount nodes { id title } } }',
        '{ indicators(first: 20) { totalCount nodes { id metric value unit } } }',
      ];
      // At most 600 requests or 20 seconds, 8 at a time, alternating between the replicas.
      const deadline = Date.now() + 20_000;
      const served = [0, 0];
      const failures: string[] = [];
      let next = 0;
      const worker = async () => {
        while (next < 600 && Date.now() < deadline) {
          const i = next++;
          const replica = i % 2;
          const res = await fetch(`${replicas[replica]!.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: QUERIES[i % QUERIES.length] }),
          });
          const body = (await res.json()) as { errors?: unknown[] };
          if (res.status !== 200 || body.errors) failures.push(`${res.status} ${JSON.stringify(body.errors)}`);
          else served[replica]! += 1;
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      expect(failures).toEqual([]);
      expect(served[0]).toBeGreaterThan(50);
      expect(served[1]).toBeGreaterThan(50);
      for (const r of replicas) expect((await fetch(`${r.url}/readyz`)).status).toBe(200);
    }, 60_000);
  });
});

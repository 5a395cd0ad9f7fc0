import net from 'node:net';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { runPlangraph } from '../support/run-cli.ts';

/** A TCP relay to the real Bolt port that counts connections: proof of which server was used. */
function startRelay(targetPort: number) {
  let connections = 0;
  const server = net.createServer((client) => {
    connections += 1;
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort });
    client.pipe(upstream).pipe(client);
    const end = () => (client.destroy(), upstream.destroy());
    client.on('error', end);
    upstream.on('error', end);
  });
  return {
    server,
    connections: () => connections,
    listen: () =>
      new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as net.AddressInfo).port))),
  };
}

describe('which Neo4j the CLI uses', () => {
  const config = loadConfig();
  const relay = startRelay(Number(new URL(config.uri.replace(/^\w+(\+\w+)?:/, 'http:')).port || 7687));
  let relayPort = 0;
  beforeAll(async () => {
    relayPort = await relay.listen();
  });
  afterAll(() => new Promise<void>((r) => relay.server.close(() => r())));

  test('honours NEO4J_URI: migrate talks to the server it names', async () => {
    const env = {
      NEO4J_URI: `bolt://127.0.0.1:${relayPort}`,
      NEO4J_USER: config.NEO4J_USER,
      NEO4J_PASSWORD: config.NEO4J_PASSWORD,
    };
    const result = await runPlangraph(['migrate'], env);
    expect(result.stderr).toMatch(/migrations applied/);
    expect(result.code).toBe(0);
    expect(relay.connections()).toBeGreaterThan(0);
  });

  test('with NEO4J_URI set, neo4j start starts nothing and status says external', async () => {
    const env = { NEO4J_URI: `bolt://127.0.0.1:${relayPort}` };
    const start = await runPlangraph(['neo4j', 'start'], env);
    expect(start.code).toBe(0);
    expect(start.stderr).toMatch(/NEO4J_URI is set.*starting nothing/);
    const status = await runPlangraph(['neo4j', 'status'], env);
    expect(JSON.parse(status.stdout)).toEqual({ state: 'external', uri: `bolt://127.0.0.1:${relayPort}` });
  });

  test('an unreachable NEO4J_URI fails fast with a clear message and exit code 3', async () => {
    const result = await runPlangraph(['migrate'], {
      NEO4J_URI: 'bolt://127.0.0.1:1',
      NEO4J_CONNECT_TIMEOUT_MS: '2000',
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/Neo4j is unreachable at bolt:\/\/127\.0\.0\.1:1 .*\[DB_UNAVAILABLE\]/);
    expect(result.ms).toBeLessThan(20_000);
  });

  test('a malformed NEO4J_URI is a configuration error, exit code 2', async () => {
    const result = await runPlangraph(['migrate'], { NEO4J_URI: 'http://localhost:7474' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad configuration: NEO4J_URI/);
  });

  test('wrong credentials are named as such, exit code 3', async () => {
    const result = await runPlangraph(['migrate'], {
      NEO4J_URI: `bolt://127.0.0.1:${relayPort}`,
      NEO4J_PASSWORD: 'not-the-password',
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/refused the credentials.*\[DB_AUTH\]/);
  });

  test('a Bolt port already taken gives a clear message and a non-zero exit, not a hang', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((r) =>
      blocker.listen(0, '127.0.0.1', () => r((blocker.address() as net.AddressInfo).port)),
    );
    try {
      const home = mkdtempSync(path.join(os.tmpdir(), 'plangraph-neo4j-'));
      const result = await runPlangraph(['neo4j', 'start'], {
        PLANGRAPH_NEO4J_HOME: home,
        NEO4J_BOLT_PORT: String(port),
        NEO4J_URI: '',
      });
      expect(result.code).toBe(6);
      expect(result.stderr).toMatch(new RegExp(`port ${port} \\(Neo4j Bolt\\) is already in use`));
    } finally {
      blocker.close();
    }
  });
});

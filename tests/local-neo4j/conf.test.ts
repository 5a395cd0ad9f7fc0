import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { localNeo4jPaths } from '../../src/local-neo4j/paths.ts';
import { writeConf } from '../../src/local-neo4j/server.ts';

const homes: string[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true });
});

/** The conf written for a home with this heap. */
function confFor(heap: string): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'plangraph-conf-'));
  homes.push(home);
  const config = loadConfig({ PLANGRAPH_NEO4J_HOME: home, NEO4J_HEAP: heap });
  const paths = localNeo4jPaths(config);
  writeConf(config, paths);
  return readFileSync(paths.conf, 'utf8');
}

const setting = (conf: string, name: string) =>
  new RegExp(`^${name.replaceAll('.', '\\.')}=(.*)$`, 'm').exec(conf)?.[1];

describe("the local server's neo4j.conf", () => {
  test('an index being built buffers a quarter of the heap, never less than Neo4j’s own 50 MB', () => {
    const name = 'internal.dbms.index.lucene.population_ram_buffer_size';
    expect(setting(confFor('1g'), name)).toBe('256');
    expect(setting(confFor('4g'), name)).toBe('1024');
    expect(setting(confFor('128m'), name)).toBe('50');
  });

  test('every value is filled in, and the heap is the configured one', () => {
    const conf = confFor('2g');
    expect(conf).not.toMatch(/=.*\{\{/);
    expect(setting(conf, 'server.memory.heap.max_size')).toBe('2g');
  });
});

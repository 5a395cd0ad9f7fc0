import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate } from '../../src/store/migrate.ts';
import type { Store } from '../../src/store/open-store.ts';
import { GOLD, SEED } from '../support/fixtures.ts';
import { ROOT, runPlangraph } from '../support/run-cli.ts';
import { openTestStore } from '../support/store.ts';
import { wipeData } from '../support/wipe.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'plangraph-cli-'));

describe('the plangraph CLI, command by command', () => {
  let store: Store;
  let reportId = '';
  beforeAll(async () => {
    store = await openTestStore();
    await migrate(store.executor);
    await wipeData(store.executor);
  });
  afterAll(() => store.close());

  test('--help lists the commands; no or unknown command is a usage error', async () => {
    const help = await runPlangraph(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['up', 'extract', 'ingest', 'delete', 'serve', 'export', 'stats', 'eval', 'neo4j', 'migrate'])
      expect(help.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect((await runPlangraph([])).code).toBe(2);
    const unknown = await runPlangraph(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    expect((await runPlangraph(['extract', '--help'])).stdout).toMatch(
      /^Usage: plangraph extract \[options\] <file\.\.\.>/,
    );
    expect((await runPlangraph(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('.env in the working directory is read; the environment wins over it', async () => {
    const dir = mkdtempSync(path.join(tmp, 'dotenv-'));
    writeFileSync(path.join(dir, '.env'), 'NEO4J_URI=bolt://127.0.0.1:1\nNEO4J_DATABASE=fromfile\n');
    const { NEO4J_URI: _unset, ...withoutUri } = process.env;
    const run = (env: NodeJS.ProcessEnv) =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'plangraph.js'), 'neo4j', 'status'], {
          cwd: dir,
          env: { ...withoutUri, ...env },
        });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('close', () => resolve(out));
      });
    expect(JSON.parse(await run({}))).toMatchObject({ state: 'external', uri: 'bolt://127.0.0.1:1' });
    expect(JSON.parse(await run({ NEO4J_URI: 'bolt://127.0.0.1:2' }))).toMatchObject({ uri: 'bolt://127.0.0.1:2' });
  });

  test('extract: JSON on stdout or --out; bad arguments and bad files have their exit codes', async () => {
    const out = await runPlangraph(['extract', SEED, '--compact']);
    expect(out.code).toBe(0);
    reportId = JSON.parse(out.stdout).report.id;
    expect(reportId).toMatch(/^天门市-2023-/);
    const file = path.join(tmp, 'seed.json');
    expect((await runPlangraph(['extract', SEED, '--out', file])).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).report.id).toBe(reportId);
    expect((await runPlangraph(['extract'])).code).toBe(2);
    expect((await runPlangraph(['extract', SEED, '--bogus'])).code).toBe(2);
    const missing = await runPlangraph(['extract', path.join(tmp, 'nope.txt')]);
    expect(missing.code).toBe(7);
    expect(missing.stderr).toMatch(/no such file/);
    writeFileSync(path.join(tmp, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 0, 1, 2]));
    expect((await runPlangraph(['extract', path.join(tmp, 'image.png')])).code).toBe(5);
  });

  test('ingest: a file, then again unchanged; a directory with one bad file loads the rest and exits 5', async () => {
    const first = await runPlangraph(['ingest', SEED]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/created 天门市-2023-/);
    expect((await runPlangraph(['ingest', SEED])).stderr).toMatch(/unchanged/);
    const dir = mkdtempSync(path.join(tmp, 'dir-'));
    writeFileSync(path.join(dir, 'a.txt'), readFileSync(path.join(ROOT, 'seeds', 'corpus', 'hebei-2026.txt')));
    writeFileSync(path.join(dir, 'b.txt'), 'just some words, no report here');
    const mixed = await runPlangraph(['ingest', dir]);
    expect(mixed.code).toBe(5);
    expect(mixed.stderr).toMatch(/created 河北省-2026-/);
    expect(mixed.stderr).toMatch(/b\.txt: FAILED .*NOT_A_REPORT/);
    expect((await runPlangraph(['ingest'])).code).toBe(2);
    expect((await runPlangraph(['ingest', path.join(tmp, 'nope')])).code).toBe(7);
  });

  test('stats and export', async () => {
    // A setting only `serve` reads does not stop `stats`.
    const stats = await runPlangraph(['stats'], { PORT: 'abc' });
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/Report: 2/);
    expect(JSON.parse((await runPlangraph(['stats', '--json'])).stdout).byKind).toContainEqual({
      kind: 'Report',
      count: 2,
    });
    const graphml = path.join(tmp, 'all.graphml');
    expect((await runPlangraph(['export', '--format', 'graphml', '--out', graphml])).code).toBe(0);
    expect(readFileSync(graphml, 'utf8')).toMatch(/^<\?xml/);
    const csvDir = path.join(tmp, 'csv');
    expect((await runPlangraph(['export', '--format', 'csv', '--report', reportId, '--out', csvDir])).code).toBe(0);
    expect(existsSync(path.join(csvDir, 'nodes-Indicator.csv'))).toBe(true);
    const json = await runPlangraph(['export', '--format', 'json', '--report', reportId]);
    expect(JSON.parse(json.stdout).report.id).toBe(reportId);
    expect((await runPlangraph(['export', '--format', 'pdf'])).code).toBe(2);
    expect((await runPlangraph(['export', '--format', 'csv'])).code).toBe(2);
    expect((await runPlangraph(['export', '--format', 'json', '--report', 'nope-2023-000000000000'])).code).toBe(4);
    expect((await runPlangraph(['stats', 'extra'])).code).toBe(2);
  });

  test('eval: scores, and exits 8 below --min-f1', async () => {
    const ok = await runPlangraph(['eval', '--gold', GOLD, '--report', SEED, '--min-f1', '0.85']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^indicators\s+[01]\.\d{3}/m);
    // A gold item nothing in the report states: recall, and so F1, drop below 1.
    const gold = JSON.parse(readFileSync(GOLD, 'utf8'));
    gold.indicators.push({
      section: 'S1',
      kind: 'achievement',
      year: 2022,
      metric: '不存在的指标',
      value: 123456,
      unit: '个',
      qualifier: null,
      text: '不存在的句子',
      borderline: false,
    });
    const harder = path.join(tmp, 'harder-gold.json');
    writeFileSync(harder, JSON.stringify(gold));
    expect((await runPlangraph(['eval', '--gold', harder, '--report', SEED, '--min-f1', '1'])).code).toBe(8);
    expect((await runPlangraph(['eval', '--report', SEED])).code).toBe(2);
    const notJson = path.join(tmp, 'gold.json');
    writeFileSync(notJson, '{ nope');
    const bad = await runPlangraph(['eval', '--gold', notJson, '--report', SEED]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not valid JSON/);
  });

  test('delete: a report goes; an unknown id is exit 4', async () => {
    expect((await runPlangraph(['delete', reportId])).code).toBe(0);
    expect((await runPlangraph(['delete', reportId])).code).toBe(4);
    expect((await runPlangraph(['delete'])).code).toBe(2);
  });

  test('neo4j and migrate', async () => {
    const status = await runPlangraph(['neo4j', 'status']);
    expect([0, 1]).toContain(status.code);
    expect(JSON.parse(status.stdout).state).toMatch(/running|external|stopped/);
    expect((await runPlangraph(['neo4j', 'bogus'])).code).toBe(2);
    expect((await runPlangraph(['migrate'])).code).toBe(0);
    expect((await runPlangraph(['migrate', 'extra'])).code).toBe(2);
  });

  test('serve answers until SIGTERM, then exits 0; a taken port is exit 2', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'plangraph.js'), 'serve', '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        const m = /API on (http:\/\/[\d.]+:\d+)\/graphql/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error(`serve exited early: ${stderr}`)));
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const blocker = net.createServer();
    const port = await new Promise<number>((r) =>
      blocker.listen(0, '127.0.0.1', () => r((blocker.address() as net.AddressInfo).port)),
    );
    try {
      const taken = await runPlangraph(['serve', '--port', String(port)]);
      expect(taken.code).toBe(2);
      expect(taken.stderr).toMatch(new RegExp(`port ${port} on 127.0.0.1 is already in use`));
    } finally {
      blocker.close();
    }
    expect((await runPlangraph(['serve', '--port', 'abc'])).code).toBe(2);
  });

  test('up --no-serve ingests seeds/ into the configured Neo4j', async () => {
    const up = await runPlangraph(['up', '--no-serve']);
    expect(up.code).toBe(0);
    expect(up.stderr).toMatch(/ingest 11\/11/);
    const reports = await store.executor.read({ text: 'MATCH (r:Report) RETURN count(r) AS n' });
    expect(reports[0]!.n).toBe(11);
  });
});

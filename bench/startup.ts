// Startup figures (BENCHMARKS.md): `plangraph --help` and `serve` until it listens, each against a
// bare `node -e ''` measured the same way, so a loaded machine shows up in both columns.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/env.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'plangraph.js');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function timeRun(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return performance.now() - started;
}

/** Milliseconds from spawning `serve` to its "API on" line (the Neo4j driver connects lazily). */
function timeServe(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], { cwd: ROOT, env: process.env });
    let stderr = '';
    let ready: number | undefined;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (ready === undefined && /API on http/.test(stderr)) {
        ready = performance.now() - started;
        child.kill('SIGTERM');
      }
    });
    child.once('close', (code) =>
      ready === undefined ? reject(new Error(`serve exited ${code}: ${stderr}`)) : resolve(ready),
    );
  });
}

export async function benchStartup(runs = Number(process.env.BENCH_STARTUP_RUNS ?? 7)): Promise<string> {
  const node = median(Array.from({ length: runs }, () => timeRun(['-e', ''])));
  const help = median(Array.from({ length: runs }, () => timeRun([BIN, '--help'])));
  const source = median(Array.from({ length: 3 }, () => timeRun([BIN, '--help'], { PLANGRAPH_FROM_SOURCE: '1' })));
  const port = loadConfig().PORT + 50;
  const serve: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) serve.push(await timeServe(port));
  const row = (what: string, ms: number) => `| ${what} | ${ms.toFixed(0)} | ${(ms - node).toFixed(0)} |`;
  return [
    `Median of ${runs} runs; "over node" subtracts a bare \`node -e ''\` start on the same machine at the same time.`,
    '',
    '| what | ms | over node |',
    '| --- | ---: | ---: |',
    row("node -e ''", node),
    row('plangraph --help (dist/)', help),
    row('plangraph --help (sources through tsx, before this change)', source),
    row('plangraph serve until it listens', median(serve)),
  ].join('\n');
}

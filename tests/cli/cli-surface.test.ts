import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { CliIo } from '../../src/cli/command.ts';
import { COMMANDS } from '../../src/cli/command-table.ts';
import { runCli } from '../../src/cli/main.ts';
import { CORPUS_DIR, SEED } from '../support/fixtures.ts';

/** runCli in this process, with what it printed. */
async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false };
  const code = await runCli(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

test('--version prints the package version', async () => {
  const version = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')).version;
  expect(await run(['--version'])).toMatchObject({ code: 0, stdout: version });
  expect((await run(['-v'])).stdout).toBe(version);
});

test.each(COMMANDS.map((c) => c.name))(
  '%s --help: usage, options with descriptions, examples, environment',
  async (name) => {
    const entry = COMMANDS.find((c) => c.name === name)!;
    const help = await run([name, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^Usage: plangraph ${name}`));
    // commander wraps long descriptions at the terminal width.
    const flat = help.stdout.replace(/\s+/g, ' ');
    for (const option of entry.options) expect(flat).toContain(option.description);
    expect(help.stdout).toMatch(/\nExamples:\n {2}\$ plangraph /);
    for (const variable of entry.env) expect(help.stdout).toMatch(new RegExp(`^ {2}${variable} +\\S`, 'm'));
    expect(await run(['help', name])).toEqual(help);
  },
);

test('a mistyped command or option gets a suggestion and exit 2', async () => {
  expect(await run(['srve'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Did you mean serve?') });
  expect(await run(['stats', '--jsn'])).toMatchObject({
    code: 2,
    stderr: expect.stringContaining('Did you mean --json?'),
  });
});

test('bad arguments are told in plain words, not zod wording', async () => {
  const port = await run(['serve', '--port', 'abc']);
  expect(port.code).toBe(2);
  expect(port.stderr).toMatch(/^plangraph serve: --port must be a number$/m);
  expect((await run(['serve', '--port', '70000'])).stderr).toMatch(/--port must be at most 65535/);
  const missing = await run(['extract']);
  expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining("missing required argument 'file'") });
  const gold = await run(['eval', '--gold', 'g.json']);
  expect(gold.stderr).toMatch(/--report is required/);
  for (const r of [port, missing, gold]) expect(r.stderr).not.toMatch(/Invalid input|Too small|expected array/);
});

test('extract FILE… --out DIR writes one JSON per report', async () => {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'plangraph-batch-')), 'out');
  const hebei = path.join(CORPUS_DIR, 'hebei-2026.txt');
  const result = await run(['extract', SEED, hebei, '--out', dir, '--compact']);
  expect(result.code).toBe(0);
  expect(readdirSync(dir).sort()).toEqual(['hebei-2026.json', 'tianmen-2023.json']);
  expect(JSON.parse(readFileSync(path.join(dir, 'tianmen-2023.json'), 'utf8')).report.id).toMatch(/^天门市-2023-/);
  expect(JSON.parse(readFileSync(path.join(dir, 'hebei-2026.json'), 'utf8')).report.id).toMatch(/^河北省-2026-/);
  expect(result.stderr.split('\n')).toHaveLength(2);
  expect(await run(['extract', SEED, hebei])).toMatchObject({
    code: 2,
    stderr: expect.stringContaining('need --out DIR'),
  });
});

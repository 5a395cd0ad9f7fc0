import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './run-cli.ts';

export interface ServeProcess {
  child: ChildProcess;
  /** http://host:port (no path). */
  url: string;
  port: number;
  /** Everything the process wrote on stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts the real `plangraph serve --port 0` in a child process and waits for its address line. */
export async function startServeProcess(env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'bin', 'plangraph.js'), 'serve', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      // Keep the tail only: a long run logs a line per failed request.
      stderr = (stderr + d).slice(-200_000);
      const m = /API on (http:\/\/[\d.]+:\d+)\/graphql/.exec(stderr);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
  });
  return {
    child,
    url,
    port: Number(new URL(url).port),
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// A server for a benchmark in a process of its own, as it runs in production: the bench's clients,
// its raw-Cypher side and its bookkeeping then never share the server's thread.
import { spawn } from 'node:child_process';

export interface ChildServer {
  port: number;
  stop(): Promise<void>;
}

/**
 * Spawns `node args…` and resolves once its stderr names the URL it listens on
 * (`http://host:port`); rejects with that stderr when the process ends first.
 */
export function startChildServer(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let started = false;
    const exited = new Promise<void>((done) => child.once('close', () => done()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const port = /http:\/\/[^:\s]+:(\d+)/.exec(stderr)?.[1];
      if (started || !port) return;
      started = true;
      resolve({
        port: Number(port),
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('close', (code) => {
      if (!started)
        reject(new Error(`${args.join(' ')} exited ${String(code)} before listening: ${stderr.slice(-2000)}`));
    });
  });
}

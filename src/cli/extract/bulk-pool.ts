import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CsvTable, WrittenReport } from '#store/bulk-csv.ts';
import { bulkTask } from './bulk-task.ts';
import { rebuildError, WORKER_LIMITS, workerUrl, type WorkerError } from './extract-pool.ts';

/** A report written, or the error that kept its input from becoming one. */
export type Written = { ok: true; report: WrittenReport } | { ok: false; error: unknown };

export interface BulkPool {
  /** Extracts the input and writes its rows into this pool's import files. */
  write(bytes: Uint8Array): Promise<Written>;
  /** Closes the files (after every write has settled) and the threads. @returns every file written */
  finish(): Promise<CsvTable[]>;
  /** Ends the threads (the files stay as they are). */
  terminate(): Promise<void>;
}

/** Threads for a bulk load: one per core (the main thread only gathers), at most 4. */
export function bulkWorkerCount(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** Inputs a worker holds at once: one it works on and the next, so that it never waits. */
const DEPTH = 2;

interface Job {
  bytes?: Uint8Array;
  settle: (reply: { result?: unknown; error?: WorkerError }) => void;
}

/**
 * The bulk load's extraction and CSV writing, spread over `workers` threads that each write
 * files of their own into `dir` (prefix w0-, w1- …); inputs go to whichever thread is free.
 * With 0 workers it does the same work in this thread.
 */
export function createBulkPool(workers: number, dir: string): BulkPool {
  if (workers <= 0) {
    const task = bulkTask(dir, 'w0');
    return {
      write: async (bytes) => {
        try {
          return { ok: true, report: task.write(bytes) };
        } catch (error) {
          return { ok: false, error };
        }
      },
      finish: async () => task.close(),
      terminate: async () => undefined,
    };
  }
  const queue: Job[] = [];
  let next = 0;
  const threads = Array.from({ length: workers }, (_, i) => {
    const worker = new Worker(workerUrl(), {
      workerData: { bulk: { dir, prefix: `w${i}` } },
      resourceLimits: WORKER_LIMITS,
    });
    const inFlight = new Map<number, Job>();
    const t = { worker, inFlight, died: undefined as string | undefined };
    worker.on('message', (reply: { id: number; result?: unknown; error?: WorkerError }) => {
      const job = inFlight.get(reply.id);
      inFlight.delete(reply.id);
      job?.settle(reply);
      pump();
    });
    const die = (why: string) => {
      if (t.died) return;
      t.died = why;
      for (const [id, job] of inFlight) {
        inFlight.delete(id);
        job.settle({ error: { message: why, app: false } });
      }
      // The other threads take the waiting inputs; with none left, they fail rather than wait.
      if (threads.every((o) => o.died))
        for (const job of queue.splice(0)) job.settle({ error: { message: why, app: false } });
      else pump();
    };
    worker.on('error', (error) => die(`an extraction thread failed: ${error.message}`));
    worker.on('exit', (code) => die(`an extraction thread exited (code ${code})`));
    return t;
  });
  const send = (t: (typeof threads)[number], job: Job) => {
    const id = next++;
    t.inFlight.set(id, job);
    t.worker.postMessage(job.bytes ? { id, bytes: job.bytes } : { id, close: true });
  };
  const pump = () => {
    for (const t of threads) while (!t.died && queue.length > 0 && t.inFlight.size < DEPTH) send(t, queue.shift()!);
  };
  return {
    write(bytes) {
      return new Promise((resolve) => {
        queue.push({
          bytes,
          settle: (r) =>
            resolve(
              r.error ? { ok: false, error: rebuildError(r.error) } : { ok: true, report: r.result as WrittenReport },
            ),
        });
        pump();
      });
    },
    async finish() {
      const tables = await Promise.all(
        threads.map(
          (t) =>
            new Promise<CsvTable[]>((resolve, reject) =>
              // A thread that died took its files' last rows with it: the load cannot go on.
              t.died
                ? reject(new Error(t.died))
                : send(t, {
                    settle: (r) => (r.error ? reject(rebuildError(r.error)) : resolve(r.result as CsvTable[])),
                  }),
            ),
        ),
      );
      await this.terminate();
      return tables.flat();
    },
    async terminate() {
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}

import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PROJECT_ROOT } from '#config/project-root.ts';
import type { ReportGraph } from '#domain/report-graph.ts';
import { AppError, ERROR_CODES, type ErrorCode } from '#errors/app-error.ts';
import { extractReportGraph } from '#extract/pipeline.ts';

/** A graph, or the error that kept the input from becoming one. */
export type Extracted = { ok: true; graph: ReportGraph } | { ok: false; error: unknown };

export interface ExtractPool {
  extract(bytes: Uint8Array): Promise<Extracted>;
  close(): Promise<void>;
}

/** An error as a worker sends it. */
export interface WorkerError {
  message: string;
  code?: string;
  app: boolean;
}

interface Reply {
  id: number;
  graph?: ReportGraph;
  error?: WorkerError;
}

/** The worker's error as this thread's: an AppError keeps its code. */
export function rebuildError(e: WorkerError): Error {
  const code = (ERROR_CODES as readonly string[]).includes(e.code ?? '') ? (e.code as ErrorCode) : 'INTERNAL';
  return e.app ? new AppError(e.message, code) : new Error(e.message);
}

/**
 * The worker module: the compiled one when this code runs from dist/ (tsx is a devDependency and
 * may be absent), else the source shim that registers tsx.
 */
export function workerUrl(): URL {
  const compiled = !import.meta.url.endsWith('.ts');
  return compiled
    ? pathToFileURL(path.join(PROJECT_ROOT, 'dist', 'cli', 'extract', 'extract-worker-main.js'))
    : new URL('./extract-worker.js', import.meta.url);
}

/**
 * An extraction worker's heap: a young generation of 192 MB (V8's semi-spaces at 64 MB, not 16),
 * so that the short-lived strings and arrays of one report die young instead of being copied
 * through a dozen scavenges (BENCHMARKS.md, issue 15, sixth pass).
 */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 192 };

/** Worker threads to use: one per core beyond the one that drives the load, at most 4. */
export function defaultWorkerCount(): number {
  return Math.max(0, Math.min(4, os.availableParallelism() - 1));
}

/**
 * Extraction off the main thread, so that it overlaps loading: `workers` threads, each loading
 * the gazetteer once, taking inputs in turn. With 0 workers it extracts in this thread.
 */
export function createExtractPool(workers: number): ExtractPool {
  if (workers <= 0) {
    return {
      extract: async (bytes) => {
        try {
          return { ok: true, graph: extractReportGraph(bytes) };
        } catch (error) {
          return { ok: false, error };
        }
      },
      close: async () => undefined,
    };
  }
  const pending = new Map<number, (r: Extracted) => void>();
  const threads = Array.from({ length: workers }, () => {
    const worker = new Worker(workerUrl(), { resourceLimits: WORKER_LIMITS });
    worker.on('message', (reply: Reply) => {
      const settle = pending.get(reply.id);
      pending.delete(reply.id);
      if (!settle) return;
      if (reply.graph) settle({ ok: true, graph: reply.graph });
      else {
        settle({ ok: false, error: rebuildError(reply.error!) });
      }
    });
    worker.on('error', (error) => {
      for (const [id, settle] of pending) {
        pending.delete(id);
        settle({ ok: false, error });
      }
    });
    return worker;
  });
  let next = 0;
  return {
    extract(bytes) {
      const id = next++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        threads[id % threads.length]!.postMessage({ id, bytes });
      });
    },
    async close() {
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}

// The worker thread of extract-pool.ts and bulk-pool.ts: extracts ReportGraphs for the pool, or,
// for `ingest --bulk` (workerData.bulk), extracts and writes them as import CSV files itself.
// Compiled into dist/ by scripts/build.ts; from the sources, extract-worker.js registers tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { extractReportGraph } from '#extract/pipeline.ts';
import { bulkTask } from './bulk-task.ts';

const port = parentPort;
if (!port) throw new Error('extract-worker-main runs only as a worker thread');

/** An error as the pool rebuilds it: AppErrors keep their code. */
function replyError(error: unknown) {
  const e = error as { message?: unknown; code?: unknown; name?: unknown } | null;
  return {
    message: String(e?.message ?? error),
    code: typeof e?.code === 'string' ? e.code : undefined,
    app: e?.name === 'AppError',
  };
}

const bulk = (workerData as { bulk?: { dir: string; prefix: string } } | null)?.bulk;
const task = bulk ? bulkTask(bulk.dir, bulk.prefix) : undefined;

port.on('message', (msg: { id: number; bytes?: Uint8Array; close?: true }) => {
  try {
    if (task) port.postMessage({ id: msg.id, result: msg.close ? task.close() : task.write(msg.bytes!) });
    else port.postMessage({ id: msg.id, graph: extractReportGraph(msg.bytes!) });
  } catch (error) {
    port.postMessage({ id: msg.id, error: replyError(error) });
  }
});

// The worker thread of extract-pool.ts: extracts ReportGraphs for the pool. Compiled into
// dist/ by scripts/build.ts; from the sources, extract-worker.js registers tsx and imports it.
import { parentPort } from 'node:worker_threads';
import { extractReportGraph } from '#extract/pipeline.ts';

const port = parentPort;
if (!port) throw new Error('extract-worker-main runs only as a worker thread');

port.on('message', ({ id, bytes }: { id: number; bytes: Uint8Array }) => {
  try {
    port.postMessage({ id, graph: extractReportGraph(bytes) });
  } catch (error) {
    const e = error as { message?: unknown; code?: unknown; name?: unknown } | null;
    port.postMessage({
      id,
      error: {
        message: String(e?.message ?? error),
        code: typeof e?.code === 'string' ? e.code : undefined,
        app: e?.name === 'AppError',
      },
    });
  }
});

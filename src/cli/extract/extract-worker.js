// A worker thread that extracts ReportGraphs for the pool in extract-pool.ts. The sources are
// TypeScript run through tsx, so the worker registers tsx before importing the pipeline.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { extractReportGraph } = await import('../../extract/pipeline.ts');

parentPort.on('message', ({ id, bytes }) => {
  try {
    parentPort.postMessage({ id, graph: extractReportGraph(bytes) });
  } catch (error) {
    const code = error && typeof error === 'object' && 'code' in error ? error.code : undefined;
    parentPort.postMessage({
      id,
      error: { message: String(error?.message ?? error), code, app: error?.name === 'AppError' },
    });
  }
});

// Where Monaco (GraphiQL 5's editor) finds its web workers: the files scripts/build-explorer.ts
// bundled beside this page, named by their hash. Nothing comes from a CDN, so GraphiQL works offline.
declare const __MONACO_WORKERS__: Record<'editor.worker' | 'json.worker' | 'graphql.worker', string>;

type Label = 'json' | 'graphql' | string;

/** The worker for a Monaco language label: JSON (variables, headers, response), GraphQL, or the base editor's. */
export function workerFile(label: Label): string {
  if (label === 'json') return __MONACO_WORKERS__['json.worker'];
  if (label === 'graphql') return __MONACO_WORKERS__['graphql.worker'];
  return __MONACO_WORKERS__['editor.worker'];
}

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker: (_id: string, label: Label) => new Worker(new URL(workerFile(label), import.meta.url), { name: label }),
};

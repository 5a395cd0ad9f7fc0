// The pool's worker when plangraph runs from its TypeScript sources (tests, tsx): registers tsx,
// then runs the worker module. The compiled CLI starts dist/cli/extract/extract-worker-main.js.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker-main.ts');

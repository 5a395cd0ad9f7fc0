import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '#config/project-root.ts';

/** The package version, read once from package.json. */
export const PLANGRAPH_VERSION: string = JSON.parse(
  readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'),
).version;

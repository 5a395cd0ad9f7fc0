import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '#config/project-root.ts';

const SCHEMA_DIR = path.join(PROJECT_ROOT, 'src', 'api', 'schema');

/** The SDL of every module in src/api/schema, in file order (base.graphql first). */
export function loadTypeDefs(): string {
  const files = readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)));
  return files.map((f) => readFileSync(path.join(SCHEMA_DIR, f), 'utf8')).join('\n');
}

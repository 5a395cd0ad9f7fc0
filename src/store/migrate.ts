import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '#config/env.ts';
import { AppError } from '#errors/app-error.ts';
import type { Executor } from './executor.ts';
import { foldSectionOwnTextLines, rewriteSectionOwnTexts } from './migrations/section-own-text.ts';

/** Data steps in code, run after the statements of the script they belong to. */
const DATA_STEPS: Record<string, (executor: Executor) => Promise<unknown>> = {
  '007-section-own-text': rewriteSectionOwnTexts,
  '009-section-own-text-one-line': foldSectionOwnTextLines,
};

export interface Migration {
  id: string;
  checksum: string;
  statements: string[];
}

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

/** Splits a script into statements on `;` at line ends, dropping `//` comment lines. */
export function splitStatements(script: string): string[] {
  const body = script
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return body
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Reads cypher/NNN-name.cypher in numeric order. */
export function readMigrations(dir = CYPHER_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{3}-[\w-]+\.cypher$/.test(f))
    .sort();
  return files.map((file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    return {
      id: file.replace(/\.cypher$/, ''),
      checksum: createHash('sha256').update(text).digest('hex'),
      statements: splitStatements(text),
    };
  });
}

const created = (statement: string) => /^CREATE\s+(?:\w+\s+)?INDEX\s+(\w+)/i.exec(statement)?.[1];
const dropped = (statement: string) => /^DROP\s+INDEX\s+(\w+)/i.exec(statement)?.[1];

/**
 * The CREATE INDEX statements of `pending` whose index a later pending script drops: building
 * an index only to drop it (on a full database, after a bulk import) is wasted work, and the
 * end state is the same without it.
 */
export function supersededStatements(pending: Migration[]): Set<string> {
  const out = new Set<string>();
  pending.forEach((m, i) => {
    for (const st of m.statements) {
      const name = created(st);
      if (name && pending.slice(i + 1).some((later) => later.statements.some((d) => dropped(d) === name))) out.add(st);
    }
  });
  return out;
}

/**
 * The schema statements that build every script's end state on an empty database: each
 * script's statements but the drops (of nothing, there) and the indexes they supersede.
 */
export function schemaForEmptyDatabase(migrations = readMigrations()): string[] {
  const superseded = supersededStatements(migrations);
  return migrations.flatMap((m) => m.statements).filter((st) => !superseded.has(st) && !dropped(st));
}

export interface MigrateOptions {
  /**
   * Run each script's data step (default). A database imported from files that this code wrote
   * (ingest --bulk) already holds every data step's end state: the steps convert data that older
   * code wrote, and would only scan for it.
   */
  dataSteps?: boolean;
  /** Statements already run on this database (the bulk path runs the range schema first). */
  alreadyRun?: ReadonlySet<string>;
}

export interface MigrationResult {
  applied: string[];
  skipped: string[];
}

/**
 * Applies the schema scripts not yet recorded in the database. Every statement is idempotent
 * (IF NOT EXISTS), so a re-run changes nothing; each applied script is recorded as a
 * (:PlangraphMigration {id, checksum}) node.
 * @throws AppError DB_ERROR when an applied script was later edited (its checksum differs).
 */
export async function migrate(
  executor: Executor,
  migrations = readMigrations(),
  options: MigrateOptions = {},
): Promise<MigrationResult> {
  const { dataSteps = true, alreadyRun = new Set<string>() } = options;
  const rows = await executor.read({ text: 'MATCH (m:PlangraphMigration) RETURN m.id AS id, m.checksum AS checksum' });
  const done = new Map(rows.map((r) => [String(r.id), String(r.checksum)]));
  const result: MigrationResult = { applied: [], skipped: [] };
  const superseded = supersededStatements(migrations.filter((m) => !done.has(m.id)));
  for (const m of migrations) {
    const previous = done.get(m.id);
    if (previous !== undefined) {
      if (previous !== m.checksum) {
        throw new AppError(
          `migration ${m.id} was changed after it was applied; add a new numbered script instead`,
          'DB_ERROR',
        );
      }
      result.skipped.push(m.id);
      continue;
    }
    for (const text of m.statements) if (!superseded.has(text) && !alreadyRun.has(text)) await executor.write({ text });
    if (dataSteps) await DATA_STEPS[m.id]?.(executor);
    await executor.write({
      text: 'MERGE (m:PlangraphMigration {id: $id}) SET m.checksum = $checksum, m.appliedAt = datetime()',
      params: { id: m.id, checksum: m.checksum },
    });
    result.applied.push(m.id);
  }
  return result;
}

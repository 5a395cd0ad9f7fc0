import { describe, expect, test } from 'vitest';
import {
  readMigrations,
  schemaForEmptyDatabase,
  splitStatements,
  supersededStatements,
} from '../../src/store/migrate.ts';

describe('splitStatements', () => {
  test('splits on semicolons at line ends and drops comment lines', () => {
    const script =
      '// constraints\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\nCREATE INDEX b IF NOT EXISTS\nFOR (n:B) ON (n.y);\n';
    expect(splitStatements(script)).toEqual([
      'CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)',
      'CREATE INDEX b IF NOT EXISTS\nFOR (n:B) ON (n.y)',
    ]);
  });
});

describe('readMigrations', () => {
  test('reads cypher/ in numeric order, every statement idempotent', () => {
    const migrations = readMigrations();
    expect(migrations.map((m) => m.id)).toEqual([...migrations.map((m) => m.id)].sort());
    expect(migrations.length).toBeGreaterThanOrEqual(3);
    for (const statement of migrations.flatMap((m) => m.statements)) expect(statement).toMatch(/IF (NOT )?EXISTS/);
  });
});

describe('supersededStatements', () => {
  const m = (id: string, ...statements: string[]) => ({ id, checksum: id, statements });
  test('an index that a later pending script drops is not built first', () => {
    const create = 'CREATE FULLTEXT INDEX t IF NOT EXISTS FOR (n:A) ON EACH [n.x]';
    const other = 'CREATE INDEX u IF NOT EXISTS FOR (n:A) ON (n.y)';
    const pending = [
      m('001', create, other),
      m('002', 'DROP INDEX t IF EXISTS'),
      m('003', create.replace('n.x', 'n.z')),
    ];
    expect([...supersededStatements(pending)]).toEqual([create]);
    // Once the dropping script has been applied, nothing pending drops it: the later create runs.
    expect([...supersededStatements(pending.slice(2))]).toEqual([]);
  });
});

describe('schemaForEmptyDatabase', () => {
  test("every script's end state without drops or the indexes they supersede", () => {
    const all = readMigrations().flatMap((m) => m.statements);
    const schema = schemaForEmptyDatabase();
    expect(schema.some((s) => /^DROP/i.test(s))).toBe(false);
    const fulltext = schema.filter((s) => /FULLTEXT INDEX plangraph_text\b/.test(s));
    expect(fulltext).toHaveLength(1);
    expect(fulltext[0]).toContain('n.ownText');
    expect(schema.length).toBe(all.length - 2);
  });
});

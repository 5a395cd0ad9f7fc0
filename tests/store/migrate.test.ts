import { describe, expect, test } from 'vitest';
import { readMigrations, splitStatements } from '../../src/store/migrate.ts';

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
    for (const statement of migrations.flatMap((m) => m.statements)) expect(statement).toMatch(/IF NOT EXISTS/);
  });
});

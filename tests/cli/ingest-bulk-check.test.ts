import { describe, expect, test } from 'vitest';
import { needsEmptinessCheck } from '../../src/cli/commands/ingest-bulk.ts';

describe('the emptiness check of ingest --bulk', () => {
  test('asks a running server, with or without --force', () => {
    expect(needsEmptinessCheck({ running: true, force: false, databaseAbsent: false })).toBe(true);
    expect(needsEmptinessCheck({ running: true, force: true, databaseAbsent: false })).toBe(true);
  });

  test('starts a stopped server for it only without --force on a home that has a database', () => {
    expect(needsEmptinessCheck({ running: false, force: false, databaseAbsent: false })).toBe(true);
    expect(needsEmptinessCheck({ running: false, force: true, databaseAbsent: false })).toBe(false);
    expect(needsEmptinessCheck({ running: false, force: false, databaseAbsent: true })).toBe(false);
  });
});

import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createBulkPool } from '../../src/cli/extract/bulk-pool.ts';

describe('the bulk load worker pool', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plangraph-bulk-pool-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('threads that die fail the inputs waiting for them, and finish fails, rather than hang', async () => {
    // The threads cannot create their files under a plain file, so each dies as it starts.
    const notADir = path.join(root, 'file');
    writeFileSync(notADir, '');
    const pool = createBulkPool(2, path.join(notADir, 'csv'));
    const inputs = Array.from({ length: 6 }, (_, i) => new TextEncoder().encode(`input ${i}`));
    const written = await Promise.all(inputs.map((b) => pool.write(b)));
    expect(written.every((w) => !w.ok)).toBe(true);
    expect(String((written[5] as { error: Error }).error.message)).toMatch(/extraction thread/);
    await expect(pool.finish()).rejects.toThrow(/extraction thread/);
    await pool.terminate();
  }, 60_000);
});

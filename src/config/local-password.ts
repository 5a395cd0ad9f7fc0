import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The password every home had before passwords were generated (issue 18): a home whose data was
 * made with it, and that has no password file, keeps using it. Also the default for your own
 * server (NEO4J_URI) when NEO4J_PASSWORD is unset, as the Docker example in the README sets it.
 */
export const LEGACY_PASSWORD = 'plangraph-dev';

export type LocalPasswordSource = 'file' | 'generated' | 'legacy';

/** `<home>/password`, readable by its owner only (0600). */
export const passwordFile = (home: string) => path.join(home, 'password');

/**
 * The local server's password: the one in `<home>/password`; for a home whose database exists
 * but has no such file (made before passwords were generated), the old default; else a new
 * random one, written to the file (mode 0600) before the server's first start sets it.
 */
export function localPassword(home: string): { password: string; source: LocalPasswordSource } {
  const file = passwordFile(home);
  if (existsSync(file)) return { password: readFileSync(file, 'utf8').trim(), source: 'file' };
  if (existsSync(path.join(home, 'data', 'dbms'))) return { password: LEGACY_PASSWORD, source: 'legacy' };
  // Hex: 192 random bits, and never a leading '-' that neo4j-admin would read as an option.
  const password = randomBytes(24).toString('hex');
  mkdirSync(home, { recursive: true });
  try {
    writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process wrote it first: that one is the password.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return localPassword(home);
    throw error;
  }
  return { password, source: 'generated' };
}

import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '#errors/app-error.ts';

export interface AtomicFileOptions {
  /** Replace an existing file (never what a symlink points to: the link itself is replaced). */
  force?: boolean;
}

/** A file being written: chunks go to a temporary file beside it, renamed into place on commit. */
export interface AtomicFile {
  write(chunk: string): Promise<void>;
  /** Flushes to disk and renames into place. */
  commit(): Promise<void>;
  /** Removes the temporary file; the target is left as it was. */
  abort(): Promise<void>;
}

const ioError = (file: string, error: unknown) =>
  new AppError(`cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, 'IO', {
    cause: error,
  });

/**
 * Refuses a target that exists (unless `force`) or is a directory, without following symlinks.
 * @throws AppError IO naming the file.
 */
export function checkTarget(file: string, options: AtomicFileOptions = {}): void {
  let stat;
  try {
    stat = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw ioError(file, error);
  }
  if (stat.isDirectory()) throw new AppError(`${file} is a directory; name a file to write`, 'IO');
  if (!options.force)
    throw new AppError(
      `${file} already exists${stat.isSymbolicLink() ? ' (a symbolic link)' : ''}: pass --force to replace it`,
      'IO',
    );
}

/**
 * Opens `file` for an atomic write: the content goes to a new temporary file in the same
 * directory (created exclusively, so no symlink is followed), which is synced and then renamed
 * over the target. A failure (a full disk, a crash) leaves the target as it was.
 * @throws AppError IO when the target exists without `force`, or cannot be written.
 */
export async function openAtomicFile(file: string, options: AtomicFileOptions = {}): Promise<AtomicFile> {
  checkTarget(file, options);
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle;
  try {
    mkdirSync(dir, { recursive: true });
    handle = await open(temp, 'wx', 0o644);
  } catch (error) {
    throw ioError(file, error);
  }
  let closed = false;
  const abort = async () => {
    if (!closed) await handle.close().catch(() => undefined);
    closed = true;
    rmSync(temp, { force: true });
  };
  return {
    async write(chunk) {
      try {
        await handle.write(chunk);
      } catch (error) {
        await abort();
        throw ioError(file, error);
      }
    },
    async commit() {
      try {
        await handle.sync();
        await handle.close();
        closed = true;
        // Checked again: another writer may have created the target meanwhile.
        checkTarget(file, options);
        renameSync(temp, file);
      } catch (error) {
        await abort();
        throw error instanceof AppError ? error : ioError(file, error);
      }
    },
    abort,
  };
}

/** Writes a whole text atomically (see openAtomicFile). */
export async function writeFileAtomic(file: string, text: string, options: AtomicFileOptions = {}): Promise<void> {
  const f = await openAtomicFile(file, options);
  try {
    await f.write(text);
  } catch (error) {
    await f.abort();
    throw error;
  }
  await f.commit();
}

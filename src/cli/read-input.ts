import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { AppError } from '#errors/app-error.ts';

/** The largest report file accepted; real reports are under 200 KB. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

const ioError = (file: string, error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  return new AppError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file} (${code})`, 'IO', {
    cause: error,
  });
};

const tooLarge = (file: string, maxBytes: number, size?: number) =>
  new AppError(
    `${file} is ${size === undefined ? 'larger than the limit' : `${Math.round(size / 1024 / 1024)} MB`}; a report file may be at most ${maxBytes / 1024 / 1024} MB`,
    'BAD_USER_INPUT',
  );

/**
 * Reads a file for a command, turning file-system errors into one clear AppError IO. Only a
 * regular file is read, after symlinks are resolved: a `.txt` link to /dev/zero, a FIFO or a
 * device is refused (issue 18: /dev/zero grew ingest to 12.6 GB, a FIFO hung). The file is
 * opened without blocking (a FIFO with no writer would block open itself), checked on the open
 * descriptor (no swap between check and read), and read with a byte cap that stops at the limit
 * whatever size it claims.
 * @throws AppError IO (missing, unreadable, a directory, not a regular file) or BAD_USER_INPUT (too large).
 */
export function readInputFile(file: string, maxBytes = MAX_REPORT_BYTES): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR')
      throw new AppError(`${file} is a directory, not a file`, 'IO');
    throw ioError(file, error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new AppError(`${file} is a directory, not a file`, 'IO');
    if (!stat.isFile())
      throw new AppError(`${file} is not a regular file (a device, FIFO or socket, or a link to one)`, 'IO');
    if (stat.size > maxBytes) throw tooLarge(file, maxBytes, stat.size);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooLarge(file, maxBytes);
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw ioError(file, error);
  } finally {
    closeSync(fd);
  }
}

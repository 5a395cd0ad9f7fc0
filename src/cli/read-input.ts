import { readFileSync, statSync } from 'node:fs';
import { AppError } from '#errors/app-error.ts';

/** The largest report file accepted; real reports are under 200 KB. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

/**
 * Reads a file for a command, turning file-system errors into one clear AppError IO.
 * @throws AppError IO (missing, unreadable, a directory) or BAD_INPUT (too large).
 */
export function readInputFile(file: string, maxBytes = MAX_REPORT_BYTES): Buffer {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new AppError(`${file} is a directory, not a file`, 'IO');
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file} (${code})`, 'IO', {
      cause: error,
    });
  }
  if (size > maxBytes) {
    throw new AppError(
      `${file} is ${Math.round(size / 1024 / 1024)} MB; a report file may be at most ${maxBytes / 1024 / 1024} MB`,
      'BAD_INPUT',
    );
  }
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(`cannot read ${file} (${code})`, 'IO', { cause: error });
  }
}

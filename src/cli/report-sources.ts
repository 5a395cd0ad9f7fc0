import { createHash } from 'node:crypto';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '#errors/app-error.ts';
import { readInputFile } from './read-input.ts';

const ManifestSchema = z.object({
  reports: z.array(
    z.object({
      file: z.string().min(1),
      region: z.string(),
      year: z.number().int(),
      source: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});

export interface ReportSource {
  file: string;
  bytes: Buffer;
  /** Set when a file found in a directory cannot be used (bytes are then empty): the others still load. */
  error?: AppError;
}

/** A file found in a directory: read it, or record why not, so one bad file does not stop the rest. */
function readListed(file: string, check?: (bytes: Buffer) => void): ReportSource {
  try {
    const bytes = readInputFile(file);
    check?.(bytes);
    return { file, bytes };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { file, bytes: Buffer.alloc(0), error };
  }
}

/** The largest manifest.json read. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

/**
 * A manifest entry's file, confined to the manifest's directory: `../x.txt`, an absolute path,
 * or a symlink that resolves outside the directory is refused (issue 18).
 * @throws AppError BAD_USER_INPUT naming the entry.
 */
function confinedEntry(dir: string, entry: string, manifestFile: string): string {
  const root = realpathSync(dir);
  const file = path.resolve(root, entry);
  const inside = (p: string) => p.startsWith(root + path.sep);
  let real = file;
  try {
    real = realpathSync(file);
  } catch {
    // A missing file is reported by the read, with its own message.
  }
  if (!inside(file) || !inside(real))
    throw new AppError(`${manifestFile}: entry ${JSON.stringify(entry)} points outside ${dir}`, 'BAD_USER_INPUT');
  return path.join(dir, entry);
}

function listTextFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) =>
      d.isDirectory() ? listTextFiles(path.join(dir, d.name)) : d.name.endsWith('.txt') ? [path.join(dir, d.name)] : [],
    )
    .sort();
}

/**
 * Resolves ingest arguments to report files: files as given; a directory through its
 * manifest.json (checking each file's sha256) or, without one, every .txt below it.
 * @throws AppError IO / BAD_USER_INPUT naming the file and the problem.
 */
export function resolveReportSources(args: string[]): ReportSource[] {
  const out: ReportSource[] = [];
  for (const arg of args) {
    if (!existsSync(arg)) throw new AppError(`no such file or directory: ${arg}`, 'IO');
    if (!statSync(arg).isDirectory()) {
      out.push({ file: arg, bytes: readInputFile(arg) });
      continue;
    }
    const manifestFile = path.join(arg, 'manifest.json');
    if (!existsSync(manifestFile)) {
      for (const file of listTextFiles(arg)) out.push(readListed(file));
      continue;
    }
    let manifest;
    try {
      manifest = ManifestSchema.parse(JSON.parse(readInputFile(manifestFile, MAX_MANIFEST_BYTES).toString('utf8')));
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError(
        `${manifestFile} is not a valid manifest: ${(error as Error).message.slice(0, 300)}`,
        'BAD_USER_INPUT',
        { cause: error },
      );
    }
    for (const entry of manifest.reports) {
      const file = confinedEntry(arg, entry.file, manifestFile);
      out.push(
        readListed(file, (bytes) => {
          const sha = createHash('sha256').update(bytes).digest('hex');
          if (sha !== entry.sha256)
            throw new AppError(
              `${file} does not match its sha256 in ${manifestFile} (got ${sha.slice(0, 12)}…)`,
              'BAD_USER_INPUT',
            );
        }),
      );
    }
  }
  if (out.length === 0) throw new AppError(`no report files found in ${args.join(', ')}`, 'BAD_USER_INPUT');
  return out;
}

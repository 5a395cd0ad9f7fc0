// A class-data-sharing archive (AppCDS, JDK 13+) of the Neo4j jars: a JVM that has one maps the
// classes an earlier run loaded instead of reading and verifying them again, which takes 1–2 s
// off each start of the server (BENCHMARKS.md, issue 15, eighth pass). The first server started
// without one records it as it stops (-XX:ArchiveClassesAtExit); every later server, and
// neo4j-admin (the same jars), uses it (-XX:SharedArchiveFile). It is named after the java binary
// and the set of jars, so another JDK or Neo4j version records its own; a JVM that cannot map
// one says so in its console log and runs without it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** The java that `spawn('java')` runs: the first on PATH, its real path. */
function javaBinary(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'java');
    if (dir && existsSync(candidate)) return realpathSync(candidate);
  }
  return 'java';
}

/** The archive for these jars and this java: `<lib>/../cds/neo4j-<hash>.jsa`. */
export function classArchiveFile(lib: string): string {
  const jars = existsSync(lib)
    ? readdirSync(lib)
        .filter((f) => f.endsWith('.jar'))
        .sort()
    : [];
  const key = createHash('sha256').update(javaBinary()).update('\0').update(jars.join('\n')).digest('hex');
  return path.join(path.dirname(lib), 'cds', `neo4j-${key.slice(0, 16)}.jsa`);
}

/** Where the server of `home` records an archive: one file per home, so two servers never share one. */
const recordingFile = (archive: string, home: string) =>
  `${archive}.${createHash('sha256').update(home).digest('hex').slice(0, 12)}.part`;

/**
 * The JVM options for the archive: use it when it is there; otherwise, with `record` (the
 * server), record it at exit.
 */
export function classArchiveArgs(lib: string, options: { record: false } | { record: true; home: string }): string[] {
  const archive = classArchiveFile(lib);
  if (existsSync(archive)) return [`-XX:SharedArchiveFile=${archive}`];
  if (!options.record) return [];
  try {
    mkdirSync(path.dirname(archive), { recursive: true });
  } catch {
    return []; // nowhere to record it (a read-only checkout): the server starts without one
  }
  return [`-XX:ArchiveClassesAtExit=${recordingFile(archive, options.home)}`];
}

/**
 * After the server of `home` has exited by itself (not killed: a killed JVM may leave half an
 * archive), its recorded archive, if any, becomes the archive.
 */
export function adoptRecordedClassArchive(lib: string, home: string): void {
  const archive = classArchiveFile(lib);
  const recorded = recordingFile(archive, home);
  if (!existsSync(recorded)) return;
  try {
    if (existsSync(archive) || statSync(recorded).size === 0) rmSync(recorded, { force: true });
    else renameSync(recorded, archive);
  } catch {
    // Only a speed-up: a stop never fails for it, and the next start records again.
  }
}

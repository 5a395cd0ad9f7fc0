import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { adoptRecordedClassArchive, classArchiveArgs, classArchiveFile } from '../../src/local-neo4j/class-archive.ts';

const dirs: string[] = [];
/** A fake `.neo4j` with a lib of the given jars. */
function fakeLib(jars: string[]): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plangraph-cds-'));
  dirs.push(root);
  const lib = path.join(root, 'lib');
  mkdirSync(lib);
  for (const j of jars) writeFileSync(path.join(lib, j), '');
  return lib;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const recordedBy = (args: string[]) => args[0]!.replace('-XX:ArchiveClassesAtExit=', '');

describe('the class-data-sharing archive of the Neo4j jars', () => {
  test('is named after the jars: another set of jars has another archive, beside lib', () => {
    const a = classArchiveFile(fakeLib(['neo4j-5.26.12.jar', 'lucene-core-9.11.1.jar']));
    const b = classArchiveFile(fakeLib(['neo4j-5.26.13.jar', 'lucene-core-9.11.1.jar']));
    expect(path.basename(a)).toMatch(/^neo4j-[0-9a-f]{16}\.jsa$/);
    expect(path.basename(a)).not.toBe(path.basename(b));
    expect(path.basename(path.dirname(a))).toBe('cds');
  });

  test('missing: the server records one at exit, each home into a file of its own; neo4j-admin runs without', () => {
    const lib = fakeLib(['neo4j-5.26.12.jar']);
    const one = classArchiveArgs(lib, { record: true, home: '/homes/one' });
    const two = classArchiveArgs(lib, { record: true, home: '/homes/two' });
    expect(one).toEqual([expect.stringMatching(/^-XX:ArchiveClassesAtExit=.*\.jsa\.[0-9a-f]{12}\.part$/)]);
    expect(recordedBy(one)).not.toBe(recordedBy(two));
    expect(existsSync(path.dirname(recordedBy(one)))).toBe(true);
    expect(classArchiveArgs(lib, { record: false })).toEqual([]);
  });

  test('a recording becomes the archive once its server has stopped; then every JVM uses it', () => {
    const lib = fakeLib(['neo4j-5.26.12.jar']);
    const archive = classArchiveFile(lib);
    const recorded = recordedBy(classArchiveArgs(lib, { record: true, home: '/homes/one' }));
    adoptRecordedClassArchive(lib, '/homes/one'); // nothing recorded yet: nothing to do
    expect(existsSync(archive)).toBe(false);
    writeFileSync(recorded, 'classes');
    adoptRecordedClassArchive(lib, '/homes/one');
    expect(existsSync(archive)).toBe(true);
    expect(existsSync(recorded)).toBe(false);
    expect(classArchiveArgs(lib, { record: true, home: '/homes/two' })).toEqual([`-XX:SharedArchiveFile=${archive}`]);
    expect(classArchiveArgs(lib, { record: false })).toEqual([`-XX:SharedArchiveFile=${archive}`]);
  });

  test('an empty recording, or one made while another server adopted its own, is dropped', () => {
    const lib = fakeLib(['neo4j-5.26.12.jar']);
    const archive = classArchiveFile(lib);
    const one = recordedBy(classArchiveArgs(lib, { record: true, home: '/homes/one' }));
    const two = recordedBy(classArchiveArgs(lib, { record: true, home: '/homes/two' }));
    writeFileSync(one, '');
    adoptRecordedClassArchive(lib, '/homes/one');
    expect(existsSync(one)).toBe(false);
    expect(existsSync(archive)).toBe(false);
    writeFileSync(archive, 'classes');
    writeFileSync(two, 'other classes');
    adoptRecordedClassArchive(lib, '/homes/two');
    expect(existsSync(two)).toBe(false);
  });

  test('nowhere to record one: the server starts without it, and a stop does not fail', () => {
    const lib = fakeLib(['neo4j-5.26.12.jar']);
    writeFileSync(path.join(path.dirname(lib), 'cds'), 'a file where the folder would be');
    expect(classArchiveArgs(lib, { record: true, home: '/homes/one' })).toEqual([]);
    expect(() => adoptRecordedClassArchive(lib, '/homes/one')).not.toThrow();
  });
});

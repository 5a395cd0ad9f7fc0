import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { unescapeImportedLineBreaks } from '../../src/store/bulk-import.ts';
import { escapeLineBreaks } from '../../src/store/line-breaks.ts';
import type { Store } from '../../src/store/open-store.ts';
import { openTestStore } from '../support/store.ts';

// What an import leaves: texts with their line breaks escaped (line-breaks.ts), on nodes named
// by id and on relationships found by a scan.
describe('line breaks put back after an import', () => {
  let store: Store;
  const texts = ['一行\n二行', '\r\n前后\n', '无换行', 'a\uFDD0b\nc'];
  const clean = () => store.executor.write({ text: 'MATCH (n:UnescapeProbe) DETACH DELETE n' });
  beforeAll(async () => {
    store = await openTestStore();
    await clean();
    await store.executor.write({
      text: `UNWIND range(0, size($texts) - 1) AS i
             CREATE (a:UnescapeProbe {id: 'p' + i, note: $texts[i]})
             CREATE (a)-[:PROBE_LINK {text: $texts[i]}]->(:UnescapeProbe {id: 'q' + i})`,
      params: { texts: texts.map(escapeLineBreaks) },
    });
  });
  afterAll(async () => {
    await clean();
    await store.close();
  });

  test('node rows by their ids, relationships by a scan; a text without a break is left alone', async () => {
    const withBreaks = texts.flatMap((t, i) => (escapeLineBreaks(t) === t ? [] : [`p${i}`]));
    const n = await unescapeImportedLineBreaks(store.executor, [
      { kind: 'nodes', label: 'UnescapeProbe', property: 'note', ids: withBreaks },
      { kind: 'rels', label: 'PROBE_LINK', property: 'text' },
    ]);
    expect(n).toBe(2 * withBreaks.length);
    const rows = await store.executor.read({
      text: `MATCH (a:UnescapeProbe)-[r:PROBE_LINK]->() RETURN a.note AS note, r.text AS text ORDER BY a.id`,
    });
    expect(rows.map((r) => r.note)).toEqual(texts);
    expect(rows.map((r) => r.text)).toEqual(texts);
  });
});

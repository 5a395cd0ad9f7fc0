import { AppError } from '#errors/app-error.ts';
import type { Executor } from '../executor.ts';
import { sectionOwnTexts } from '../section-own-text.ts';

/** Reports rewritten per transaction: each one's sections at once, a few thousand rows. */
const REPORTS_PER_BATCH = 50;

/**
 * Migration 007's data step: every Section that still stores its whole text (`text`, which
 * repeats its subsections') gets its own words as `ownText` instead, computed as the loader
 * does from the report's fullText (offsets are UTF-16 code units, which Cypher's substring does
 * not count in, so this runs here, not in Cypher). A batch of reports per transaction; an
 * interrupted run leaves whole reports done and the next `migrate` goes on from there.
 * @returns how many sections were rewritten
 */
export async function rewriteSectionOwnTexts(executor: Executor): Promise<number> {
  let rewritten = 0;
  for (;;) {
    const reports = await executor.read({
      text: `MATCH (r:Report) WHERE EXISTS { MATCH (s:Section {reportId: r.id}) WHERE s.text IS NOT NULL }
             RETURN r.id AS id, r.fullText AS text LIMIT $limit`,
      params: { limit: REPORTS_PER_BATCH },
    });
    if (reports.length === 0) return rewritten;
    const texts = new Map(reports.map((r) => [String(r.id), String(r.text ?? '')]));
    const sections = await executor.read({
      text: `UNWIND $ids AS rid MATCH (s:Section {reportId: rid})
             RETURN s.id AS id, s.parentId AS parentId, s.start AS start, s.end AS end, rid AS reportId`,
      params: { ids: [...texts.keys()] },
    });
    const rows: { id: string; ownText: string }[] = [];
    for (const [rid, text] of texts) {
      const own = sectionOwnTexts(
        sections
          .filter((s) => s.reportId === rid)
          .map((s) => ({
            id: String(s.id),
            parentId: s.parentId == null ? null : String(s.parentId),
            start: Number(s.start),
            end: Number(s.end),
          })),
        text,
      );
      for (const [id, ownText] of own) rows.push({ id, ownText });
    }
    if (rows.length === 0)
      throw new AppError('migration 007 found sections to rewrite but could not read them', 'DB_ERROR');
    await executor.write({
      text: 'UNWIND $rows AS row MATCH (s:Section {id: row.id}) SET s.ownText = row.ownText REMOVE s.text',
      params: { rows },
    });
    rewritten += rows.length;
  }
}

/** Sections rewritten per transaction by migration 009. */
const SECTIONS_PER_BATCH = 5000;

/**
 * Migration 009's data step: each Section's own words on one line (see `oneLine`), in batches of
 * sections; an interrupted run leaves whole batches done and the next `migrate` goes on.
 * @returns how many sections were rewritten
 */
export async function foldSectionOwnTextLines(executor: Executor): Promise<number> {
  let rewritten = 0;
  for (;;) {
    const rows = await executor.write({
      text: `MATCH (s:Section) WHERE s.ownText CONTAINS $lf OR s.ownText CONTAINS $cr
             WITH s LIMIT $limit
             SET s.ownText = replace(replace(s.ownText, $cr, ' '), $lf, ' ')
             RETURN count(s) AS n`,
      params: { lf: '\n', cr: '\r', limit: SECTIONS_PER_BATCH },
    });
    const n = Number(rows[0]?.n ?? 0);
    if (n === 0) return rewritten;
    rewritten += n;
  }
}

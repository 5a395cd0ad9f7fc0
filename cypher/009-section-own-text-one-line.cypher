// Sections' own words (ownText) on one line: each line break a space, as the full-text index
// treats it already. Search and highlights are unchanged; the bulk path's import files then hold
// no multi-line field but the reports' texts. The rewrite is done in code after this script
// (src/store/migrations/section-own-text.ts), in batches.

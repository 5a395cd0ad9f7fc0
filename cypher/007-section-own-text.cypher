// Sections keep their own words (ownText: the section's span without its subsections'), not
// the text their subsections repeat; the API reads a section's whole text from its report's
// fullText. The full-text index is dropped first, so that the rewrite of every Section (done in
// code after this script: src/store/migrations/section-own-text.ts) does not update it; the
// next script makes it again over ownText.
DROP INDEX plangraph_text IF EXISTS;

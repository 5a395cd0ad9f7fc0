// Line breaks in the bulk path's import files. neo4j-admin reads multi-line fields only with
// --multiline-fields=true, which makes it read every file whole before it starts and parse more
// slowly: the grown corpus imported in 21.6 s with it and 13.9 s without (BENCHMARKS.md, issue
// 15, seventh pass). So a text with a line break is written on one line, each break (and the
// escape character itself) as the escape character and a letter, and put back after the import.

/** A Unicode noncharacter: never meant to appear in interchanged text. */
export const BREAK_ESCAPE = '\uFDD0';

const NEEDS_ESCAPE = /[\n\r\uFDD0]/;
const ESCAPES: Record<string, string> = { '\n': 'n', '\r': 'r', [BREAK_ESCAPE]: 'e' };

/** Whether a field holds a line break (or the escape character) and must be escaped. */
export const needsBreakEscape = (s: string): boolean => NEEDS_ESCAPE.test(s);

/** The text on one line: \n, \r and the escape character each as the escape and n, r or e. */
export const escapeLineBreaks = (s: string): string =>
  s.replace(/[\n\r\uFDD0]/g, (c) => `${BREAK_ESCAPE}${ESCAPES[c]!}`);

/**
 * The Cypher expression that undoes `escapeLineBreaks` on `value`, with its parameters. Every
 * escape character in an escaped text starts a pair, so the pairs can be replaced one kind
 * after another; the escape character's own pair goes last.
 */
export function unescapeLineBreaksCypher(value: string): { expr: string; params: Record<string, string> } {
  return {
    expr: `replace(replace(replace(${value}, $breakLf, $lf), $breakCr, $cr), $breakEsc, $esc)`,
    params: {
      breakLf: `${BREAK_ESCAPE}n`,
      lf: '\n',
      breakCr: `${BREAK_ESCAPE}r`,
      cr: '\r',
      breakEsc: `${BREAK_ESCAPE}e`,
      esc: BREAK_ESCAPE,
    },
  };
}

/** A JS twin of the Cypher expression (the tests hold the two to the same order). */
export const unescapeLineBreaks = (s: string): string =>
  s
    .replaceAll(`${BREAK_ESCAPE}n`, '\n')
    .replaceAll(`${BREAK_ESCAPE}r`, '\r')
    .replaceAll(`${BREAK_ESCAPE}e`, BREAK_ESCAPE);

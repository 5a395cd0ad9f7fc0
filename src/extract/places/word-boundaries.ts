import { createRequire } from 'node:module';
import type * as JiebaModule from '@node-rs/jieba';
import type { Jieba } from '@node-rs/jieba';

// Word boundaries from @node-rs/jieba, loaded once on first use (its dictionary takes about
// 0.3 s to load, so a report without a doubtful name never pays for it).

const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;

function segmenter(): Jieba {
  if (!jieba) {
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof JiebaModule;
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
    jieba = JiebaClass.withDict(dict);
  }
  return jieba;
}

// Short texts (names, a few characters around a match) recur across paragraphs and reports: their
// segmentation is kept, up to a bound, so that jieba is asked once per text. Long ones (paragraphs)
// are segmented once per report by createWordCheck.
const SHORT_TEXT = 32;
const MAX_CACHED = 20_000;
const shortWords = new Map<string, readonly string[]>();

/** The words of `text` in order (jieba's segmentation, no HMM). The array must not be changed. */
export function words(text: string): readonly string[] {
  if (text.length > SHORT_TEXT) return segmenter().cut(text, false);
  let ws = shortWords.get(text);
  if (!ws) {
    ws = segmenter().cut(text, false);
    if (shortWords.size >= MAX_CACHED) shortWords.clear();
    shortWords.set(text, ws);
  }
  return ws;
}

/** Marks the offsets in `text` where a word starts or ends (0 and text.length included) with 1. */
export function wordBoundaries(text: string): Uint8Array {
  const at = new Uint8Array(text.length + 1);
  at[0] = 1;
  let i = 0;
  for (const w of words(text)) {
    i += w.length;
    at[i] = 1;
  }
  return at;
}

/**
 * A cache of boundaries per text, so that the texts with no doubtful name are never segmented:
 * `isWord(text, start, end)` is true when text[start, end) starts and ends on word boundaries.
 */
export function createWordCheck(): (text: string, start: number, end: number) => boolean {
  const cache = new Map<string, Uint8Array>();
  return (text, start, end) => {
    let b = cache.get(text);
    if (!b) {
      b = wordBoundaries(text);
      cache.set(text, b);
    }
    return b[start] === 1 && b[end] === 1;
  };
}

// Parts of speech of ordinary words: verbs, adjectives, adverbs, conjunctions, prepositions,
// particles, localisers, numerals, measure words, pronouns, times and set phrases.
const ORDINARY = /^(v|vn|vd|vi|vg|a|ad|an|ag|d|c|p|u|f|m|q|r|t|l|i)$/;

/** True when jieba knows `text` as one ordinary word (发展 vn, 繁荣 a), not as a name. */
export function isOrdinaryWord(text: string): boolean {
  const tagged = segmenter().tag(text, false);
  return tagged.length === 1 && tagged[0]!.word === text && ORDINARY.test(tagged[0]!.tag);
}

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

/** The offsets in `text` where a word starts or ends (0 and text.length included). */
export function wordBoundaries(text: string): Set<number> {
  const at = new Set<number>([0]);
  let i = 0;
  for (const w of segmenter().cut(text, false)) {
    i += w.length;
    at.add(i);
  }
  return at;
}

/**
 * A cache of boundaries per text, so that the texts with no doubtful name are never segmented:
 * `isWord(text, start, end)` is true when text[start, end) starts and ends on word boundaries.
 */
export function createWordCheck(): (text: string, start: number, end: number) => boolean {
  const cache = new Map<string, Set<number>>();
  return (text, start, end) => {
    let b = cache.get(text);
    if (!b) {
      b = wordBoundaries(text);
      cache.set(text, b);
    }
    return b.has(start) && b.has(end);
  };
}

/** The words of `text` with their part-of-speech tags (jieba's: v verb, p preposition, n noun, nr name…). */
export function taggedWords(text: string): { word: string; tag: string; start: number; end: number }[] {
  const out: { word: string; tag: string; start: number; end: number }[] = [];
  let i = 0;
  for (const { word, tag } of segmenter().tag(text, false)) {
    out.push({ word, tag, start: i, end: i + word.length });
    i += word.length;
  }
  return out;
}

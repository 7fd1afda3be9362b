#!/usr/bin/env node
/**
 * How often each language detector calls English text another language, on the labelled English sets in
 * ../shared/datasets (every text of each set, both classes), and what it calls non-English in the YouTube
 * Spam Collection. An English comment called foreign loses every English-only signal, so the share must be
 * tiny (target ≤ 0.3%). Compared: franc-min alone (its default minimum of 10 characters), franc-min only
 * from 8 words up, and threadsift's detectLanguage (src/text/language.ts). Its cost inside a scan (on the
 * tokens the thread features have already made) is the "language" phase of bench/thread-phases.mjs.
 * Usage: npm run build && node bench/language.mjs [--list]   (--list prints every English text called foreign)
 */
import { francAll } from 'franc-min';
import { davidsonItems, electionItems, ELECTION_GENERATORS, gridItems, requireDatasets, sfuThreads, smsItems, tweepfakeItems, youtubeThreads } from './datasets.mjs';

requireDatasets();
const { detectLanguage } = await import('../dist/text/language.js');
const list = process.argv.includes('--list');

const words = (t) => (t.match(/[\p{L}']+/gu) ?? []).length;
const foreign = (code) => code !== 'eng' && code !== 'und';
const DETECTORS = [
  ['franc-min', (t) => francAll(t)[0][0]],
  ['franc-min, 8+ words', (t) => (words(t) >= 8 ? francAll(t)[0][0] : 'und')],
  ['threadsift', (t) => detectLanguage(t).code],
];

const SETS = [
  ['SFU news comments', () => sfuThreads().flatMap((t) => t.comments.map((c) => c.text))],
  ['GRiD Reddit answers (human + GPT-3.5)', () => gridItems().map((x) => x.text)],
  ['TweepFake tweets (train + validation)', () => [...tweepfakeItems('train'), ...tweepfakeItems('validation')].map((x) => x.text)],
  ['Davidson tweets', () => davidsonItems().map((x) => x.text)],
  ['SMS Spam Collection (ham + spam)', () => smsItems().map((x) => x.text)],
  ['election tweets (human + 3 generators)', () => Object.keys(ELECTION_GENERATORS).flatMap((g) => electionItems(g)).map((x) => x.text)],
];

const pct = (k, n) => `${((100 * k) / n).toFixed(2)}%`;
console.log('Share of each English set called another language:\n');
console.log(`| set | texts | ${DETECTORS.map(([name]) => name).join(' | ')} |`);
console.log(`| --- | ---: | ${DETECTORS.map(() => '---:').join(' | ')} |`);
const called = [];
let worst = 0;
for (const [name, load] of SETS) {
  const texts = load();
  const counts = DETECTORS.map(() => 0);
  for (const text of texts) {
    DETECTORS.forEach(([, detect], k) => {
      const code = detect(text);
      if (foreign(code)) {
        counts[k]++;
        if (k === 2) called.push([name, code, text]);
      }
    });
  }
  console.log(`| ${name} | ${texts.length} | ${counts.map((c) => `${pct(c, texts.length)} (${c})`).join(' | ')} |`);
  worst = Math.max(worst, counts[2] / texts.length);
}
console.log(`\nthreadsift, worst set: ${(100 * worst).toFixed(2)}% (target ≤ 0.3%: ${worst <= 0.003 ? 'met' : 'NOT met'}), counting the real non-English texts below`);
console.log('\nEnglish texts threadsift called another language, by language:');
const byCode = new Map();
for (const [, code] of called) byCode.set(code, (byCode.get(code) ?? 0) + 1);
console.log(`  ${[...byCode].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ') || '(none)'}`);
for (const [set, code, text] of list ? called : called.slice(0, 15)) console.log(`  ${code}  [${set}]  ${JSON.stringify(text.slice(0, 110))}`);
if (!list && called.length > 15) console.log(`  ... ${called.length - 15} more (--list)`);

console.log('\nYouTube Spam Collection: every comment threadsift calls another language (class: spam/ham):');
for (const thread of youtubeThreads()) {
  const flagged = thread.comments.map((c) => [c, detectLanguage(c.text)]).filter(([, l]) => foreign(l.code) || (l.script !== 'Latin' && l.script !== 'none'));
  console.log(`  ${thread.id}: ${flagged.length} of ${thread.comments.length}`);
  for (const [c, l] of flagged) console.log(`    ${l.code} (${l.script}, ${l.basis}) ${c.label ? 'spam' : 'ham '}  ${JSON.stringify(c.text.slice(0, 100))}`);
}

/**
 * A large thread for the browser tests, built from text inside the project so that a fresh clone can run
 * them. People's comments are new text from a word-pair chain over the real Reddit exports
 * (test/fixtures/export-formats/reddit), under their real authors and made-up readers; a campaign posts the
 * seed thread's bot comments again with small edits under a dozen accounts; spam accounts post links.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseInput } from '../../src/parsers/index.js';
import type { Comment, Thread } from '../../src/types.js';
import { readFixture, rng, testFixture } from '../helpers.js';

function corpus() {
  const dir = testFixture('export-formats', 'reddit');
  const threads = readdirSync(dir).flatMap((f) => parseInput(readFileSync(join(dir, f)), f).threads);
  const seed = parseInput(readFixture('putin-xi-summit.txt'), 'putin-xi-summit.txt').threads[0]!;
  return { threads, seed };
}

/** `n` comments (ids "1".."n"); the same `seed` gives the same thread. */
export function largeThread(n: number, seed = 14): Thread {
  const random = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const { threads, seed: summit } = corpus();
  const people = threads.flatMap((t) => t.comments);

  // Word pairs give local sense; a jump to any word, one step in three, keeps two comments from sharing
  // the long runs that would make them near-duplicates of each other.
  const next = new Map<string, string[]>();
  const tokens: string[] = [];
  for (const c of people) {
    const words = c.text.split(/\s+/).filter(Boolean);
    tokens.push(...words);
    for (let i = 0; i + 1 < words.length; i++) {
      const list = next.get(words[i]!) ?? [];
      list.push(words[i + 1]!);
      next.set(words[i]!, list);
    }
  }
  const chatter = () => {
    const words = [pick(tokens)];
    const length = 6 + Math.floor(random() * 40);
    while (words.length < length) {
      const followers = next.get(words[words.length - 1]!);
      words.push(followers && random() > 0.35 ? pick(followers) : pick(tokens));
    }
    return words.join(' ');
  };
  const edit = (text: string) => {
    const words = text.split(' ');
    for (let k = 0; k < 2; k++) words[Math.floor(random() * words.length)] = pick(tokens);
    return words.join(' ');
  };

  const authors = [...new Set(people.map((c) => c.author).filter((a): a is string => Boolean(a)))];
  const readers = Array.from({ length: 600 }, (_, i) => `reader_${i + 1}`);
  const campaign = Array.from({ length: 12 }, (_, i) => `patriot_voice_${i + 1}`);
  const spammers = Array.from({ length: 5 }, (_, i) => `promo_deals_${i + 1}`);
  const comments: Comment[] = [];
  for (let i = 1; i <= n; i++) {
    const roll = random();
    let author: string;
    let text: string;
    if (roll < 0.05) {
      author = pick(campaign);
      text = edit(pick(summit.comments).text);
    } else if (roll < 0.07) {
      author = pick(spammers);
      // A plain deal page: a referral id in the path (/ref/…) is a spam pattern of its own, and would rank
      // these above the campaign, whose near-duplicate partners the browser tests follow down the list.
      text = `Check out my channel for daily deals, subscribe and win: https://deals${Math.floor(random() * 7)}.example/deal/${i}`;
    } else {
      author = random() < 0.3 ? pick(authors) : pick(readers);
      text = chatter();
    }
    comments.push({ id: String(i), index: i, author, text });
  }
  const article = threads[0]!;
  return { id: `large-${n}`, source: `large-${n}.json`, title: article.title, body: threads.map((t) => `${t.title}\n${t.body}`).join('\n'), comments };
}

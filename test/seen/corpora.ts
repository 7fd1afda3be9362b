/**
 * Seeded corpora for the index tests: corpus A (threads of distinct comments with dates) and corpus B,
 * lightly edited copies of some of A's comments under new threads, mixed with new comments.
 */
import { writeFileSync } from 'node:fs';
import { edit, rng, sentence, vocabulary } from '../corpus/gen.js';

export interface JsonThread {
  id: string;
  title: string;
  body: string;
  comments: Array<{ id: string; text: string; createdAt?: string }>;
}

/** A copy planted in B: where its original is in A, and how much it was edited. */
export interface Planted {
  thread: string;
  comment: string;
  original: { thread: string; comment: string; createdAt: string };
  share: number;
}

/** Edit levels of the copies: "lightly edited" is up to one word in sixteen changed. */
export const LIGHT_EDITS = [0, 0.03, 0.06];

/**
 * A: `threads` threads of `perThread` comments, each dated a minute after the one before from 2026-01-01.
 * B: `copies` copies of distinct random comments of A, each edited at one of LIGHT_EDITS (and re-cased),
 * spread over new threads of `perThread` comments with new comments between them.
 */
export function corpora(threads: number, perThread: number, copies: number, seed: number): { a: JsonThread[]; b: JsonThread[]; planted: Planted[] } {
  const random = rng(seed);
  const vocab = vocabulary(4000, random);
  const start = Date.parse('2026-01-01T00:00:00Z');
  let minute = 0;
  const a: JsonThread[] = Array.from({ length: threads }, (_, t) => ({
    id: `a${t + 1}`,
    title: `Article A${t + 1}`,
    body: '',
    comments: Array.from({ length: perThread }, (_, c) => ({
      id: String(c + 1),
      createdAt: new Date(start + 60_000 * minute++).toISOString(),
      text: sentence(vocab, 20 + Math.floor(random() * 40), random),
    })),
  }));
  const all = a.flatMap((t) => t.comments.map((c) => ({ thread: t.id, comment: c })));
  const picked = new Set<number>();
  while (picked.size < Math.min(copies, all.length)) picked.add(Math.floor(random() * all.length));
  const planted: Planted[] = [];
  const b: JsonThread[] = [];
  const queue = [...picked];
  for (let t = 0; queue.length > 0; t++) {
    const thread: JsonThread = { id: `b${t + 1}`, title: `Article B${t + 1}`, body: '', comments: [] };
    for (let c = 0; c < perThread; c++) {
      const id = String(c + 1);
      if (queue.length > 0 && random() < 0.5) {
        const original = all[queue.pop()!]!;
        const share = LIGHT_EDITS[Math.floor(random() * LIGHT_EDITS.length)]!;
        const text = edit(original.comment.text, share, vocab, random);
        thread.comments.push({ id, text: random() < 0.5 ? text.toUpperCase() : text });
        planted.push({ thread: thread.id, comment: id, original: { thread: original.thread, comment: original.comment.id, createdAt: original.comment.createdAt! }, share });
      } else thread.comments.push({ id, text: sentence(vocab, 20 + Math.floor(random() * 40), random) });
    }
    b.push(thread);
  }
  return { a, b, planted };
}

/** Threads as threadsift JSONL. */
export function writeJsonl(path: string, threads: JsonThread[]): string {
  writeFileSync(path, threads.map((t) => JSON.stringify(t)).join('\n') + '\n');
  return path;
}

/** Small builders shared by tests: threads from strings, running one signal with its defaults. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Comment, Finding, Signal, Thread } from '../src/types.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const fixture = (...parts: string[]) => join(ROOT, 'fixtures', ...parts);
export const testFixture = (...parts: string[]) => join(ROOT, 'test', 'fixtures', ...parts);
export const readFixture = (...parts: string[]) => readFileSync(fixture(...parts));

/** Whether this is a CI run (CI=true or CI=1, as .ci/run sets it). */
export const IN_CI = /^(1|true)$/i.test(process.env.CI ?? '');

const reported = new Set<string>();

/**
 * Whether a test that needs data outside the repository (../shared) or a build (dist/) runs: when the
 * file is there, and always under CI, where a missing file must fail the test instead of skipping it.
 * A local skip is never silent: the missing path is printed once.
 */
export function present(path: string, ci = IN_CI, warn: (line: string) => void = console.warn): boolean {
  if (existsSync(path) || ci) return true;
  if (!reported.has(path)) {
    reported.add(path);
    const name = relative(ROOT, path);
    warn(`skipped: ${name} is missing (${name.startsWith('dist') ? 'npm run build makes it' : 'data outside the repository'}); under CI=true this fails instead`);
  }
  return false;
}

type CommentInput = string | (Partial<Comment> & { text: string });

/** A thread from comment texts (ids "1", "2", ... unless given) and an optional article. */
export function makeThread(comments: CommentInput[], article: { title?: string; body?: string; id?: string } = {}): Thread {
  return {
    id: article.id ?? 't1',
    source: 'test',
    title: article.title ?? '',
    body: article.body ?? '',
    comments: comments.map((c, i) => (typeof c === 'string' ? { id: String(i + 1), index: i + 1, text: c } : { id: String(i + 1), index: i + 1, ...c })),
  };
}

/** Run one signal with its default options, optionally overridden. */
export function runSignal<O extends object>(signal: Signal<O>, thread: Thread, options: Partial<O> = {}): Finding[] {
  return signal.analyze(thread, { options: { ...signal.defaultOptions, ...options } });
}

/** Findings for one comment id. */
export const on = (findings: Finding[], id: string) => findings.filter((f) => f.commentId === id);

/** The substring a finding's span points at. */
export const spanText = (thread: Thread, f: Finding) => {
  const c = thread.comments.find((x) => x.id === f.commentId)!;
  return f.span ? c.text.slice(f.span[0], f.span[1]) : undefined;
};

/** A seeded pseudo-random generator in [0, 1) for reproducible random tests (mulberry32, 32-bit integer arithmetic). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

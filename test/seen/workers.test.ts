/**
 * `scan --index` with worker threads: the index is matched and written on the main thread, the threads
 * analysed in workers with their matches. A run large enough to start the pool (over two million
 * characters) gives the same report, byte for byte, and stores the same rows, with no pool, one worker
 * and two.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { workerCount } from '../../src/commands/scan.js';
import { present, ROOT } from '../helpers.js';
import { corpora, writeJsonl } from './corpora.js';

const BIN = join(ROOT, 'bin', 'threadsift.cjs');
const READY = present(join(ROOT, 'node_modules', 'better-sqlite3')) && present(join(ROOT, 'dist', 'analysis-worker.cjs'));

const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, FORCE_COLOR: '0' } });

const open = (file: string): BetterSqlite3.Database => new (createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3)(file, { readonly: true });

/** What the index stores, without the runs' start times (each run has its own). */
function stored(file: string): string {
  const db = open(file);
  try {
    const rows = (sql: string) => JSON.stringify(db.prepare(sql).raw().all(), (_, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v));
    return [
      rows('SELECT id, thread, comment, run, posted, hash, copy_of, words, flagged, score, text FROM comments ORDER BY id'),
      rows('SELECT key, comment FROM bands UNION ALL SELECT key, comment FROM recent_bands ORDER BY 1, 2'),
      rows('SELECT id, place, source, thread, title FROM threads ORDER BY id'),
    ].join('\n');
  } finally {
    db.close();
  }
}

/** Comments stored as copies of a comment the same run stored. */
function copiesWithinRun(file: string): number {
  const db = open(file);
  try {
    return db.prepare('SELECT COUNT(*) FROM comments c JOIN comments o ON o.id = c.copy_of WHERE o.run = c.run').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('workers a scan starts', () => {
  it('uses one per core, one less with --index (the main thread matches and stores), and what --workers says', () => {
    expect(workerCount({}, 2)).toBe(2);
    expect(workerCount({ index: 'i.db' }, 2)).toBe(1);
    expect(workerCount({ index: 'i.db' }, 1)).toBe(1);
    expect(workerCount({ index: 'i.db' }, 8)).toBe(7);
    expect(workerCount({ index: 'i.db', workers: 2 }, 2)).toBe(2);
    expect(workerCount({ workers: 0 }, 2)).toBe(0);
  });
});

describe.runIf(READY)('scan --index with worker threads', () => {
  it('gives the same report and stores the same rows with no pool, one worker and two, on a run that starts the pool', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-index-workers-'));
    // B holds 4,500 lightly edited copies of A's comments among as many new ones: over two million characters.
    const { a, b, planted } = corpora(500, 10, 4500, 41);
    // Texts repeated in the next thread: in a pooled run a thread is matched before the one it repeats is
    // stored, and must still be stored as its copy, as a run without the pool stores it.
    const isPlanted = new Set(planted.map((p) => `${p.thread}/${p.comment}`));
    for (let t = 1; t < b.length; t += 10) {
      const last = b[t]!.comments.at(-1)!;
      if (!isPlanted.has(`${b[t]!.id}/${last.id}`)) last.text = b[t - 1]!.comments[0]!.text;
    }
    const fileA = writeJsonl(join(dir, 'a.jsonl'), a);
    const fileB = writeJsonl(join(dir, 'b.jsonl'), b);
    expect(b.reduce((n, t) => n + t.comments.reduce((m, c) => m + c.text.length, 0), 0)).toBeGreaterThan(2_000_000);
    const base = join(dir, 'base.db');
    expect(cli([fileA, '--index', base, '-f', 'json', '--workers', '0']).status).toBe(0);

    const runs = new Map<string, { stdout: string; stderr: string; status: number | null; index: string }>();
    for (const workers of ['0', '1', '2']) {
      for (const format of workers === '1' ? ['jsonl'] : ['jsonl', 'json']) {
        const index = join(dir, `w${workers}-${format}.db`);
        copyFileSync(base, index);
        const r = cli([fileB, '--index', index, '-f', format, '--workers', workers]);
        runs.set(`${workers} ${format}`, { stdout: r.stdout, stderr: r.stderr, status: r.status, index: stored(index) });
      }
    }
    for (const format of ['jsonl', 'json']) {
      const single = runs.get(`0 ${format}`)!;
      expect(single.status, format).toBe(0);
      for (const workers of format === 'jsonl' ? ['1', '2'] : ['2']) {
        const pooled = runs.get(`${workers} ${format}`)!;
        expect([pooled.status, pooled.stderr], `${workers} ${format}`).toEqual([single.status, single.stderr]);
        expect(pooled.stdout === single.stdout, `${workers} ${format}: report`).toBe(true);
        expect(pooled.index === single.index, `${workers} ${format}: index`).toBe(true);
      }
    }
    // The rows stored do not depend on the report's format either.
    expect(runs.get('2 jsonl')!.index === runs.get('0 json')!.index).toBe(true);
    expect(copiesWithinRun(join(dir, 'w2-jsonl.db'))).toBeGreaterThan(0);

    // And the re-posts were found: at least 99% of the planted copies, with A's thread.
    const report = JSON.parse(runs.get('2 json')!.stdout) as { threads: Array<{ id: string; comments: Array<{ id: string; reasons: Array<{ code: string; args: Record<string, unknown> }> }> }> };
    const seen = new Map<string, Record<string, unknown>>();
    for (const t of report.threads) for (const c of t.comments) for (const r of c.reasons) if (r.code === 'SEEN_BEFORE') seen.set(`${t.id}/${c.id}`, r.args);
    const found = planted.filter((p) => seen.get(`${p.thread}/${p.comment}`)?.thread === p.original.thread);
    expect(found.length / planted.length).toBeGreaterThanOrEqual(0.99);
    expect(readFileSync(fileB, 'utf8').length).toBeGreaterThan(2_000_000);
  }, 600_000);
});

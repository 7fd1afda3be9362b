/**
 * The persistent index (`scan --index FILE`, `threadsift index`): re-posts found with where and when they
 * were first seen, in every report format; what is stored; prune and export; and the file's safety with
 * two writers at once and a run killed midway.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli.js';
import { present, ROOT } from '../helpers.js';
import { validate } from '../schema-check.js';
import { corpora, writeJsonl, type JsonThread } from './corpora.js';

const HAS_SQLITE = present(join(ROOT, 'node_modules', 'better-sqlite3'));
const BIN = join(ROOT, 'bin', 'threadsift.cjs');
const BUILT = present(join(ROOT, 'dist', 'threadsift.cjs'));

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => Buffer.from(''), stdoutIsTTY: false, stderrIsTTY: false, env, cwd: ROOT };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** The index file read directly, to check what the CLI stored. */
function database(file: string): BetterSqlite3.Database {
  const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  return new Sqlite(file, { readonly: true });
}

function counts(file: string): { comments: number; integrity: string } {
  const db = database(file);
  try {
    return { comments: db.prepare('SELECT COUNT(*) FROM comments').pluck().get() as number, integrity: db.pragma('integrity_check', { simple: true }) as string };
  } finally {
    db.close();
  }
}

const temp = () => mkdtempSync(join(tmpdir(), 'threadsift-index-'));

/** The seen-before reasons of a JSON report, by "thread/comment". */
function seenBefore(report: { threads: Array<{ id: string; comments: Array<{ id: string; reasons: Array<{ code: string; args: Record<string, unknown> }> }> }> }) {
  const found = new Map<string, Record<string, unknown>>();
  for (const t of report.threads) for (const c of t.comments) for (const r of c.reasons) if (r.code === 'SEEN_BEFORE') found.set(`${t.id}/${c.id}`, r.args);
  return found;
}

const thread = (id: string, title: string, comments: Array<[string, string, string?]>): JsonThread => ({
  id,
  title,
  body: '',
  comments: comments.map(([cid, text, createdAt]) => ({ id: cid, text, ...(createdAt ? { createdAt } : {}) })),
});

const SPAM = 'Earn five hundred dollars a day from home with this one simple trick that the banks do not want you to know about';
const HUMAN = 'I remember the old harbour before the new bridge, the fish market smelled of tar and salt every single morning';

describe.runIf(HAS_SQLITE)('scan --index', () => {
  it('reports a re-post under a new thread with the thread, comment and date it was first seen, in every report format', async () => {
    const dir = temp();
    const index = join(dir, 'seen.db');
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeFileSync(a, JSON.stringify(thread('harbour', 'The harbour plan', [['c1', SPAM, '2026-02-01T08:00:00Z'], ['c2', HUMAN, '2026-02-01T09:00:00Z']])));
    writeFileSync(b, JSON.stringify(thread('budget', 'The budget', [['x1', SPAM.replace('simple', 'easy').toUpperCase()], ['x2', 'The council should publish the full figures before the vote next week, not after it']])));
    const first = await run([a, '--index', index, '-f', 'json']);
    expect(first.code).toBe(0);
    expect(seenBefore(JSON.parse(first.stdout)).size).toBe(0);

    const second = await run([b, '--index', index, '-f', 'json']);
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout);
    expect(report.signals.find((s: { id: string }) => s.id === 'seen-before')).toMatchObject({ enabled: true });
    const found = seenBefore(report);
    expect([...found.keys()]).toEqual(['budget/x1']);
    expect(found.get('budget/x1')).toMatchObject({ source: a, thread: 'harbour', title: 'The harbour plan', comment: 'c1', date: '2026-02-01T08:00:00.000Z', dateKind: 'posted', copies: 1, threads: 1, flagged: false });
    expect(found.get('budget/x1')!.similarity).toBeGreaterThanOrEqual(0.8);
    const x1 = report.threads[0].comments.find((c: { id: string }) => c.id === 'x1');
    expect(x1.flagged).toBe(true);
    // The shipped schemas accept the reason and its args, in the JSON report and in JSON lines.
    expect(validate('report', report)).toEqual([]);
    const lines = (await run([b, '--index', index, '-f', 'jsonl'])).stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; reasons?: Array<{ code: string }> });
    expect(lines.some((l) => l.reasons?.some((r) => r.code === 'SEEN_BEFORE'))).toBe(true);
    for (const line of lines) expect(validate('jsonl', line)).toEqual([]);

    // Every format words the finding through the same reasons path (scanned again: the index already holds b).
    for (const format of ['terminal', 'markdown', 'csv', 'github', 'html', 'json']) {
      const r = await run([b, '--index', index, '-f', format, '--no-color', '-v']);
      expect(r.code, format).toBe(0);
      expect(r.stdout, format).toContain('seen before under another thread');
      expect(r.stdout, format).toContain('2026-02-01');
    }
  });

  it('does not report a dated comment as a re-post of what was first seen after it', async () => {
    const dir = temp();
    const index = join(dir, 'seen.db');
    const copy = join(dir, 'copy.json');
    const original = join(dir, 'original.json');
    // The copy, undated, is stored first; the original, dated before the run that stored the copy, comes later.
    writeFileSync(copy, JSON.stringify(thread('budget', 'The budget', [['x1', SPAM.replace('simple', 'easy')]])));
    writeFileSync(original, JSON.stringify(thread('harbour', 'The harbour plan', [['c1', SPAM, '2026-02-01T08:00:00Z']])));
    await run([copy, '--index', index]);
    expect(seenBefore(JSON.parse((await run([original, '--index', index, '-f', 'json'])).stdout)).size).toBe(0);
    // The copy scanned again is still a re-post of the original, posted before it was indexed.
    expect(seenBefore(JSON.parse((await run([copy, '--index', index, '-f', 'json'])).stdout)).get('budget/x1')).toMatchObject({ thread: 'harbour', dateKind: 'posted' });
  });

  it('leaves reports of runs without an index as they were: the signal is neither run nor listed', async () => {
    const dir = temp();
    const a = join(dir, 'a.json');
    writeFileSync(a, JSON.stringify(thread('harbour', 'The harbour plan', [['c1', SPAM]])));
    const report = JSON.parse((await run([a, '-f', 'json'])).stdout);
    expect(report.signals.map((s: { id: string }) => s.id)).not.toContain('seen-before');
  });

  it('stores each comment once: a thread scanned again adds nothing and is not a sighting of itself', async () => {
    const dir = temp();
    const index = join(dir, 'seen.db');
    const a = join(dir, 'a.json');
    writeFileSync(a, JSON.stringify(thread('harbour', 'The harbour plan', [['c1', SPAM], ['c2', HUMAN], ['c3', SPAM], ['c4', 'too short']])));
    for (let i = 0; i < 2; i++) {
      const r = await run([a, '--index', index, '-f', 'json']);
      expect(seenBefore(JSON.parse(r.stdout)).size).toBe(0);
    }
    const stats = JSON.parse((await run(['index', 'stats', index, '-f', 'json'])).stdout);
    expect(stats).toMatchObject({ runs: 1, threads: 1, comments: 4, sketched: 2, copies: 1, short: 1, withText: 0 });
    expect(validate('index-stats', stats)).toEqual([]);
  });

  it('knows a thread by its page address: the same page in another day\'s export is not a re-post of itself', async () => {
    const dir = temp();
    const index = join(dir, 'seen.db');
    const page = (comments: Array<[string, string, string?]>) => ({ ...thread('t1', 'The harbour plan', comments), url: 'https://news.example/harbour-plan' });
    const monday = join(dir, 'monday.json');
    const tuesday = join(dir, 'tuesday.json');
    const elsewhere = join(dir, 'elsewhere.json');
    writeFileSync(monday, JSON.stringify(page([['c1', SPAM, '2026-03-02T08:00:00Z'], ['c2', HUMAN, '2026-03-02T09:00:00Z']])));
    // Tuesday's export of the same page holds Monday's comments and a new one.
    writeFileSync(tuesday, JSON.stringify(page([['c1', SPAM, '2026-03-02T08:00:00Z'], ['c2', HUMAN, '2026-03-02T09:00:00Z'], ['c3', 'A new reply about the harbour and its old fish market, posted on Tuesday morning']])));
    writeFileSync(elsewhere, JSON.stringify({ ...thread('t9', 'The bridge', [['c1', SPAM]]), url: 'https://news.example/bridge' }));
    await run([monday, '--index', index]);
    expect(seenBefore(JSON.parse((await run([tuesday, '--index', index, '-f', 'json'])).stdout)).size).toBe(0);
    expect(JSON.parse((await run(['index', 'stats', index, '-f', 'json'])).stdout)).toMatchObject({ threads: 1, comments: 3 });
    // A copy under another page is still a re-post, of the comment Monday's export held.
    expect(seenBefore(JSON.parse((await run([elsewhere, '--index', index, '-f', 'json'])).stdout)).get('t9/c1')).toMatchObject({ thread: 't1', source: monday, copies: 1 });
    expect(counts(index).integrity).toBe('ok');
  });

  it('knows a text dump by its article: another day\'s dump, its comments numbered by position, is not a re-post of itself', async () => {
    const dir = temp();
    const index = join(dir, 'seen.db');
    const article = 'The council approved the harbour plan on Tuesday after two years of dispute with the residents of the old fish market district. '.repeat(2);
    // Text dumps: no address, no ids. Between the days a comment was deleted, so the numbers moved.
    const dump = (comments: string[]) => `The harbour plan\n${article}\n\n${comments.length} Comments\n${comments.join('\n')}\n`;
    const monday = join(dir, 'monday.txt');
    const tuesday = join(dir, 'tuesday.txt');
    const elsewhere = join(dir, 'elsewhere.json');
    writeFileSync(monday, dump([HUMAN, 'A first reply that a moderator later deleted from the thread entirely.', SPAM]));
    writeFileSync(tuesday, dump([HUMAN, SPAM, 'A new reply about the harbour and its old fish market, posted on Tuesday morning']));
    writeFileSync(elsewhere, JSON.stringify(thread('t9', 'The bridge', [['c1', SPAM]])));
    const parsed = JSON.parse((await run(['parse', tuesday])).stdout);
    expect(parsed.threads[0].comments.map((c: { text: string }) => c.text)).toContain(SPAM);
    await run([monday, '--index', index]);
    expect(seenBefore(JSON.parse((await run([tuesday, '--index', index, '-f', 'json'])).stdout)).size).toBe(0);
    // A copy under another article is a re-post, seen on one page however many of its dumps hold it.
    expect(seenBefore(JSON.parse((await run([elsewhere, '--index', index, '-f', 'json'])).stdout)).get('t9/c1')).toMatchObject({ source: monday, copies: 1, threads: 1 });
    expect(counts(index).integrity).toBe('ok');
    const pageRows = (file: string) => {
      const db = database(file);
      try {
        return db.prepare('SELECT t.source, p.page FROM thread_pages p LEFT JOIN threads t ON t.id = p.thread ORDER BY p.thread').raw().all() as Array<[string, string]>;
      } finally {
        db.close();
      }
    };
    // Both dumps are stored under their files, on one page; the JSON thread without an article has none.
    const pages = pageRows(index);
    expect(pages.map(([source]) => source)).toEqual([monday, tuesday]);
    expect(pages[0]![1]).toMatch(/^text /);
    expect(pages[1]![1]).toBe(pages[0]![1]);
    // Prune forgets the pages of the threads it removes.
    expect((await run(['index', 'prune', index, '--before', '2999-01-01'])).code).toBe(0);
    expect(pageRows(index)).toEqual([]);
  });

  it('an index written before threads\' pages were recorded: prune still works, and the next run records them', async () => {
    const dir = temp();
    const index = join(dir, 'seen.db');
    const article = 'The council approved the harbour plan on Tuesday after two years of dispute with the residents of the old fish market district. '.repeat(2);
    const monday = join(dir, 'monday.txt');
    const tuesday = join(dir, 'tuesday.txt');
    writeFileSync(monday, `The harbour plan\n${article}\n\n2 Comments\n${HUMAN}\n${SPAM}\n`);
    writeFileSync(tuesday, `The harbour plan\n${article}\n\n1 Comments\n${SPAM}\n`);
    await run([monday, '--index', index]);
    const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    const db = new Sqlite(index);
    db.exec('DROP TABLE thread_pages');
    db.close();
    expect((await run(['index', 'prune', index, '--before', '2000-01-01'])).code).toBe(0);
    // Monday's thread has no page any more: Tuesday's dump finds its copy there, as before pages were kept.
    expect(seenBefore(JSON.parse((await run([tuesday, '--index', index, '-f', 'json'])).stdout)).size).toBe(1);
    const check = database(index);
    try {
      expect(check.prepare('SELECT COUNT(*) FROM thread_pages').pluck().get()).toBe(1);
    } finally {
      check.close();
    }
    expect(counts(index).integrity).toBe('ok');
  });

  it('an index written when threads were known by their file alone still recognises them', async () => {
    const dir = temp();
    const index = join(dir, 'seen.db');
    const monday = join(dir, 'monday.json');
    writeFileSync(monday, JSON.stringify({ ...thread('t1', 'The harbour plan', [['c1', SPAM], ['c2', HUMAN]]), url: 'https://news.example/harbour-plan' }));
    await run([monday, '--index', index]);
    // As the earlier layout stored it: the thread under the full path of the file it was read from.
    const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    const db = new Sqlite(index);
    db.prepare('UPDATE threads SET place = ?').run(monday);
    db.close();
    expect(seenBefore(JSON.parse((await run([monday, '--index', index, '-f', 'json'])).stdout)).size).toBe(0);
    expect(JSON.parse((await run(['index', 'stats', index, '-f', 'json'])).stdout)).toMatchObject({ threads: 1, comments: 2 });
  });

  it('keeps texts only with --index-texts; export writes every stored comment as a JSON line', async () => {
    const dir = temp();
    const a = join(dir, 'a.json');
    writeFileSync(a, JSON.stringify(thread('harbour', 'The harbour plan', [['c1', SPAM, '2026-02-01T08:00:00Z'], ['c2', HUMAN]])));
    const plain = join(dir, 'plain.db');
    const texts = join(dir, 'texts.db');
    await run([a, '--index', plain]);
    await run([a, '--index', texts, '--index-texts']);
    const rows = async (file: string) => (await run(['index', 'export', file])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    const exported = await rows(plain);
    expect(exported).toHaveLength(2);
    expect(exported[0]).toMatchObject({ source: a, thread: 'harbour', title: 'The harbour plan', comment: 'c1', posted: '2026-02-01T08:00:00.000Z' });
    expect(exported.every((r: object) => !('text' in r))).toBe(true);
    expect((await rows(texts)).map((r: { text: string }) => r.text)).toEqual([SPAM, HUMAN]);
    for (const row of [...exported, ...(await rows(texts))]) expect(validate('index-export', row)).toEqual([]);
    expect(validate('index-export', { ...exported[0], posted: '1 Feb 2026' })).not.toEqual([]);
    expect(readFileSync(plain).includes(Buffer.from('simple trick'))).toBe(false);
  });

  it('prune forgets what was first seen before a date; a copy that stays takes over its text', async () => {
    const dir = temp();
    const index = join(dir, 'seen.db');
    const old = join(dir, 'old.json');
    const newer = join(dir, 'newer.json');
    const later = join(dir, 'later.json');
    writeFileSync(old, JSON.stringify(thread('t-old', 'Old', [['c1', SPAM, '2025-01-01T00:00:00Z'], ['c2', HUMAN, '2025-01-01T00:00:00Z']])));
    writeFileSync(newer, JSON.stringify(thread('t-new', 'Newer', [['c1', SPAM, '2026-06-01T00:00:00Z']])));
    writeFileSync(later, JSON.stringify(thread('t-later', 'Later', [['c1', SPAM]])));
    await run([old, '--index', index]);
    await run([newer, '--index', index]);
    const pruned = await run(['index', 'prune', index, '--before', '2026-01-01']);
    expect(pruned.code).toBe(0);
    expect(pruned.stderr).toMatch(/^threadsift: forgot 2 comments \(1 threads, 1 runs\)/);
    const stats = JSON.parse((await run(['index', 'stats', index, '-f', 'json'])).stdout);
    expect(stats).toMatchObject({ comments: 1, sketched: 1, copies: 0, threads: 1 });
    expect(validate('index-stats', stats)).toEqual([]);
    const found = seenBefore(JSON.parse((await run([later, '--index', index, '-f', 'json'])).stdout));
    expect(found.get('t-later/c1')).toMatchObject({ thread: 't-new', date: '2026-06-01T00:00:00.000Z' });
    expect(counts(index).integrity).toBe('ok');
  });

  it('prune hands a text to its earliest copy left and points the other copies at it', async () => {
    const dir = temp();
    const index = join(dir, 'seen.db');
    const files = [
      thread('t-old', 'Old', [['c1', SPAM, '2025-01-01T00:00:00Z']]),
      thread('t-march', 'March', [['c1', SPAM, '2026-03-01T00:00:00Z']]),
      thread('t-june', 'June', [['c1', SPAM, '2026-06-01T00:00:00Z']]),
    ].map((t) => {
      const file = join(dir, `${t.id}.json`);
      writeFileSync(file, JSON.stringify(t));
      return file;
    });
    for (const file of files) await run([file, '--index', index]);
    expect(JSON.parse((await run(['index', 'stats', index, '-f', 'json'])).stdout)).toMatchObject({ comments: 3, sketched: 1, copies: 2 });
    expect((await run(['index', 'prune', index, '--before', '2026-01-01'])).code).toBe(0);
    expect(JSON.parse((await run(['index', 'stats', index, '-f', 'json'])).stdout)).toMatchObject({ comments: 2, sketched: 1, copies: 1, threads: 2 });
    // The March copy now holds the sketch and June's copy points at it: both are still sightings.
    const exported = (await run(['index', 'export', index])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: number; thread: string; copyOf?: number });
    const march = exported.find((r) => r.thread === 't-march')!;
    expect(march.copyOf).toBeUndefined();
    expect(exported.find((r) => r.thread === 't-june')!.copyOf).toBe(march.id);
    const later = join(dir, 'later.json');
    writeFileSync(later, JSON.stringify(thread('t-later', 'Later', [['c1', SPAM]])));
    expect(seenBefore(JSON.parse((await run([later, '--index', index, '-f', 'json'])).stdout)).get('t-later/c1')).toMatchObject({
      thread: 't-march',
      date: '2026-03-01T00:00:00.000Z',
      copies: 2,
      threads: 2,
    });
    expect(counts(index).integrity).toBe('ok');
  });

  it('merges recent band keys into the main table once there are enough, and still finds what they stored', async () => {
    const dir = temp();
    const index = join(dir, 'seen.db');
    const first = join(dir, 'first.json');
    const second = join(dir, 'second.json');
    writeFileSync(first, JSON.stringify(thread('harbour', 'The harbour plan', [['c1', SPAM, '2026-02-01T08:00:00Z']])));
    writeFileSync(second, JSON.stringify(thread('bridge', 'The bridge', [['c1', HUMAN]])));
    await run([first, '--index', index]);
    const tables = () => {
      const db = database(index);
      try {
        const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
        const meta = (key: string) => Number(db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key));
        return { bands: count('bands'), recent: count('recent_bands'), mainEntries: meta('mainEntries'), recentEntries: meta('recentEntries') };
      } finally {
        db.close();
      }
    };
    const before = tables();
    expect(before).toMatchObject({ bands: 0, mainEntries: 0 });
    expect(before.recent).toBeGreaterThan(0);
    expect(before.recentEntries).toBe(before.recent);
    // As if half a million keys had been stored since the last merge: the next run's keys cross the line.
    const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    const db = new Sqlite(index);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'recentEntries'").run(String(500_000 - 1));
    db.close();
    await run([second, '--index', index]);
    const after = tables();
    expect(after.recent).toBe(0);
    expect(after.recentEntries).toBe(0);
    expect(after.bands).toBeGreaterThan(before.recent);
    // The counted entries carry over (the stand-in count included), as a merge of that many would.
    expect(after.mainEntries).toBe(500_000 - 1 + after.bands - before.recent);
    const later = join(dir, 'later.json');
    writeFileSync(later, JSON.stringify(thread('market', 'The market', [['c1', SPAM.replace('simple', 'easy')], ['c2', HUMAN]])));
    const found = seenBefore(JSON.parse((await run([later, '--index', index, '-f', 'json'])).stdout));
    expect(found.get('market/c1')).toMatchObject({ thread: 'harbour', date: '2026-02-01T08:00:00.000Z' });
    expect(found.get('market/c2')).toMatchObject({ thread: 'bridge' });
    expect(counts(index).integrity).toBe('ok');
  });

  it('a flood of variants: past the 512 candidates verified, the counts say "at least"', async () => {
    const dir = temp();
    const index = join(dir, 'seen.db');
    // 600 variants of one text, each with its own pair of added words: all near copies of the bare text.
    const extra = ['amber', 'basil', 'cedar', 'delta', 'ember', 'fjord', 'garnet', 'hazel', 'indigo', 'juniper', 'kestrel', 'lilac', 'maple', 'nectar', 'onyx', 'pepper', 'quartz', 'russet', 'saffron', 'tundra', 'umber', 'violet', 'willow', 'xenon', 'yarrow', 'zinnia', 'acorn', 'birch', 'clover', 'dune'];
    const variants = (n: number) => Array.from({ length: n }, (_, i): [string, string] => [String(i + 1), `${SPAM} ${extra[i % 30]} ${extra[Math.floor(i / 30)]}`]);
    const flood = join(dir, 'flood.json');
    const few = join(dir, 'few.json');
    writeFileSync(flood, JSON.stringify(thread('flood', 'Flood', variants(600))));
    writeFileSync(few, JSON.stringify(thread('few', 'Few', variants(20))));
    const later = join(dir, 'later.json');
    writeFileSync(later, JSON.stringify(thread('later', 'Later', [['c1', SPAM]])));
    const floodIndex = join(dir, 'flood.db');
    await run([flood, '--index', floodIndex]);
    const many = JSON.parse((await run([later, '--index', floodIndex, '-f', 'json'])).stdout);
    expect(seenBefore(many).get('later/c1')).toMatchObject({ thread: 'flood', copies: 512, threads: 1, atLeast: true });
    const reason = many.threads[0].comments[0].reasons.find((r: { code: string }) => r.code === 'SEEN_BEFORE');
    expect(reason.message).toMatch(/; at least 512 such comments under at least 1 thread in the index/);
    await run([few, '--index', index]);
    const some = seenBefore(JSON.parse((await run([later, '--index', index, '-f', 'json'])).stdout)).get('later/c1');
    expect(some).toMatchObject({ thread: 'few', copies: 20 });
    expect(some).not.toHaveProperty('atLeast');
  });

  it('fails with one line and exit 2 for a file that is not an index, settings the index was not made with, or a bad date', async () => {
    const dir = temp();
    const a = join(dir, 'a.json');
    writeFileSync(a, JSON.stringify(thread('harbour', 'The harbour plan', [['c1', SPAM]])));
    const notIndex = await run([a, '--index', a]);
    expect(notIndex.code).toBe(2);
    expect(notIndex.stderr).toMatch(/^threadsift: .*a\.json: is not a threadsift index, or it is damaged \(give a new file name to start an index\)\n$/);
    const index = join(dir, 'seen.db');
    await run([a, '--index', index]);
    const config = join(dir, 'strict.json');
    writeFileSync(config, JSON.stringify({ signals: { 'seen-before': { options: { threshold: 0.9 } } } }));
    const other = await run([a, '--index', index, '--config', config]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('was made with similarity 0.8 and minWords 5; this run compares with similarity 0.9');
    // Prune deletes: a date is taken only as ISO 8601 writes it, a day that exists, UTC without an offset.
    for (const notDate of ['last year', '1', '0', 'March 5', '2026-02-30', '2026-13-01', '2026-01-01T25:00']) {
      const r = await run(['index', 'prune', index, '--before', notDate]);
      expect(r.code, notDate).toBe(2);
      expect(r.stderr, notDate).toMatch(/^threadsift: --before ".*" is not a date \(give an ISO 8601 date/);
    }
    expect((await run(['index', 'prune', index, '--before', '2026-01-01T12:00'])).stderr).toContain('first seen before 2026-01-01T12:00:00.000Z');
    expect((await run(['index', 'prune', index, '--before', '2026-01-01T12:00:00+02:00'])).stderr).toContain('first seen before 2026-01-01T10:00:00.000Z');
    const noFolder = await run([a, '--index', join(dir, 'no-such-folder', 'seen.db')]);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toMatch(/^threadsift: cannot open index .*no-such-folder.seen\.db \(check that its folder exists and can be written\)\n$/);
    expect((await run(['index', 'stats', join(dir, 'none.db')])).stderr).toContain('no index has been made at this path');
    for (const action of ['stats', 'prune', 'export']) {
      const r = await run(['index', action, a, ...(action === 'prune' ? ['--before', '2026-01-01'] : [])]);
      expect(r.code, action).toBe(2);
      expect(r.stderr, action).toContain('is not a threadsift index');
    }
    expect((await run([a, '--index-texts'])).stderr).toContain('--index-texts needs --index FILE');
  });

  it('two runs reading standard input are two places: a re-post between them is found, and nothing is taken for already stored', async () => {
    const dir = temp();
    const index = join(dir, 'seen.db');
    const piped = async (value: unknown) => {
      let stdout = '';
      const io: CliIO = { stdout: (t) => (stdout += t), stderr: () => undefined, readStdin: () => Buffer.from(JSON.stringify(value)), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: ROOT };
      return { code: await main(['-', '--index', index, '-f', 'json'], io), stdout };
    };
    // Both pipes give a thread with the default id and a comment "1".
    expect((await piped({ title: 'A', comments: [{ id: '1', text: SPAM }] })).code).toBe(0);
    const second = await piped({ title: 'B', comments: [{ id: '1', text: HUMAN }, { id: '2', text: SPAM }] });
    const found = seenBefore(JSON.parse(second.stdout));
    expect([...found.keys()].map((k) => k.split('/')[1])).toEqual(['2']);
    expect(counts(index).comments).toBe(3);
  });

  it('finds at least 99% of lightly edited copies with the original\'s thread and date', async () => {
    const dir = temp();
    const index = join(dir, 'seen.db');
    const { a, b, planted } = corpora(40, 25, 200, 7);
    const fileA = writeJsonl(join(dir, 'a.jsonl'), a);
    const fileB = writeJsonl(join(dir, 'b.jsonl'), b);
    expect((await run([fileA, '--index', index])).code).toBe(0);
    const found = seenBefore(JSON.parse((await run([fileB, '--index', index, '-f', 'json'])).stdout));
    const right = planted.filter((p) => {
      const f = found.get(`${p.thread}/${p.comment}`);
      return f?.thread === p.original.thread && f.comment === p.original.comment && f.date === p.original.createdAt;
    });
    expect(right.length / planted.length).toBeGreaterThanOrEqual(0.99);
    // Nothing else in B was seen before: its other comments are new.
    expect(found.size).toBe(planted.length);
    expect(counts(index).comments).toBe(40 * 25 + b.reduce((n, t) => n + t.comments.length, 0));
  });
});

describe.runIf(HAS_SQLITE && BUILT)('the index file under concurrent and interrupted runs', () => {
  const { a, b } = corpora(60, 25, 100, 11);

  it('two runs writing at once both store everything (the second waits for the first)', async () => {
    const dir = temp();
    const index = join(dir, 'seen.db');
    const files = [writeJsonl(join(dir, 'a.jsonl'), a), writeJsonl(join(dir, 'b.jsonl'), b)];
    const exits = await Promise.all(
      files.map(
        (file) =>
          new Promise<number | null>((resolve) => {
            const child = spawn(process.execPath, [BIN, file, '--index', index, '-f', 'json', '-o', `${file}.out.json`], { stdio: 'ignore' });
            child.on('exit', resolve);
          }),
      ),
    );
    expect(exits).toEqual([0, 0]);
    const all = [...a, ...b].reduce((n, t) => n + t.comments.length, 0);
    expect(counts(index)).toEqual({ comments: all, integrity: 'ok' });
  }, 60_000);

  it('a writer that cannot get the lock in time fails with one line and exit 2, leaving the index intact', async () => {
    const dir = temp();
    const index = join(dir, 'seen.db');
    const fileA = writeJsonl(join(dir, 'a.jsonl'), a.slice(0, 5));
    expect(spawnSync(process.execPath, [BIN, fileA, '--index', index], { encoding: 'utf8' }).status).toBe(0);
    // Another process holds the write lock until it is killed.
    const holder = spawn(
      process.execPath,
      ['-e', `const D = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))}); const db = new D(${JSON.stringify(index)}); db.exec('BEGIN IMMEDIATE'); console.log('locked'); setInterval(() => {}, 1000);`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    try {
      const r = spawnSync(process.execPath, [BIN, writeJsonl(join(dir, 'b.jsonl'), b.slice(0, 5)), '--index', index], { encoding: 'utf8', env: { ...process.env, THREADSIFT_INDEX_WAIT: '0.3' } });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^threadsift: index .*seen\.db is busy: another threadsift run is writing to it \(waited 0\.3 s\) \(run again when it has finished, or wait longer with THREADSIFT_INDEX_WAIT=<seconds>\)\n$/);
    } finally {
      holder.kill('SIGKILL');
    }
    expect(counts(index)).toEqual({ comments: 5 * 25, integrity: 'ok' });
  }, 60_000);

  it('a run killed midway keeps the files it finished and nothing of the one it was in', async () => {
    const dir = temp();
    const index = join(dir, 'seen.db');
    const first = writeJsonl(join(dir, 'first.jsonl'), a.slice(0, 2));
    // Large enough to be in the middle of when killed: its threads are analysed one by one.
    const big = corpora(400, 50, 0, 3).a;
    const second = writeJsonl(join(dir, 'second.jsonl'), big);
    const child = spawn(process.execPath, [BIN, first, second, '--index', index, '-f', 'json', '-o', join(dir, 'out.json')], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // The first file is committed when the second one's first thread is stored.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      if (existsSync(index) && (() => {
        try {
          return counts(index).comments > 0;
        } catch {
          return false;
        }
      })()) break;
    }
    child.kill('SIGKILL');
    await exited;
    expect(counts(index)).toEqual({ comments: 2 * 25, integrity: 'ok' });
    // The next run opens it as usual and stores its own.
    expect(spawnSync(process.execPath, [BIN, writeJsonl(join(dir, 'b.jsonl'), b.slice(0, 2)), '--index', index], { encoding: 'utf8' }).status).toBe(0);
    expect(counts(index)).toEqual({ comments: 4 * 25, integrity: 'ok' });
  }, 120_000);
});

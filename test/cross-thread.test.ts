import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../src/cli.js';
import { crossThread } from '../src/signals/cross-thread.js';
import { makeThread, present, runSignal, ROOT, testFixture } from './helpers.js';

async function run(args: string[]) {
  let stdout = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: () => undefined, readStdin: () => Buffer.from(''), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: ROOT };
  const code = await main([...args, '-f', 'json'], io);
  return { code, stdout };
}

async function json(args: string[]) {
  const { code, stdout } = await run(args);
  return { code, report: JSON.parse(stdout) };
}

const DIR = testFixture('cross-thread');
const FILES = readdirSync(DIR).map((f) => testFixture('cross-thread', f));

describe('cross-thread clusters', () => {
  it('finds the comment posted (with light edits) under three different threads', async () => {
    const { code, report } = await json([DIR]);
    expect(code).toBe(0);
    expect(report.crossThreadClusters).toHaveLength(1);
    const cluster = report.crossThreadClusters[0];
    expect(cluster.size).toBe(3);
    expect(cluster.threads.map((t: { id: string }) => t.id)).toEqual(['budget', 'harbour', 'schools']);
    expect(cluster.members.map((m: { threadId: string; commentId: string }) => `${m.threadId}/${m.commentId}`)).toEqual(['budget/x1', 'harbour/x1', 'schools/x1']);
    expect(cluster.id).toMatch(/^[0-9a-f]{16}$/);
    expect(cluster.similarity.min).toBeGreaterThanOrEqual(0.8);
    for (const t of report.threads) {
      const x1 = t.comments.find((c: { id: string }) => c.id === 'x1');
      expect(x1.reasons[0]).toMatchObject({ signal: 'cross-thread', code: 'CROSS_THREAD_DUPLICATE', args: { cluster: cluster.id, size: 3, threads: 3 } });
      expect(x1.flagged).toBe(true);
      for (const h of t.comments.filter((c: { id: string }) => c.id !== 'x1')) expect(h.reasons.some((r: { signal: string }) => r.signal === 'cross-thread')).toBe(false);
    }
  });

  it('is the same whatever the order of the inputs', async () => {
    const forward = (await json(FILES)).report.crossThreadClusters;
    const backward = (await json([...FILES].reverse())).report.crossThreadClusters;
    expect(backward).toEqual(forward);
  });

  it('a single thread has no cross-thread evidence', async () => {
    const { report } = await json([FILES[0]!]);
    expect(report.crossThreadClusters).toEqual([]);
  });

  it('can be switched off in the configuration', async () => {
    const { report } = await json([DIR, '--config', testFixture('cross-thread-off.json')]);
    expect(report.crossThreadClusters).toBeUndefined();
  });

  it('a short everyday phrase under a few threads is weak evidence; under five it is a campaign; a name keeps it strong', async () => {
    const { report } = await json([testFixture('cross-thread-everyday.jsonl')]);
    const reason = (threadId: string, id: string) =>
      report.threads.find((t: { id: string }) => t.id === threadId).comments.find((c: { id: string }) => c.id === id);
    for (const threadId of ['budget', 'rail']) {
      // "I love this so much" under two threads: people write it on their own.
      const love = reason(threadId, 'love');
      expect(love.flagged).toBe(false);
      expect(love.reasons).toHaveLength(1);
      expect(love.reasons[0]).toMatchObject({ code: 'CROSS_THREAD_DUPLICATE', strength: 0.4, args: { threads: 2, everyday: true } });
      expect(love.reasons[0].message).toMatch(/short everyday phrase/);
      // A name makes the text specific: the rule is off.
      const named = reason(threadId, 'named');
      expect(named.flagged).toBe(true);
      expect(named.reasons[0]).toMatchObject({ code: 'CROSS_THREAD_DUPLICATE', strength: 0.7 });
      expect(named.reasons[0].args.everyday).toBeUndefined();
    }
    // An everyday phrase under five threads is a campaign like any other.
    for (const threadId of ['budget', 'rail', 'schools', 'harbour', 'housing']) {
      const cross = reason(threadId, 'well-said').reasons.find((r: { signal: string }) => r.signal === 'cross-thread');
      expect(cross).toMatchObject({ strength: 1, args: { threads: 5 } });
      expect(cross.args.everyday).toBeUndefined();
    }
  });

  it('the signal is silent when the run had no corpus pass', () => {
    expect(runSignal(crossThread, makeThread(['anything at all here']))).toEqual([]);
  });
});

describe('threadsift clusters', () => {
  it('prints only the cross-thread clusters, as JSON for scripts', async () => {
    const { code, report } = await json(['clusters', DIR]);
    expect(code).toBe(0);
    expect(report.summary).toMatchObject({ threads: 3, comments: 12, clusters: 1, commentsInClusters: 3, errors: 0 });
    expect(report.crossThreadClusters.map((c: { size: number }) => c.size)).toEqual([3]);
    expect(report.settings.similarity).toBe(0.8);
  });

  it('streams JSONL: a bad line is reported with its number and the other threads still count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-jsonl-'));
    const path = join(dir, 'archive.jsonl');
    const lines = FILES.map((f) => JSON.stringify(JSON.parse(readFileSync(f, 'utf8'))));
    writeFileSync(path, `\uFEFF${lines[0]}\r\n{"comments": 5}\r\n${lines[1]}\n\n${lines[2]}\n`);
    let stderr = '';
    let stdout = '';
    const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => Buffer.from(''), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: ROOT };
    const code = await main(['clusters', path, '-f', 'json'], io);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(`threadsift: ${path}:2: comments must be an array, got number`);
    expect(JSON.parse(stdout).summary).toMatchObject({ threads: 3, clusters: 1, errors: 1 });
    const scan = JSON.parse((await run(['scan', path])).stdout);
    expect(scan.threads).toHaveLength(3);
    expect(scan.crossThreadClusters).toHaveLength(1);
  });
});

const SPAM = 'Honestly the only real fix here is switching your savings into stablecoins before the banks collapse today';
const HUMAN = 'I really enjoyed reading this piece about the harbour and the ferry schedules, thank you for writing it';
const TUESDAY = 'A third reply, new on Tuesday, about the ferry timetable and the winter crossings';

type JsonComment = { id?: string; text: string };

/** Monday's and Tuesday's exports of one page (its address and id), and another page: files in a new folder. */
function pageExports(monday: JsonComment[], tuesday: JsonComment[], other: JsonComment[]) {
  const dir = mkdtempSync(join(tmpdir(), 'threadsift-pages-'));
  const page = { id: 'p1', title: 'The harbour', url: 'https://news.example/harbour' };
  const files = { monday: join(dir, 'monday.json'), tuesday: join(dir, 'tuesday.json'), other: join(dir, 'other.json') };
  writeFileSync(files.monday, JSON.stringify({ ...page, comments: monday }));
  writeFileSync(files.tuesday, JSON.stringify({ ...page, comments: tuesday }));
  writeFileSync(files.other, JSON.stringify({ id: 'p2', title: 'The bridge', url: 'https://news.example/bridge', comments: other }));
  return files;
}

describe('thread keys', () => {
  it('two threads with the same id in one file never share cross-thread evidence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-dupid-'));
    const path = join(dir, 'dup.json');
    writeFileSync(path, JSON.stringify([
      { id: 'same', title: 'A', comments: [{ id: '1', text: 'I really enjoyed reading this piece about the harbour and the ferry schedules' }] },
      { id: 'same', title: 'B', comments: [{ id: '1', text: SPAM }] },
      { id: 'other', title: 'C', comments: [{ id: '1', text: SPAM }] },
    ]));
    const { report } = await json([path]);
    expect(report.threads.map((t: { title: string; comments: Array<{ flagged: boolean }> }) => [t.title, t.comments[0]!.flagged])).toEqual([['A', false], ['B', true], ['C', true]]);
    expect(report.crossThreadClusters).toHaveLength(1);
  });

  it('the same page in two exports is one thread: its comments are not copies of themselves, and count once', async () => {
    const { monday, tuesday, other } = pageExports(
      [{ id: 'k1', text: SPAM }, { id: 'k2', text: HUMAN }],
      [{ id: 'k1', text: SPAM }, { id: 'k2', text: HUMAN }, { id: 'k3', text: TUESDAY }],
      [{ id: 'k9', text: SPAM }],
    );
    const alone = (await json([monday, tuesday])).report;
    expect(alone.crossThreadClusters).toEqual([]);
    expect(alone.summary.flagged).toBe(0);
    const { report } = await json([monday, tuesday, other]);
    expect(report.crossThreadClusters).toHaveLength(1);
    const cluster = report.crossThreadClusters[0];
    expect(cluster).toMatchObject({ size: 2, threads: [{ source: other, id: 'p2' }, { source: monday, id: 'p1' }] });
    expect(cluster.members.map((m: { source: string; commentId: string }) => `${m.source === monday ? 'monday' : 'other'}/${m.commentId}`)).toEqual(['other/k9', 'monday/k1']);
    for (const t of report.threads) expect(t.comments.find((c: { id: string }) => c.id === 'k1' || c.id === 'k9')).toMatchObject({ flagged: true });
    const reason = report.threads[1].comments[0].reasons.find((r: { signal: string }) => r.signal === 'cross-thread');
    expect(reason.args).toMatchObject({ size: 2, threads: 2 });
    // The page is named by the first of its inputs in path order, whichever was read first.
    expect((await json([other, tuesday, monday])).report.crossThreadClusters).toEqual(report.crossThreadClusters);
  });

  it('an address and an id cannot be written to pass for another page\'s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-forged-'));
    const one = join(dir, 'one.json');
    const two = join(dir, 'two.json');
    writeFileSync(one, JSON.stringify({ id: '2', title: 'A', url: 'https://news.example/a#1', comments: [{ id: 'k1', text: SPAM }] }));
    writeFileSync(two, JSON.stringify({ id: '1#2', title: 'B', url: 'https://news.example/a', comments: [{ id: 'k1', text: SPAM }] }));
    const { report } = await json([one, two]);
    expect(report.crossThreadClusters).toHaveLength(1);
    expect(report.crossThreadClusters[0].threads).toHaveLength(2);
  });

  it('a page whose export numbers its comments by position is known by its file: a deleted comment shifts the numbers', async () => {
    // No ids: comments are numbered 1, 2, 3. Between the exports HUMAN was deleted, so Tuesday's 2 is SPAM
    // and its 3 a new reply: Monday's 2 and Tuesday's 3 are other comments than the numbers say.
    const { monday, tuesday, other } = pageExports(
      [{ text: 'The ferry was late again this morning and nobody at the terminal could say why' }, { text: HUMAN }, { text: SPAM }],
      [{ text: 'Parking near the harbour costs twice what it did last summer, which hurts the shops' }, { text: SPAM }, { text: TUESDAY }],
      [{ text: SPAM }],
    );
    const { report } = await json([monday, tuesday, other]);
    const flaggedIds = report.threads.map((t: { comments: Array<{ id: string; flagged: boolean }> }) => t.comments.filter((c) => c.flagged).map((c) => c.id));
    // Only the copies of SPAM: Monday's 3 and Tuesday's 2, not Monday's 2 (HUMAN) nor Tuesday's 3.
    expect(flaggedIds).toEqual([['3'], ['2'], ['1']]);
  });

  it('exports of one page numbered by position are still one page: a comment in both is no copy of itself', async () => {
    const { monday, tuesday } = pageExports(
      [{ text: 'The ferry was late again this morning and nobody at the terminal could say why' }, { text: HUMAN }, { text: SPAM }],
      [{ text: 'Parking near the harbour costs twice what it did last summer, which hurts the shops' }, { text: SPAM }, { text: TUESDAY }],
      [],
    );
    const { report } = await json([monday, tuesday]);
    expect(report.crossThreadClusters).toEqual([]);
    expect(report.summary.flagged).toBe(0);
  });

  it('two text dumps of one article (no address, no ids) are one page; a copy under another article is still found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-dumps-'));
    const seed = readFileSync(join(ROOT, 'fixtures', 'putin-xi-summit.txt'), 'utf8');
    const [day1, day2, other] = ['day1.txt', 'day2.txt', 'other.json'].map((f) => join(dir, f));
    writeFileSync(day1!, seed);
    // The second dump wraps and spaces the article differently: still the same article.
    writeFileSync(day2!, seed.replace('Russian President Vladimir Putin', 'Russian President\n  Vladimir Putin'));
    expect((await json([day1!, day2!])).report.crossThreadClusters).toEqual([]);
    const copied = (await json([day1!])).report.threads[0].comments.find((c: { id: string }) => c.id === '8').excerpt as string;
    const eighth = seed.slice(seed.indexOf(copied.replace(/…$/u, '')));
    writeFileSync(other!, JSON.stringify({ title: 'Another article', comments: [{ id: 'x1', text: eighth.slice(0, eighth.indexOf('\n')) }] }));
    const { report } = await json([day1!, day2!, other!]);
    expect(report.crossThreadClusters).toHaveLength(1);
    // One copy per page: the two dumps count once, named by the first in path order.
    expect(report.crossThreadClusters[0]).toMatchObject({ size: 2, threads: [{ source: day1 }, { source: other, id: 'other' }] });
    for (const t of report.threads) {
      const reasons = t.comments.flatMap((c: { reasons: Array<{ signal: string; args: Record<string, unknown> }> }) => c.reasons.filter((r) => r.signal === 'cross-thread'));
      expect(reasons.map((r: { args: Record<string, unknown> }) => [r.args.threads, r.args.size])).toEqual([[2, 2]]);
    }
    // `clusters -v` lists each member kept with its own text: the view and the excerpts stay aligned.
    let listed = '';
    const io: CliIO = { stdout: (t) => (listed += t), stderr: () => undefined, readStdin: () => Buffer.from(''), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: ROOT };
    expect(await main(['clusters', '-v', day1!, day2!, other!], io)).toBe(0);
    const memberLines = listed.split('\n').filter((line) => line.startsWith('      '));
    expect(memberLines.map((line) => line.trim().split('  ')[0])).toEqual([`${day1} #8`, `${other} #x1`]);
    for (const line of memberLines) expect(line).toContain('This meeting between Xi and Putin');
  });

  it('bad similarity settings are a configuration error, not a crash', async () => {
    const { code } = await run(['clusters', DIR, '--similarity', '0']);
    expect(code).toBe(2);
  });
});

describe('threadsift clusters --workers', () => {
  // Workers run the compiled dist/, so this runs the installed command rather than the sources.
  const bin = join(ROOT, 'bin', 'threadsift.cjs');
  it.runIf(present(join(ROOT, 'dist', 'corpus', 'worker.js')))('gives the same clusters with a worker thread as without', () => {
    const clusters = (workers: string) =>
      JSON.parse(execFileSync(process.execPath, [bin, 'clusters', DIR, '-f', 'json', '--workers', workers], { encoding: 'utf8' })).crossThreadClusters;
    const without = clusters('0');
    expect(clusters('1')).toEqual(without);
    expect(without).toHaveLength(1);
  });
});

describe('two-pass scan over inputs too large to keep', () => {
  it('re-reads the inputs and reports exactly what the in-memory pass reports', async () => {
    const scan = async (env: Record<string, string>) => {
      let stdout = '';
      const io: CliIO = { stdout: (t) => (stdout += t), stderr: () => undefined, readStdin: () => Buffer.from(''), stdoutIsTTY: false, stderrIsTTY: false, env, cwd: ROOT };
      expect(await main([DIR, '-f', 'json'], io)).toBe(0);
      return JSON.parse(stdout);
    };
    const inMemory = await scan({});
    const reread = await scan({ THREADSIFT_KEEP_CHARS: '100' });
    expect(reread.threads).toEqual(inMemory.threads);
    expect(reread.crossThreadClusters).toEqual(inMemory.crossThreadClusters);
    expect(reread.crossThreadClusters).toHaveLength(1);
  });
});

/**
 * The streamed scan (issue #15 item 1, issue #14 item 3): `-f jsonl` read back line by line with every
 * comment present and every line typed, the same verdicts as the JSON report, bad inputs as one line each
 * while the batch goes on, -o left as it was when nothing could be read; and the same report, byte for
 * byte and in input order, whether threads are analysed in worker threads or on the main thread.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, rng, sentence, vocabulary } from './corpus/gen.js';
import { runCli } from './cli-run.js';
import { present, ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin', 'threadsift.cjs');
const built = present(join(ROOT, 'dist', 'analysis-worker.cjs'));

const run = (args: string[]) => runCli(args);

interface InputComment {
  id: string;
  author: string;
  createdAt: string;
  parentId?: string;
  text: string;
}

const STOCK = ['It will be interesting to see how this unfolds in the coming months.', 'Great post, thanks for sharing! Check out my channel for more.', 'Only time will tell what the long-term implications will be.'];

/**
 * Threads of made-up prose with authors, dates and replies; some texts repeated, lightly edited, under
 * other threads (cross-thread clusters) and within a thread, and some stock phrases (flags).
 */
function corpus(threads: number, seed: number): Array<{ id: string; title: string; body: string; comments: InputComment[] }> {
  const random = rng(seed);
  const vocab = vocabulary(800, random);
  const shared = Array.from({ length: 6 }, () => sentence(vocab, 25, random));
  return Array.from({ length: threads }, (_, t) => {
    const comments: InputComment[] = [];
    const n = 5 + Math.floor(random() * 20);
    for (let i = 0; i < n; i++) {
      const pick = random();
      const text =
        pick < 0.15 ? edit(shared[Math.floor(random() * shared.length)]!, 0.05, vocab, random) : pick < 0.25 ? STOCK[Math.floor(random() * STOCK.length)]! : sentence(vocab, 8 + Math.floor(random() * 30), random);
      comments.push({
        id: `c${i + 1}`,
        author: `user${Math.floor(random() * 12)}`,
        createdAt: new Date(Date.UTC(2024, 0, 1 + t, 0, i)).toISOString(),
        ...(i > 0 && random() < 0.3 ? { parentId: `c${1 + Math.floor(random() * i)}` } : {}),
        text,
      });
    }
    return { id: `t${t + 1}`, title: `Article ${t + 1}`, body: sentence(vocab, 40, random), comments };
  });
}

function writeCorpus(dir: string, name: string, threads: ReturnType<typeof corpus>): string {
  const path = join(dir, name);
  writeFileSync(path, threads.map((t) => JSON.stringify(t)).join('\n') + '\n');
  return path;
}

const lines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown> & { type: string });

describe('-f jsonl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadsift-jsonl-'));
  const threads = corpus(30, 11);
  const file = writeCorpus(dir, 'corpus.jsonl', threads);

  it('reads back line by line: every comment present once, with its input fields, the JSON report verdicts, then clusters and one summary', async () => {
    const r = await run([file, '-f', 'jsonl']);
    expect(r.code).toBe(0);
    const parsed = lines(r.stdout);
    for (const o of parsed) expect(['thread', 'comment', 'cluster', 'summary']).toContain(o.type);
    expect(parsed.at(-1)!.type).toBe('summary');
    expect(parsed.filter((o) => o.type === 'summary')).toHaveLength(1);
    // Threads in input order, each thread line before its comments.
    expect(parsed.filter((o) => o.type === 'thread').map((o) => o.threadId)).toEqual(threads.map((t) => t.id));
    const comments = parsed.filter((o) => o.type === 'comment');
    const input = new Map(threads.flatMap((t) => t.comments.map((c) => [`${t.id}/${c.id}`, c] as const)));
    expect(comments.map((c) => `${String(c.threadId)}/${String(c.commentId)}`)).toEqual([...input.keys()]);
    for (const c of comments) {
      const given = input.get(`${String(c.threadId)}/${String(c.commentId)}`)!;
      expect(c.author).toBe(given.author);
      expect(c.date).toBe(given.createdAt);
      expect(c.parent).toBe(given.parentId ?? null);
      expect(c.text).toBeUndefined();
      for (const [signal, strength] of Object.entries(c.strengths as Record<string, number>)) {
        expect(Math.max(...(c.reasons as Array<{ signal: string; strength: number }>).filter((x) => x.signal === signal).map((x) => x.strength))).toBe(strength);
      }
    }
    // The same scores, flags and reasons as the JSON report.
    const json = JSON.parse((await run([file, '-f', 'json'])).stdout);
    const fromJson = json.threads.flatMap((t: { id: string; comments: Array<{ id: string; score: number; flagged: boolean; reasons: unknown[] }> }) =>
      t.comments.map((c) => ({ id: `${t.id}/${c.id}`, score: c.score, flagged: c.flagged, reasons: c.reasons })),
    );
    expect(comments.map((c) => ({ id: `${String(c.threadId)}/${String(c.commentId)}`, score: c.score, flagged: c.flagged, reasons: c.reasons }))).toEqual(fromJson);
    const summary = parsed.at(-1)!;
    expect({ threads: summary.threads, comments: summary.comments, flagged: summary.flagged, botShare: summary.botShare, errors: summary.errors }).toEqual(json.summary);
    expect(summary.schemaVersion).toBe(1);
    // Clusters: every cross-thread cluster a comment names has its line, with the comment among its members.
    const clusters = parsed.filter((o) => o.type === 'cluster');
    const cross = new Map(clusters.filter((c) => c.scope === 'across-threads').map((c) => [c.id, c]));
    expect(cross.size).toBe(json.crossThreadClusters.length);
    expect(cross.size).toBeGreaterThan(0);
    expect(summary.crossThreadClusters).toBe(cross.size);
    const named = comments.filter((c) => c.crossThreadCluster !== null);
    expect(named.length).toBeGreaterThan(0);
    for (const c of named) {
      const members = (cross.get(c.crossThreadCluster) as unknown as { members: Array<{ threadId: string; commentId: string }> }).members;
      expect(members).toContainEqual(expect.objectContaining({ threadId: c.threadId, commentId: c.commentId }));
    }
    for (const c of comments) for (const id of c.clusters as string[]) expect(clusters.some((k) => k.scope === 'thread' && k.threadId === c.threadId && k.id === id)).toBe(true);
    expect(comments.some((c) => c.flagged)).toBe(true);
  });

  it('--include-text adds each comment text, and -q keeps only flagged comments', async () => {
    const withText = lines((await run([file, '-f', 'jsonl', '--include-text'])).stdout).filter((o) => o.type === 'comment');
    const texts = new Map(threads.flatMap((t) => t.comments.map((c) => [`${t.id}/${c.id}`, c.text] as const)));
    for (const c of withText) expect(c.text).toBe(texts.get(`${String(c.threadId)}/${String(c.commentId)}`));
    const quiet = lines((await run([file, '-f', 'jsonl', '-q'])).stdout).filter((o) => o.type === 'comment');
    expect(quiet.length).toBe(withText.filter((c) => c.flagged).length);
    expect(quiet.every((c) => c.flagged)).toBe(true);
  });

  it('writes control, bidi and invisible characters as \\u escapes, and they read back as they were', async () => {
    const hostile = 'bidi\u202ehidden\u2066x\u2069 c1\u009b[31m line\u2028sep zero\u200bwidth';
    const path = join(dir, 'hostile.json');
    writeFileSync(path, JSON.stringify({ id: 'h\u202e', title: 'T\u0085', body: '', comments: [{ id: 'x\u200f', author: 'a\u202e', text: hostile }] }));
    const r = await run([path, '-f', 'jsonl', '--include-text']);
    expect(r.stdout.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\p{Cf}\u2028\u2029]/u);
    expect(r.stdout).toContain('\\u202e');
    const comment = lines(r.stdout).find((o) => o.type === 'comment')!;
    expect(comment.text).toBe(hostile);
    expect(comment.author).toBe('a\u202e');
    expect(comment.commentId).toBe('x\u200f');
  });

  it('a bad input is one line on stderr and one error line, exit 2, and the rest of the batch is reported', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"title": "unfinished", "comments": [');
    const second = writeCorpus(dir, 'second.jsonl', corpus(4, 12));
    const r = await run([file, bad, second, '-f', 'jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('bad.json');
    const parsed = lines(r.stdout);
    expect(parsed.filter((o) => o.type === 'error').map((o) => o.source)).toEqual([bad]);
    expect(new Set(parsed.filter((o) => o.type === 'thread').map((o) => o.source))).toEqual(new Set([file, second]));
    expect(parsed.at(-1)!.errors).toBe(1);
  });

  it('-o: written whole, no temporary file left; when no input could be read, the previous file is left as it was', async () => {
    const out = join(dir, 'out', 'report.jsonl');
    spawnSync('mkdir', ['-p', join(dir, 'out')]);
    expect((await run([file, '-f', 'jsonl', '-o', out])).code).toBe(0);
    expect(lines(readFileSync(out, 'utf8')).at(-1)!.type).toBe('summary');
    writeFileSync(out, 'previous report\n');
    const r = await run([join(dir, 'no-such-file.jsonl'), '-f', 'jsonl', '-o', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous report\n');
    expect(r.stderr).toContain(`no input could be read; ${out} was left as it was`);
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.jsonl']);
  });
});

describe.runIf(built)('worker threads (the built command)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadsift-workers-'));
  const first = writeCorpus(dir, 'a.jsonl', corpus(40, 21));
  const bad = join(dir, 'b.json');
  writeFileSync(bad, 'not json at all {');
  const second = writeCorpus(dir, 'c.jsonl', corpus(25, 22));
  const one = writeCorpus(dir, 'd.jsonl', corpus(1, 23));
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, THREADSIFT_POOL_CHARS: '1', FORCE_COLOR: '0' } });

  it('give the report of the single-threaded run, byte for byte and in input order, in every format, with a bad input in the batch', () => {
    for (const format of ['jsonl', 'json', 'terminal', 'csv']) {
      const extra = format === 'jsonl' ? ['--include-text'] : [];
      const single = cli([first, bad, second, one, '-f', format, '--workers', '0', ...extra]);
      const pooled = cli([first, bad, second, one, '-f', format, '--workers', '2', ...extra]);
      expect(single.status, format).toBe(2);
      expect(pooled.status, format).toBe(2);
      expect(pooled.stderr, format).toBe(single.stderr);
      expect(pooled.stdout === single.stdout, format).toBe(true);
    }
    const order = lines(cli([first, second, '-f', 'jsonl', '--workers', '2']).stdout)
      .filter((o) => o.type === 'thread')
      .map((o) => `${String(o.source)}#${String(o.threadId)}`);
    expect(order).toEqual([...corpus(40, 21).map((t) => `${first}#${t.id}`), ...corpus(25, 22).map((t) => `${second}#${t.id}`)]);
  }, 300_000);

  it('give the report of the single-threaded run with a configuration and a phrase file, which the workers take from the main thread', () => {
    const config = join(dir, 'threadsift.config.json');
    writeFileSync(config, JSON.stringify({ threshold: 0.4, phraseFiles: ['phrases.json'] }));
    writeFileSync(join(dir, 'phrases.json'), JSON.stringify([{ id: 'long-term', pattern: '\\bthe long-term\\b', note: 'stock hedging', source: 'moderators' }]));
    const single = cli([first, second, '-c', config, '-f', 'jsonl', '--workers', '0']);
    const pooled = cli([first, second, '-c', config, '-f', 'jsonl', '--workers', '2']);
    expect(single.status).toBe(0);
    expect([pooled.status, pooled.stderr]).toEqual([single.status, single.stderr]);
    expect(pooled.stdout === single.stdout).toBe(true);
    expect(pooled.stdout).toContain('user:long-term');
  }, 300_000);
});

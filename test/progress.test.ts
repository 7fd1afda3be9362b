import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main, type CliIO } from '../src/cli.js';
import { createProgress } from '../src/progress.js';

const dir = mkdtempSync(join(tmpdir(), 'threadsift-progress-'));
/** A file of `bytes` bytes (sparse: only its size matters to the bar). */
function sized(name: string, bytes: number): string {
  const path = join(dir, name);
  writeFileSync(path, '');
  truncateSync(path, bytes);
  return path;
}

/** The lines drawn, without the cursor moves and line clears between them; "" where the bar was erased. */
function frames(out: string): string[] {
  return out.split(/\r|\u001b(?:\[[0-9;?]*[A-Za-z]|[78])/).filter((s, i, all) => s !== '' || (i === all.length - 1 && /\u001b\[2K$/.test(out)));
}

/** A bar over `files` that writes into a string. */
function recorded(files: string[], enabled = true) {
  let out = '';
  const p = createProgress(files, (s) => (out += s), enabled);
  return { p, out: () => out, clear: () => (out = '') };
}

describe('progress bar', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('moves by bytes within one large file, with its rate and ETA', () => {
    const { p, out } = recorded([sized('big.jsonl', 10_000_000)]);
    p.tick(0, 0);
    vi.advanceTimersByTime(1000);
    p.read(2_500_000);
    p.tick(0, 1200);
    vi.advanceTimersByTime(1000);
    p.read(5_000_000);
    expect(frames(out())).toEqual([
      '[....................] 0% | 0/1 files | 0 comments | ? MB/s | ETA ?',
      '[#####...............] 25% | 0/1 files | 0 comments | 2.5 MB/s | ETA 3s',
      '[##########..........] 50% | 0/1 files | 1,200 comments | 2.5 MB/s | ETA 2s',
    ]);
    p.done();
    expect(out()).toMatch(/\u001b\[2K$/);
  });

  it('counts whole files in a batch, draws at most every 100 ms and always the last value, and erases itself', () => {
    const { p, out } = recorded([sized('a.json', 1_000_000), sized('b.json', 3_000_000), '-']);
    p.tick(0, 0);
    vi.advanceTimersByTime(50);
    p.tick(1, 10);
    vi.advanceTimersByTime(950);
    p.tick(2, 30);
    p.tick(3, 1234);
    p.done();
    expect(frames(out())).toEqual([
      '[....................] 0% | 0/3 files | 0 comments | ? MB/s | ETA ?',
      '[####################] 100% | 2/3 files | 30 comments | 4.0 MB/s | ETA 0s',
      '[####################] 100% | 3/3 files | 1,234 comments | 4.0 MB/s | ETA 0s',
      '',
    ]);
  });

  it('is drawn again at once after it was erased for a message, keeping its rate', () => {
    const { p, out, clear } = recorded([sized('c.jsonl', 4_000_000)]);
    p.tick(0, 0);
    vi.advanceTimersByTime(1000);
    p.read(1_000_000);
    p.done();
    clear();
    p.read(1_000_100);
    expect(frames(out())[0]).toBe('[#####...............] 25% | 0/1 files | 0 comments | 1.0 MB/s | ETA ?');
  });

  it('draws nothing when disabled (not a terminal, or CI)', () => {
    const { p, out } = recorded([sized('d.json', 10)], false);
    p.tick(0, 0);
    p.read(5);
    p.tick(1, 100);
    p.done();
    expect(out()).toBe('');
  });
});

describe('progress of a run', () => {
  async function run(stderrIsTTY: boolean, env: Record<string, string> = {}) {
    const archive = join(dir, 'archive.jsonl');
    writeFileSync(archive, `${JSON.stringify({ title: 'a', comments: [{ text: 'hello there' }] })}\n${JSON.stringify({ title: 'b', comments: [{ text: 'general kenobi' }] })}\n`);
    let stdout = '';
    let stderr = '';
    const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => Buffer.from(''), stdoutIsTTY: false, stderrIsTTY, env, cwd: dir };
    const code = await main([archive, '-f', 'json'], io);
    return { code, stdout, stderr };
  }

  it('is drawn on a terminal stderr only, never in the report, and not under CI', async () => {
    const tty = await run(true);
    expect(tty.code).toBe(0);
    expect(frames(tty.stderr).at(-2)).toMatch(/^\[#{20}\] 100% \| 1\/1 files \| 2 comments \| (?:[\d.]+|\?) MB\/s \| ETA (?:\d+s|\?)$/);
    expect(tty.stderr).toMatch(/\u001b\[2K$/);
    expect(tty.stdout).not.toMatch(/[\r\u001b]/);
    expect(JSON.parse(tty.stdout).threads).toHaveLength(2);
    expect((await run(false)).stderr).toBe('');
    expect((await run(true, { CI: 'true' })).stderr).toBe('');
  });
});

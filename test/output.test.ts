/**
 * Writing the report (issue #12, items 4 and 5, and "-o -" of item 10): every failure to write is one
 * line and exit 2, a reader that goes away is no error, and -o replaces a file only with a complete report.
 */
import { spawnSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../src/output.js';
import { runCli } from './cli-run.js';
import { fixture, present, ROOT, testFixture } from './helpers.js';

const BIN = join(ROOT, 'bin', 'threadsift.cjs');
const SEED = fixture('putin-xi-summit.txt');
const NO_COMMENTS = testFixture('cli', 'no-comments.txt');
const built = present(join(ROOT, 'dist', 'threadsift.cjs'));
const hasDevFull = existsSync('/dev/full');

const run = runCli;

/** A thread of `n` distinct comments, as threadsift JSON. */
function bigThread(n: number): string {
  const comments = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, text: `Comment number ${i} says something about item ${i * 7} and the weather on day ${i % 365}.` }));
  return JSON.stringify({ title: 'Many comments', body: '', comments });
}

const sh = (script: string) => spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });

describe('stdout that cannot be written', () => {
  it.runIf(hasDevFull)('a full device: one line and exit 2, for a report in parts and in one piece', async () => {
    const fd = openSync('/dev/full', 'w');
    try {
      for (const args of [[SEED, '-f', 'json'], [SEED]]) {
        const r = await run(args, { stdoutFd: fd });
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr).toBe('threadsift: cannot write the report to stdout (ENOSPC)\n');
      }
    } finally {
      closeSync(fd);
    }
  });

  it.runIf(built && hasDevFull)('the installed command: > /dev/full is exit 2 with one line, no stack trace', () => {
    for (const format of ['terminal', 'json']) {
      const r = sh(`node ${BIN} ${SEED} -f ${format} > /dev/full`);
      expect(r.status, format).toBe(2);
      expect(r.stderr).toBe('threadsift: cannot write the report to stdout (ENOSPC)\n');
    }
  });

  it.runIf(built)('the installed command: a closed stdout (>&-) is exit 2 with one line', () => {
    const r = sh(`node ${BIN} ${SEED} >&-`);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('threadsift: cannot write the report to stdout (EBADF)\n');
    // A shell's own /dev/null is a place to write to, not a closed stdout.
    expect(sh(`node ${BIN} ${SEED} > /dev/null`).status).toBe(0);
  });

  it.runIf(built)('the installed command: a reader that goes away ends the run quietly, with the exit code of the run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-epipe-'));
    const input = join(dir, 'big.json');
    writeFileSync(input, bigThread(3000));
    const r = sh(`node ${BIN} ${input} -f json -v | head -c 100 > /dev/null; echo "status=\${PIPESTATUS[0]}" >&2`);
    expect(r.stderr).toBe('status=0\n');
  });
});

describe('-o FILE is replaced only by a complete report', () => {
  it('keeps the previous report when writing fails part way, and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-atomic-'));
    const out = join(dir, 'report.json');
    writeFileSync(out, 'previous report\n');
    const failing = (function* () {
      yield '{"partial": ';
      throw new Error('the reporter failed');
    })();
    const io = { stdout: () => undefined };
    expect(() => writeReport(failing, out, io)).toThrow('the reporter failed');
    expect(readFileSync(out, 'utf8')).toBe('previous report\n');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('keeps the file mode of the report it replaces', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-atomic-'));
    const out = join(dir, 'report.txt');
    writeFileSync(out, 'old', { mode: 0o640 });
    writeReport('new\n', out, { stdout: () => undefined });
    expect(readFileSync(out, 'utf8')).toBe('new\n');
    expect(statSync(out).mode & 0o777).toBe(0o640);
  });

  it('a run whose inputs all fail leaves a previous report as it was, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-atomic-'));
    const out = join(dir, 'report.json');
    writeFileSync(out, 'previous report\n');
    const r = await run([NO_COMMENTS, '-f', 'json', '-o', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous report\n');
    expect(r.stderr).toMatch(/no-comments\.txt: has no comments section/);
    expect(r.stderr).toContain(`no input could be read; ${out} was left as it was`);
  });

  it('a folder that is not there is one line, exit 2', async () => {
    const r = await run([SEED, '-o', join(tmpdir(), 'no-such-folder-threadsift', 'r.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^threadsift: cannot write .*no-such-folder-threadsift\/r\.txt \(ENOENT\)\n$/);
  });

  it.runIf(built)('SIGTERM while the report is written leaves the previous report or the whole new one, never a part', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-sigterm-'));
    const input = join(dir, 'input.json');
    const out = join(dir, 'report.json');
    writeFileSync(input, bigThread(8000));
    const previous = JSON.stringify({ previous: true });
    writeFileSync(out, previous);
    const child = spawn(process.execPath, [BIN, input, '-f', 'json', '-v', '-o', out], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Wait until the writing has begun: a temporary file beside the report, or the report itself changed.
    const started = () => readdirSync(dir).length > 2 || readFileSync(out, 'utf8') !== previous;
    const deadline = Date.now() + 60_000;
    while (!started() && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 1));
    child.kill('SIGTERM');
    await exited;
    const text = readFileSync(out, 'utf8');
    if (text !== previous) expect(JSON.parse(text).threads[0].commentCount).toBe(8000);
  }, 90_000);
});

describe('-o - means stdout (issue #12, item 10)', () => {
  it('writes the report to stdout and no file named "-"', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'threadsift-dash-'));
    const r = await run([SEED, '-f', 'json', '-o', '-'], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).threads[0].summary.flagged).toBe(16);
    expect(existsSync(join(cwd, '-'))).toBe(false);
    expect(existsSync(join(ROOT, '-'))).toBe(false);
  });
});

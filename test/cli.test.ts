import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../src/cli.js';
import { writeReport } from '../src/output.js';
import { DEFAULT_THRESHOLD } from '../src/config.js';
import { runCli } from './cli-run.js';
import { fixture, present, ROOT, testFixture } from './helpers.js';
import { validate } from './schema-check.js';

const run = runCli;

const SEED = fixture('putin-xi-summit.txt');
const CLEAN = testFixture('cli', 'clean.json');

describe('cli: scan', () => {
  it('exits 0 and prints the verdict for the seed (scan is the default command)', async () => {
    for (const args of [[SEED], ['scan', SEED]]) {
      const r = await run(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('16 of 16 comments flagged');
      expect(r.stderr).toBe('');
    }
  });

  it('prints JSON that parses and follows the versioned schema', async () => {
    const r = await run([SEED, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool.name).toBe('threadsift');
    expect(report.settings.threshold).toBe(DEFAULT_THRESHOLD);
    expect(report.signals.map((s: { id: string }) => s.id)).toContain('near-duplicate');
    const t = report.threads[0];
    expect(t).toMatchObject({ commentCount: 16, summary: { flagged: 16, botShare: 1 } });
    expect(t.comments[0]).toHaveProperty('score');
    expect(t.comments[0].reasons[0]).toHaveProperty('code');
    expect(t.clusters.length).toBeGreaterThan(0);
  });

  it('reads stdin for -', async () => {
    const r = await run(['-', '--format', 'json'], { stdin: readFileSync(SEED, 'utf8') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).threads[0].source).toBe('-');
  });

  it('--threshold changes what is flagged', async () => {
    const strict = JSON.parse((await run([SEED, '-f', 'json', '--threshold', '1'])).stdout);
    expect(strict.threads[0].summary.flagged).toBe(0);
    expect(strict.settings.threshold).toBe(1);
  });

  it('gates: exit 1 when --max-flagged or --max-bot-share is exceeded, 0 when not', async () => {
    const over = await run([SEED, '--max-flagged', '3']);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('gate failed: 16 comments flagged, more than the maximum of 3');
    expect((await run([SEED, '--max-bot-share', '0.5'])).code).toBe(1);
    expect((await run([SEED, '--max-flagged', '16'])).code).toBe(0);
    expect((await run([CLEAN, '--max-flagged', '0', '--max-bot-share', '0'])).code).toBe(0);
  });

  it('writes a report in parts as the bytes of the parts joined, to stdout and to a file, whatever the batch size', () => {
    const parts = ['{', '"a": "é😀 \\u0000"', 'ééééé', 'ééééé', '😀😀', ', '.repeat(50), 'x'.repeat(300), '"\u2028"', '', '}\n'];
    const expected = Buffer.from(parts.join(''));
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-'));
    for (const batch of [16, 64, 1 << 20]) {
      // Kept as given, as a queued write would be: a batch must not be refilled after it is handed over.
      const written: Uint8Array[] = [];
      const io: CliIO = { stdout: () => undefined, stdoutBytes: (b) => written.push(b), stderr: () => undefined, readStdin: () => Buffer.from(''), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: ROOT };
      writeReport(parts, undefined, io, batch);
      expect(Buffer.concat(written).equals(expected), `stdout, batch ${batch}`).toBe(true);
      const out = join(dir, `parts-${batch}.json`);
      writeReport(parts, out, io, batch);
      expect(readFileSync(out).equals(expected), `file, batch ${batch}`).toBe(true);
    }
  });

  it.runIf(existsSync('/dev/full'))('a report that cannot be written is one line and exit 2, in parts as in one piece', async () => {
    for (const args of [[SEED, '-f', 'json', '-o', '/dev/full'], [SEED, '-o', '/dev/full']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe('threadsift: cannot write /dev/full (ENOSPC)\n');
    }
  });

  it('--output writes the report to a file and nothing to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-'));
    const out = join(dir, 'report.json');
    const r = await run([SEED, '-f', 'json', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).threads).toHaveLength(1);
  });

  it('colour: only on a terminal, never with --no-color or NO_COLOR, forced by FORCE_COLOR', async () => {
    const ESC = '\u001b[';
    expect((await run([SEED])).stdout).not.toContain(ESC);
    expect((await run([SEED], { tty: true })).stdout).toContain(ESC);
    expect((await run([SEED, '--no-color'], { tty: true })).stdout).not.toContain(ESC);
    expect((await run([SEED], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await run([SEED], { env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
    expect((await run([SEED], { tty: true, env: { FORCE_COLOR: '0' } })).stdout).not.toContain(ESC);
  });

  it('-v shows every comment; the default shows flagged ones only', async () => {
    const quiet = await run([CLEAN, '--threshold', '0.99']);
    expect(quiet.stdout).not.toContain('#a');
    const verbose = await run([CLEAN, '--threshold', '0.99', '-v']);
    expect(verbose.stdout).toContain('#a');
    expect(verbose.stdout).toContain('Other comments (3)');
  });
});

describe('cli: errors exit 2 with one line', () => {
  it.each([
    ['empty.txt', /empty\.txt: is empty/],
    ['whitespace.txt', /whitespace\.txt: is empty/],
    ['binary.png', /binary\.png: looks like a binary file/],
    ['no-comments.txt', /no-comments\.txt: has no comments section/],
    ['truncated.json', /truncated\.json:1:29: is not valid JSON: Unexpected end of JSON input/],
    ['latin1.txt', /latin1\.txt:1: is not valid UTF-8 \(byte 3\)/],
    ['missing.txt', /missing\.txt: no such file or directory/],
  ])('%s', async (name, message) => {
    const r = await run([testFixture('cli', name)]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).toMatch(/^threadsift: /);
  });

  it('a bad input is reported and the other inputs still run', async () => {
    const r = await run([testFixture('cli', 'empty.txt'), SEED, '-f', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.threads).toHaveLength(1);
    expect(report.errors).toEqual([{ source: testFixture('cli', 'empty.txt'), message: `${testFixture('cli', 'empty.txt')}: is empty (pass a file that holds a thread export)` }]);
    expect(report.summary.errors).toBe(1);
  });

  it.each([
    [['--threshold', '2', 'x.txt'], /--threshold must be a number from 0 to 1/],
    [['--format', 'yaml', 'x.txt'], /argument 'yaml' is invalid/],
    [['--max-flagged', '-1', 'x.txt'], /must be a whole number/],
    [['--bogus'], /unknown option '--bogus'/],
    [[], /no input given/],
  ])('usage error %j', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('--help and --version exit 0', async () => {
    expect((await run(['--help'])).code).toBe(0);
    const v = await run(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('cli: parse', () => {
  it('prints the parsed thread as JSON', async () => {
    const r = await run(['parse', SEED]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.threads[0].comments).toHaveLength(16);
    expect(out.threads[0].title).toContain('Putin and Xi');
  });
});

describe('bin/threadsift.cjs (the installed command)', () => {
  const bin = join(ROOT, 'bin', 'threadsift.cjs');
  it.runIf(present(join(ROOT, 'dist', 'threadsift.cjs')))('runs end to end with real exit codes and streams', () => {
    const out = execFileSync(process.execPath, [bin, SEED, '--format', 'json'], { encoding: 'utf8' });
    expect(JSON.parse(out).threads[0].summary.flagged).toBe(16);
    const bad = spawnSync(process.execPath, [bin, testFixture('cli', 'no-comments.txt')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/has no comments section/);
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/);
    const gate = spawnSync(process.execPath, [bin, SEED, '--max-flagged', '0'], { encoding: 'utf8' });
    expect(gate.status).toBe(1);
  });
});

describe('cli: eval and train', () => {
  const LABELLED = testFixture('eval', 'labelled.json');

  it('eval prints the figures as JSON for scripts', async () => {
    const r = await run(['eval', LABELLED, '--format', 'json', '--no-ablation']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.kind).toBe('threadsift-eval');
    expect(result.counts.labelled).toBeGreaterThan(0);
    expect(result).toHaveProperty('baseline');
    expect(validate('eval', result)).toEqual([]);
  });

  it('eval and train refuse inputs without labels, in one line', async () => {
    for (const command of ['eval', 'train']) {
      const r = await run([command, CLEAN]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${command} needs labelled comments`));
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('train writes a versioned model that scan --model loads and uses as a signal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-model-'));
    const model = join(dir, 'model.json');
    const trained = await run(['train', LABELLED, '-o', model]);
    expect(trained.code).toBe(0);
    expect(trained.stderr).toMatch(/trained on \d+ labelled comments/);
    const file = JSON.parse(readFileSync(model, 'utf8'));
    expect(file).toMatchObject({ format: 'threadsift-model', version: 1 });
    expect(validate('model', file)).toEqual([]);
    const scanned = JSON.parse((await run([LABELLED, '--model', model, '-f', 'json'])).stdout);
    const reasons = scanned.threads.flatMap((t: { comments: Array<{ reasons: Array<{ signal: string }> }> }) => t.comments.flatMap((c) => c.reasons));
    expect(reasons.some((r: { signal: string }) => r.signal === 'model')).toBe(true);
  });

  it('a missing or broken model file is a usage error naming it', async () => {
    const missing = await run([SEED, '--model', testFixture('nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: cannot be read \(ENOENT\)/);
    const broken = await run([SEED, '--model', CLEAN]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/clean\.json/);
  });
});

describe('cli: inputs', () => {
  it('the same file named twice is read once', async () => {
    const r = await run([SEED, SEED.replace(/([^/]+)$/, './$1'), '-f', 'json']);
    expect(JSON.parse(r.stdout).threads).toHaveLength(1);
  });
});

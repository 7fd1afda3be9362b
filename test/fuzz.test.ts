/**
 * Seeded fuzzing of every input format, of configuration, phrase and model files (issue #12): mutated
 * real files must be read or refused with a known error (exit 2), never crash, and through the real
 * command exit only with 0, 1 or 2 and no stack trace. Bounded in time; the seed is printed with every
 * failure, and FUZZ_SEED=<n> replays a run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeThread } from '../src/analyze.js';
import { defaultConfig, parsePhraseFile, resolveConfig } from '../src/config.js';
import { parseUserJson } from '../src/config-file.js';
import { isKnownError } from '../src/errors.js';
import { loadModel } from '../src/model/load.js';
import { trainModel } from '../src/model/model.js';
import { parseInput, PARSERS } from '../src/parsers/index.js';
import { fixture, present, rng, ROOT, testFixture } from './helpers.js';
import { labelledThreads } from './model/helpers.js';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const random = rng(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const int = (n: number) => Math.floor(random() * n);
const seedNote = (what: string) => `fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED}): ${what}`;

/** A real file of each format, to mutate. */
const SAMPLES: Array<{ format: string; file: string }> = [
  { format: 'text', file: fixture('putin-xi-summit.txt') },
  { format: 'json', file: testFixture('cli', 'clean.json') },
  { format: 'json', file: testFixture('eval', 'labelled.json') },
  { format: 'jsonl', file: testFixture('fuzz', 'threads.jsonl') },
  { format: 'csv', file: testFixture('parsers', 'grouped.csv') },
  { format: 'csv', file: testFixture('parsers', 'youtube-html.csv') },
  { format: 'reddit', file: testFixture('parsers', 'reddit-edge.json') },
  { format: 'commento', file: testFixture('parsers', 'commento-edge.json') },
  { format: 'disqus', file: testFixture('parsers', 'disqus-edge.xml') },
  { format: 'wxr', file: testFixture('parsers', 'wxr-edge.xml') },
];

const TOKENS = ['{', '}', '[', ']', '"', ',', ':', '<', '>', '/', '&', ';', '&amp;', '&#0;', '&#xD800;', '<![CDATA[', ']]>', '<!--', '-->', '<!DOCTYPE x [<!ENTITY a "b">]>', '\n', '\r\n', '\t', ' '.repeat(300), '\u0000', '\u009b', '\u202e', '\ud800', '😀', 'null', 'true', '1e999', '-0', '"__proto__"', '"constructor"', 'toString', '12 Comments', 'Comments', '\uFEFF', '"comments":', '"text":'];

/** The bytes of `text` mutated a few times: flips, cuts, insertions, repeats, swaps. */
function mutate(bytes: Buffer): Buffer {
  let b = Buffer.from(bytes);
  const rounds = 1 + int(4);
  for (let r = 0; r < rounds; r++) {
    const at = int(b.length + 1);
    switch (int(7)) {
      case 0:
        if (b.length) b[Math.min(at, b.length - 1)] = int(256);
        break;
      case 1:
        b = b.subarray(0, at);
        break;
      case 2:
        b = Buffer.concat([b.subarray(0, at), Buffer.from(pick(TOKENS)), b.subarray(at)]);
        break;
      case 3: {
        const len = int(Math.min(200, b.length - at + 1));
        const piece = b.subarray(at, at + len);
        b = Buffer.concat([b.subarray(0, at), ...Array.from({ length: 1 + int(20) }, () => piece), b.subarray(at)]);
        break;
      }
      case 4:
        b = Buffer.concat([b.subarray(0, at), Buffer.from(Array.from({ length: int(64) }, () => int(256))), b.subarray(at)]);
        break;
      case 5: {
        const open = pick(['[', '{"a":', '<x>', '(']);
        b = Buffer.concat([b.subarray(0, at), Buffer.from(open.repeat(1 + int(3000))), b.subarray(at)]);
        break;
      }
      default: {
        const other = int(b.length + 1);
        b = Buffer.concat([b.subarray(Math.min(at, other), Math.max(at, other)), b.subarray(0, Math.min(at, other))]);
      }
    }
  }
  return b;
}

/** Run `fn`; a known error (usage, config, input, output) is a refusal, anything else fails the test. */
function refusedOrRead(fn: () => unknown, what: () => string): void {
  try {
    fn();
  } catch (err) {
    if (!isKnownError(err)) expect.fail(seedNote(`${what()} threw ${(err as Error)?.stack ?? String(err)}`));
  }
}

const budget = (ms: number) => {
  const end = Date.now() + ms;
  return () => Date.now() < end;
};

describe(`fuzzing (seed ${SEED})`, () => {
  it('every parser reads or refuses mutated real files, and the signals take whatever it reads', () => {
    const more = budget(15_000);
    let cases = 0;
    const config = defaultConfig();
    while (more()) {
      const sample = pick(SAMPLES);
      const bytes = mutate(readFileSync(sample.file));
      // The format's own parser, whatever detection would say, and detection by the file's name.
      const format = random() < 0.5 ? pick(PARSERS).name : undefined;
      const source = `fuzz-${cases}${sample.file.slice(sample.file.lastIndexOf('.'))}`;
      const what = () => `${format ?? 'detected'} parse of a mutated ${sample.file} (base64 ${bytes.toString('base64').slice(0, 2000)})`;
      refusedOrRead(() => {
        for (const thread of parseInput(bytes, source, format).threads.slice(0, 3)) analyzeThread(thread, config);
      }, what);
      cases++;
    }
    expect(cases).toBeGreaterThan(50);
  }, 60_000);

  it('configuration and phrase files: accepted and valid, or refused with a ConfigError', () => {
    const more = budget(6_000);
    const keys = ['threshold', 'signals', 'gates', 'allowAuthors', 'phraseFiles', '__proto__', 'constructor', 'toString', 'near-duplicate', 'llm-style', 'promo', 'options', 'weight', 'enabled', 'prior', 'minWords', 'maxFlagged', 'extraPhrases', 'model', 'id', 'pattern', 'note', 'source'];
    const values = (): unknown => pick<() => unknown>([() => random(), () => int(10) - 5, () => 1e308, () => -1e-9, () => true, () => null, () => 'x', () => [], () => ({}), () => pick(keys), () => [pick(keys)]])();
    const grow = (depth: number): unknown => {
      if (depth <= 0 || random() < 0.3) return values();
      if (random() < 0.2) return Array.from({ length: int(3) }, () => grow(depth - 1));
      const out: Record<string, unknown> = {};
      for (let i = int(4); i > 0; i--) out[pick(keys)] = grow(depth - 1);
      return out;
    };
    let cases = 0;
    while (more()) {
      const text = JSON.stringify(grow(4)).replace(/"(__proto__|constructor)":/g, (m) => (random() < 0.5 ? m : '"x":'));
      refusedOrRead(() => {
        const data = parseUserJson(text, 'fuzz.json');
        const config = resolveConfig(data, 'fuzz.json');
        for (const s of Object.values(config.signals)) {
          for (const v of Object.values(s.options)) if (typeof v === 'number') expect(Number.isFinite(v), seedNote(text)).toBe(true);
        }
      }, () => `config ${text}`);
      const phrases = JSON.stringify(Array.from({ length: 1 + int(2) }, () => ({ id: pick(['a', 'b-1', 'constructor', '']), pattern: pick(['\\bbig\\b', '(a+)+b', '[', 'x|y', '\\bthe (?:end|start)\\b']), note: 'n', source: pick(['s', '', 1]) })));
      refusedOrRead(() => parsePhraseFile(parseUserJson(phrases, 'p.json'), 'p.json'), () => `phrases ${phrases}`);
      cases++;
    }
    expect(cases).toBeGreaterThan(20);
  }, 60_000);

  it('model files: loaded and usable, or refused with a ConfigError', () => {
    const valid = JSON.stringify(trainModel(labelledThreads(), defaultConfig()));
    const more = budget(6_000);
    const threads = labelledThreads();
    let cases = 0;
    while (more()) {
      const text = mutate(Buffer.from(valid)).toString('utf8');
      refusedOrRead(() => {
        const model = loadModel(text, 'm.json');
        model.predict(threads[0]!);
      }, () => `model ${text.slice(0, 3000)}`);
      cases++;
    }
    expect(cases).toBeGreaterThan(20);
  }, 60_000);

  it.runIf(present(join(ROOT, 'dist', 'threadsift.cjs')))('the real command exits with 0, 1 or 2 only, with no stack trace, and never hangs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-fuzz-'));
    const bin = join(ROOT, 'bin', 'threadsift.cjs');
    const more = budget(20_000);
    let runs = 0;
    while (more() && runs < 24) {
      const sample = pick(SAMPLES);
      const input = join(dir, `in-${runs}${sample.file.slice(sample.file.lastIndexOf('.'))}`);
      writeFileSync(input, mutate(readFileSync(sample.file)));
      const args = [input, pick([[], ['-f', 'json'], ['-f', 'csv'], ['--max-flagged', '0'], ['-f', 'github']])].flat();
      if (random() < 0.3) {
        const config = join(dir, `config-${runs}.json`);
        writeFileSync(config, mutate(Buffer.from(JSON.stringify({ threshold: 0.5, signals: { promo: { weight: 0.5 } }, gates: { maxBotShare: 0.9 } }))));
        args.push('-c', config);
      }
      const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 30_000, maxBuffer: 1 << 26 });
      const what = seedNote(`threadsift ${args.join(' ')} (input base64 ${readFileSync(input).toString('base64').slice(0, 2000)})`);
      expect(r.error, what).toBeUndefined();
      expect([0, 1, 2], `${what}: exit ${r.status}, stderr ${r.stderr}`).toContain(r.status);
      expect(r.stderr, what).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(r.stderr, what).not.toMatch(/internal error/);
      runs++;
    }
    expect(runs).toBeGreaterThan(3);
  }, 60_000);
});

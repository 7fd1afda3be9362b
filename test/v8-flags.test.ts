/**
 * How bin/threadsift.cjs starts the command: the V8 flags it sets (the decision, as a pure function;
 * figures: docs/performance.md), and the code cache the build leaves beside the bundle.
 */
import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/index.js';
import type { CliIO } from '../src/commands/io.js';
import { present, ROOT } from './helpers.js';

interface Run {
  execArgv: readonly string[];
  nodeOptions: string | undefined;
  v8Version: string;
  command: string | undefined;
}
const { v8Flags, OTHER_COMMANDS } = createRequire(import.meta.url)('../bin/threadsift.cjs') as { v8Flags: (run: Run) => string[]; OTHER_COMMANDS: string[] };

const NODE_20 = '11.3.244.8-node.30';
const ALL = ['--no-regexp-tier-up', '--no-turbo-inlining', '--no-turbo-loop-peeling'];
const run = (over: Partial<Run>): Run => ({ execArgv: [], nodeOptions: undefined, v8Version: NODE_20, command: 'file.json', ...over });

describe('V8 flags of a run', () => {
  it('sets all three for a scan on V8 11 (where they were measured) and none on another V8', () => {
    expect(v8Flags(run({}))).toEqual(ALL);
    expect(v8Flags(run({ command: 'scan' }))).toEqual(ALL);
    expect(v8Flags(run({ v8Version: '12.4.254.21-node.33' }))).toEqual([]);
    expect(v8Flags(run({ v8Version: '10.2.154.26-node.26' }))).toEqual([]);
  });

  it('sets none for the commands they were not measured to help (clusters was: inlining pays there)', () => {
    for (const command of ['clusters', 'parse', 'eval', 'train', 'index', 'sketch', 'help']) expect(v8Flags(run({ command }))).toEqual([]);
    expect(v8Flags(run({ command: '-f' }))).toEqual(ALL);
    expect(v8Flags(run({ command: undefined }))).toEqual(ALL);
  });

  it("knows every command of the registry but scan, the default (any other first argument is scan's)", () => {
    const io: CliIO = { stdout: () => undefined, stderr: () => undefined, readStdin: () => Buffer.alloc(0), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: ROOT };
    const names = COMMANDS.map((make) => make(io, async () => undefined).name());
    expect(names[0]).toBe('scan');
    expect([...OTHER_COMMANDS].sort()).toEqual([...names.slice(1), 'help'].sort());
  });

  it('leaves alone a flag the user chose either way, on the command line or in NODE_OPTIONS, with - or _', () => {
    expect(v8Flags(run({ execArgv: ['--regexp-tier-up'] }))).toEqual(ALL.slice(1));
    expect(v8Flags(run({ execArgv: ['--no-regexp_tier_up'] }))).toEqual(ALL.slice(1));
    expect(v8Flags(run({ nodeOptions: '--max-old-space-size=900 --turbo_inlining' }))).toEqual(['--no-regexp-tier-up', '--no-turbo-loop-peeling']);
    expect(v8Flags(run({ execArgv: ['--turbo-loop-peeling'], nodeOptions: '--no-turbo-inlining' }))).toEqual(['--no-regexp-tier-up']);
    expect(v8Flags(run({ execArgv: ['--max-old-space-size=900'], nodeOptions: '' }))).toEqual(ALL);
  });

  // Set at run time, --no-regexp-tier-up crashed V8 11 once a module had been required before it.
  it.runIf(present(join(ROOT, 'dist', 'threadsift.cjs')))('the command starts with them set', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'threadsift.cjs'), '--version'], { encoding: 'utf8' });
    expect([r.status, r.stdout.trim()]).toEqual([0, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version]);
  });

  // rolldown.config.mjs: V8 holds an ASCII source one byte per character.
  it.runIf(present(join(ROOT, 'dist', 'threadsift.cjs')))('the bundles Node loads are ASCII, without the sources\' doc comments', () => {
    for (const name of ['threadsift.cjs', 'analysis-worker.cjs', 'vendor/zod.cjs', 'vendor/recheck.cjs']) {
      const bytes = readFileSync(join(ROOT, 'dist', name));
      expect(isAscii(bytes), name).toBe(true);
      expect(bytes.toString('latin1'), name).not.toMatch(/^\s*\/\*\*\s*$/m);
    }
  });

  // The build's last step scans the fixture and keeps V8's code cache of what it ran (loadBundle).
  it.runIf(present(join(ROOT, 'dist', 'threadsift.cjs')))('the build leaves a code cache that a scan accepts, and a run gives the same report with it or without', () => {
    const cache = join(ROOT, 'dist', 'threadsift.v8cache');
    expect(existsSync(cache)).toBe(true);
    // The build's scan read a configuration file with a phrase file, so zod's and recheck's bundles have
    // their caches too.
    const vendors = ['zod', 'recheck'].map((name) => join(ROOT, 'dist', 'vendor', `${name}.cjs`));
    for (const file of vendors) expect(existsSync(file.replace(/\.cjs$/, '.v8cache')), file).toBe(true);
    // As start() does for `command`: its flags first, then the bundle (of the checkout at `root`) and the
    // `vendors`; whether V8 took each one's cache.
    const acceptedAt = (root: string, command: string, vendorFiles: string[]) =>
      spawnSync(
        process.execPath,
        ['-e', `const b = require(${JSON.stringify(join(root, 'bin', 'threadsift.cjs'))}); const { setFlagsFromString } = require('node:v8'); for (const f of b.v8Flags({ execArgv: [], nodeOptions: undefined, v8Version: process.versions.v8, command: ${JSON.stringify(command)} })) setFlagsFromString(f); console.log([b.loadBundle(), ...${JSON.stringify(vendorFiles)}.map(b.loadCompiled)].map((c) => c.accepted).join(' '));`],
        { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
      ).stdout.trim();
    const accepted = (command: string) => acceptedAt(ROOT, command, vendors);
    expect(accepted('thread.json')).toBe('true true true');
    // Other commands run without the scan's flags: V8 rejects the cache (where there are flags to differ),
    // and the bundle compiles as usual.
    const scanFlags = v8Flags(run({ v8Version: process.versions.v8 }));
    expect(accepted('clusters')).toBe(Array(3).fill(scanFlags.length === 0).join(' '));

    const seed = join(ROOT, 'fixtures', 'putin-xi-summit.txt');
    // The bin and the bundles alone, without their caches: each is required as usual.
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-no-cache-'));
    for (const sub of ['bin', 'dist', 'dist/vendor']) mkdirSync(join(dir, sub));
    for (const file of ['bin/threadsift.cjs', 'dist/threadsift.cjs', 'dist/vendor/zod.cjs', 'dist/vendor/recheck.cjs', 'package.json']) copyFileSync(join(ROOT, file), join(dir, file));
    cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
    const config = join(dir, 'settings.json');
    writeFileSync(join(dir, 'phrases.json'), JSON.stringify([{ id: 'summit', pattern: '\\bsummit\\b', note: 'a test', source: 'this test' }]));
    writeFileSync(config, JSON.stringify({ threshold: 0.5, signals: { promo: { weight: 0.6 } }, phraseFiles: ['phrases.json'] }));
    // Without a configuration file, and with one and a phrase file (zod's and recheck's caches).
    for (const extra of [[], ['-c', config]]) {
      const withCache = spawnSync(process.execPath, [join(ROOT, 'bin', 'threadsift.cjs'), seed, '-f', 'json', ...extra], { encoding: 'utf8' });
      const without = spawnSync(process.execPath, [join(dir, 'bin', 'threadsift.cjs'), seed, '-f', 'json', ...extra], { encoding: 'utf8', cwd: dir });
      expect([withCache.status, withCache.stderr]).toEqual([0, '']);
      expect([without.status, without.stderr]).toEqual([0, '']);
      expect(withCache.stdout === without.stdout).toBe(true);
    }
    const without = spawnSync(process.execPath, [join(dir, 'bin', 'threadsift.cjs'), seed, '-f', 'json'], { encoding: 'utf8', cwd: dir });
    // A damaged cache (its header kept, the rest overwritten) is not used: the same report.
    const good = readFileSync(cache);
    const damaged = Buffer.concat([good.subarray(0, 64), Buffer.alloc(good.length - 64, 0x5a)]);
    writeFileSync(join(dir, 'dist', 'threadsift.v8cache'), damaged);
    const afterDamage = spawnSync(process.execPath, [join(dir, 'bin', 'threadsift.cjs'), seed, '-f', 'json'], { encoding: 'utf8', cwd: dir });
    expect([afterDamage.status, afterDamage.stderr]).toEqual([0, '']);
    expect(afterDamage.stdout === without.stdout).toBe(true);

    // V8 compares only a source's length with the cache's: a cache made for another bundle of the same
    // length is not used either (its header digests the source too). Accepted beside its own bundle,
    // not beside the same bundle with its last character changed.
    writeFileSync(join(dir, 'dist', 'threadsift.v8cache'), good);
    const acceptedIn = () => acceptedAt(dir, 'thread.json', []);
    expect(acceptedIn()).toBe('true');
    const bundle = readFileSync(join(dir, 'dist', 'threadsift.cjs'), 'latin1');
    writeFileSync(join(dir, 'dist', 'threadsift.cjs'), `${bundle.slice(0, -1)}${bundle.endsWith('\n') ? ' ' : '\n'}`, 'latin1');
    expect(acceptedIn()).toBe('false');
    const afterChange = spawnSync(process.execPath, [join(dir, 'bin', 'threadsift.cjs'), seed, '-f', 'json'], { encoding: 'utf8', cwd: dir });
    expect([afterChange.status, afterChange.stderr]).toEqual([0, '']);
    expect(afterChange.stdout === without.stdout).toBe(true);
  });
});

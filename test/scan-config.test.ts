/**
 * A scan's worker threads make the main thread's configuration (src/commands/scan-config.ts) from the
 * texts the main thread read and the patterns it proved safe: they read no file, so a configuration or
 * phrase file edited during a long run cannot give some threads another configuration, and they load no
 * pattern checker, whose check could also run out of time on a busy machine where the main thread's did not.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanConfig, scanConfigForWorkers, type ScanConfigSource } from '../src/commands/scan-config.js';
import type { Config } from '../src/config.js';
import { filesFrom, recordingFiles } from '../src/config-file.js';
import { present, ROOT } from './helpers.js';

const PHRASES = [
  { id: 'crypto-bait', pattern: '\\b(?:bitcoin|crypto) (?:giveaway|airdrop)\\b', note: 'crypto bait', source: 'moderators' },
  { id: 'dm-bait', pattern: '\\bdm me (?:for|to) (?:details|info)\\b', note: 'asks for a private message', source: 'moderators' },
];

/** A directory with a configuration file found on its own, and its phrase file. */
function project(threshold: number, phrases: object[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'threadsift-scan-config-'));
  writeFileSync(join(dir, 'threadsift.config.json'), JSON.stringify({ threshold, phraseFiles: ['phrases.json'] }));
  writeFileSync(join(dir, 'phrases.json'), JSON.stringify(phrases));
  return dir;
}

const seen = (config: Config) => ({ threshold: config.threshold, phrases: config.extraPhrases.map((e) => [e.id, e.pattern]) });
const ids = (phrases: typeof PHRASES) => phrases.map((e) => [`user:${e.id}`, e.pattern]);

describe("a scan's configuration in its worker threads", () => {
  it('is made from the texts the main thread read, whatever the files hold by then', () => {
    const dir = project(0.55, PHRASES);
    const { config, source } = scanConfigForWorkers({ cwd: dir, overrides: {} }, () => undefined);
    expect(seen(config)).toEqual({ threshold: 0.55, phrases: ids(PHRASES) });
    expect([...source.files!.keys()].sort()).toEqual([join(dir, 'phrases.json'), join(dir, 'threadsift.config.json')]);
    // Exactly this configuration's patterns, whatever else the process checked before.
    expect(source.safePatterns).toEqual(PHRASES.map((e) => e.pattern));

    // The files change while the run goes on: read again, they give another configuration.
    writeFileSync(join(dir, 'threadsift.config.json'), JSON.stringify({ threshold: 0.9, phraseFiles: ['phrases.json'] }));
    writeFileSync(join(dir, 'phrases.json'), JSON.stringify(PHRASES.slice(1)));
    expect(seen(scanConfig({ cwd: dir, overrides: {} }, () => undefined))).toEqual({ threshold: 0.9, phrases: ids(PHRASES.slice(1)) });
    // A worker's, from the main thread's texts, is the main thread's; also once the files are gone.
    expect(seen(scanConfig(source, () => undefined))).toEqual(seen(config));
    rmSync(dir, { recursive: true });
    expect(seen(scanConfig(source, () => undefined))).toEqual(seen(config));
  });

  it('records a file read twice with the text read first: the main thread and its workers use one text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-scan-config-twice-'));
    const path = join(dir, 'phrases.json');
    writeFileSync(path, 'first');
    const files = recordingFiles();
    expect(files.read(path)).toBe('first');
    writeFileSync(path, 'second');
    expect(files.read(path)).toBe('first');
    expect([...files.texts]).toEqual([[path, 'first']]);
    expect(filesFrom(files.texts).read(path)).toBe('first');
    expect(() => filesFrom(files.texts).read(join(dir, 'other.json'))).toThrow(/other\.json: cannot be read/);
  });

  it('finds the configuration as the main thread did: a package.json key above the working directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-scan-config-pkg-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'site', threadsift: { threshold: 0.6, phraseFiles: ['phrases.json'] } }));
    writeFileSync(join(dir, 'phrases.json'), JSON.stringify(PHRASES));
    mkdirSync(join(dir, 'exports'));
    const { config, source } = scanConfigForWorkers({ cwd: join(dir, 'exports'), overrides: {} }, () => undefined);
    expect(seen(config)).toEqual({ threshold: 0.6, phrases: ids(PHRASES) });
    // A configuration file put nearer while the run goes on is not the run's.
    writeFileSync(join(dir, 'exports', 'threadsift.config.json'), JSON.stringify({ threshold: 0.9 }));
    expect(seen(scanConfig(source, () => undefined))).toEqual(seen(config));
  });

  it('is the main thread\'s when there is no configuration file, and the overrides apply', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadsift-scan-config-none-'));
    const { config, source } = scanConfigForWorkers({ cwd: dir, overrides: { threshold: 0.3 } }, () => undefined);
    // Nothing of the directory was read (a package.json above the temporary directory may be: it is looked at).
    expect([...source.files!.keys()].filter((path) => path.startsWith(dir))).toEqual([]);
    expect(seen(scanConfig(source, () => undefined))).toEqual(seen(config));
    expect(config.threshold).toBe(0.3);
  });

  const built = join(ROOT, 'dist', 'commands', 'scan-config.js');
  it.runIf(present(built))('loads no pattern checker in a fresh thread given the proven patterns, and does without them', () => {
    const dir = project(0.55, PHRASES);
    const { source } = scanConfigForWorkers({ cwd: dir, overrides: {} }, () => undefined);
    // A fresh process stands for the worker's fresh isolate: nothing proven, nothing loaded.
    const inFreshThread = (given: ScanConfigSource) => {
      const script = `
        import { setVendorLoader } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'util', 'vendor.js')).href)};
        import { scanConfig } from ${JSON.stringify(pathToFileURL(built).href)};
        import { createRequire } from 'node:module';
        const loaded = [];
        const require = createRequire(import.meta.url);
        setVendorLoader((file) => { loaded.push(file.split('/').pop()); return require(file); });
        const given = JSON.parse(process.argv[1]);
        const source = { ...given, ...(given.files ? { files: new Map(given.files) } : {}) };
        const config = scanConfig(source, () => undefined);
        console.log(JSON.stringify({ loaded, threshold: config.threshold, phrases: config.extraPhrases.map((e) => [e.id, e.pattern]) }));`;
      const sent = { ...given, ...(given.files ? { files: [...given.files] } : {}) };
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(sent)], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as { loaded: string[]; threshold: number; phrases: string[][] };
    };
    const expected = { threshold: 0.55, phrases: ids(PHRASES) };
    expect(inFreshThread(source)).toEqual({ loaded: ['zod.cjs'], ...expected });
    // Without the proven patterns, the same configuration costs the checker: what the worker used to load.
    const unproven: ScanConfigSource = { ...source };
    delete unproven.safePatterns;
    expect(inFreshThread(unproven)).toEqual({ loaded: ['zod.cjs', 'recheck.cjs'], ...expected });
  }, 60_000);
});

#!/usr/bin/env node
/**
 * The build's last step: run the command once on the bundled fixture with THREADSIFT_WRITE_CODE_CACHE=1,
 * so that it leaves V8's code cache of the functions a scan runs beside the bundle
 * (dist/threadsift.v8cache; bin/threadsift.cjs loadCompiled explains it). The scan reads a configuration
 * file with a phrase file, so that zod and recheck are loaded and their caches written too
 * (dist/vendor/*.v8cache). The run's own report is discarded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'threadsift-code-cache-'));
const config = join(dir, 'threadsift.config.json');
// A setting of each kind the schema checks (the threshold, a signal's weight and one of its options),
// and a phrase file, whose pattern recheck proves safe: recheck's bundle is cached too.
writeFileSync(join(dir, 'phrases.json'), JSON.stringify([{ id: 'cache', pattern: '\\bwarm (?:the )?cache\\b', note: 'for the code cache', source: 'the build' }]));
writeFileSync(config, JSON.stringify({ threshold: 0.45, signals: { promo: { weight: 0.6 }, 'llm-style': { options: { minWords: 8 } } }, phraseFiles: ['phrases.json'] }));
const run = spawnSync(process.execPath, [join(root, 'bin', 'threadsift.cjs'), join(root, 'fixtures', 'putin-xi-summit.txt'), '-c', config, '-f', 'json'], {
  env: { ...process.env, THREADSIFT_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 1 << 26,
});
rmSync(dir, { recursive: true, force: true });
// The fixture is a thread of likely bot replies: exit 0 (no gate), as any scan without gates.
if (run.status !== 0) throw new Error(`writing the code cache: the scan of the fixture exited with ${run.status ?? run.signal}`);

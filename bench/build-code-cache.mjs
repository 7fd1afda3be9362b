#!/usr/bin/env node
/**
 * The build's last step: run the command once on the bundled fixture with THREADSIFT_WRITE_CODE_CACHE=1,
 * so that it leaves V8's code cache of the functions a scan runs beside the bundle
 * (dist/threadsift.v8cache; bin/threadsift.cjs loadBundle explains it). The run's own report is discarded.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = spawnSync(process.execPath, [join(root, 'bin', 'threadsift.cjs'), join(root, 'fixtures', 'putin-xi-summit.txt'), '-f', 'json'], {
  env: { ...process.env, THREADSIFT_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 1 << 26,
});
// The fixture is a thread of likely bot replies: exit 0 (no gate), as any scan without gates.
if (run.status !== 0) throw new Error(`writing the code cache: the scan of the fixture exited with ${run.status ?? run.signal}`);

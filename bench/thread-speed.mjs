#!/usr/bin/env node
/**
 * Speed of one large thread with every signal on (issue #4: a 5,000-comment thread, full report, start-up
 * included). Builds the thread from real comments (SFU, YouTube, TweepFake validation; ~200 bytes each),
 * then times whole CLI runs. Baselines from the same run sit beside it: `node -e 0` (the runtime alone)
 * and `threadsift --version` (our start-up). The four commands take turns, N rounds, so that a noisy
 * spell of the shared machine falls on all of them; best and median of the N runs are printed.
 * Then the CPU time per phase (bench/thread-phases.mjs, single-threaded, minimum over the runs), to show
 * where the time goes.
 * Usage: npm run build && node bench/thread-speed.mjs [comments=5000] [runs=5]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sfuThreads, tweepfakeThreads, youtubeThreads } from './datasets.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const n = Number(process.argv[2] ?? 5000);
const runs = Number(process.argv[3] ?? 5);
const texts = [...sfuThreads(), ...youtubeThreads(), ...tweepfakeThreads('validation')].flatMap((t) => t.comments.map((c) => c.text));
const comments = Array.from({ length: n }, (_, i) => ({ id: String(i + 1), text: texts[(i * 7919) % texts.length] }));
const body = texts.slice(0, 12).join('\n');
mkdirSync(join(here, 'out'), { recursive: true });
const file = join(here, 'out', `thread-${n}.json`);
writeFileSync(file, JSON.stringify({ title: 'Large thread', body, comments }));

const bin = join(here, '..', 'bin', 'threadsift.cjs');
const commands = [
  ['node -e 0 (runtime baseline)     ', ['-e', '0']],
  ['threadsift --version (start-up)  ', [bin, '--version']],
  ['threadsift FILE (terminal report)', [bin, file]],
  ['threadsift FILE --format json    ', [bin, file, '--format', 'json']],
];
const times = commands.map(() => []);
for (let i = 0; i < runs; i++) {
  commands.forEach(([, args], k) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    times[k].push((performance.now() - start) / 1000);
  });
}
const best = times.map((t) => Math.min(...t));
const median = times.map((t) => [...t].sort((a, b) => a - b)[t.length >> 1]);
console.log(`${n} comments in one thread (${file}), ${runs} rounds (best / median):`);
commands.forEach(([label], k) => console.log(`  ${label}   ${best[k].toFixed(2)} s / ${median[k].toFixed(2)} s`));
console.log(`  analysis beyond start-up ≈ ${(best[2] - best[1]).toFixed(2)} s (best)`);
console.log(`  target < 1 s wall: ${best[2] < 1 ? 'met' : 'not met'} at best, ${median[2] < 1 ? 'met' : 'not met'} at the median`);

const phaseRuns = Array.from({ length: runs }, () => {
  const r = spawnSync(process.execPath, ['--single-threaded', join(here, 'thread-phases.mjs'), file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`thread-phases.mjs exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
});
console.log(`CPU ms per phase, one thread doing all the work (node --single-threaded), least of ${runs}:`);
for (const key of Object.keys(phaseRuns[0])) {
  console.log(`  ${key.padEnd(16)} ${Math.min(...phaseRuns.map((p) => p[key])).toFixed(0).padStart(6)}`);
}

#!/usr/bin/env node
/**
 * Batch benchmark (issue #3): writes N generated thread files (default 1,000) built from real comments
 * (SFU, YouTube, GRiD, TweepFake), runs `threadsift <dir> --format json`, and checks the aggregate summary against
 * the per-thread reports and the generated totals. With --tty it also runs the terminal report under
 * `script` (a pseudo-terminal), so the progress bar shows the way a user sees it.
 * Usage: npm run build && node bench/batch.mjs [N] [--tty]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gridThreads, sfuThreads, tweepfakeThreads, youtubeThreads } from './datasets.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1000);
const out = join(here, 'out', 'batch');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// Comments are drawn without replacement (shuffled), so a text repeats across threads only where the
// datasets themselves repeat it; otherwise the cross-thread signal would flag the generator's reuse.
const pool = [...sfuThreads(), ...youtubeThreads(), ...gridThreads(), ...tweepfakeThreads('train')].flatMap((t) => t.comments.map((c) => c.text));
let seed = 1;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
for (let i = pool.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [pool[i], pool[j]] = [pool[j], pool[i]];
}
let next = 0;
let totalComments = 0;
for (let i = 0; i < n; i++) {
  const size = 5 + Math.floor(rand() * 40);
  const comments = Array.from({ length: size }, (_, k) => ({ id: `c${k + 1}`, text: pool[next++ % pool.length] }));
  totalComments += size;
  const dirName = join(out, `d${Math.floor(i / 100)}`);
  mkdirSync(dirName, { recursive: true });
  writeFileSync(join(dirName, `thread-${String(i).padStart(5, '0')}.json`), JSON.stringify({ id: `t${i}`, title: `Generated thread ${i}`, body: '', comments }));
}

const bin = join(here, '..', 'bin', 'threadsift.cjs');
const start = performance.now();
const result = spawnSync(process.execPath, [bin, out, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
const seconds = (performance.now() - start) / 1000;
const report = JSON.parse(result.stdout);
const flagged = report.threads.reduce((s, t) => s + t.summary.flagged, 0);
const comments = report.threads.reduce((s, t) => s + t.commentCount, 0);
const checks = [
  ['threads', report.summary.threads, n],
  ['comments', report.summary.comments, totalComments],
  ['comments (sum of threads)', comments, totalComments],
  ['flagged (sum of threads)', report.summary.flagged, flagged],
  ['errors', report.summary.errors, 0],
];
console.log(`${n} files, ${totalComments} comments: exit ${result.status}, ${seconds.toFixed(2)} s wall, ${(totalComments / seconds).toFixed(0)} comments/s`);
let ok = result.status === 0;
for (const [name, got, want] of checks) {
  const pass = got === want;
  ok &&= pass;
  console.log(`  ${pass ? 'ok  ' : 'FAIL'} ${name}: ${got}${pass ? '' : ` (expected ${want})`}`);
}
console.log(`  flagged ${report.summary.flagged} (${(100 * report.summary.botShare).toFixed(1)}%)`);
if (process.argv.includes('--tty')) {
  // `script` gives threadsift a terminal on stderr; the raw capture shows the progress redraws.
  const typescript = join(out, 'tty.log');
  execFileSync('script', ['-qec', `${process.execPath} ${bin} ${out} --quiet > /dev/null`, typescript], { stdio: 'ignore' });
  const text = execFileSync('cat', [typescript], { encoding: 'utf8' });
  const frames = text.split('\r').filter((s) => s.includes('inputs,'));
  console.log(`  progress bar frames drawn on the terminal: ${frames.length}; last: ${JSON.stringify(frames.at(-1)?.trim())}`);
  ok &&= frames.length > 0;
}
process.exit(ok ? 0 : 1);

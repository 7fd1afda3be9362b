#!/usr/bin/env node
/**
 * Side-by-side instruction counts of node scripts, for changes too small for wall time on a shared
 * machine (a few per cent drowns in its noise). Each command runs under valgrind's cachegrind without its
 * cache simulation, with `node --single-threaded` so that garbage collection and compilation run on the
 * counted thread; the count repeats to about 0.05% back to back (0.3% over a day), whatever else the
 * machine is doing. It counts work, not time: a change that trades instructions for cache misses or for waiting is
 * not seen (check such a change with bench/ab-wall.mjs). About 40 times slower than a plain run.
 * Needs valgrind (Debian: apt-get install valgrind). Prints the count per command, in the order given,
 * and each one's difference from the first.
 * Usage: node bench/ab-instructions.mjs RUNS 'SCRIPT ARGS' 'SCRIPT ARGS' ...
 * Example (this build against another checkout's, on the 5,000-comment thread):
 *   node bench/ab-instructions.mjs 2 '../old/bin/threadsift.cjs bench/out/thread-5000.json -o /dev/null' \
 *     'bin/threadsift.cjs bench/out/thread-5000.json -o /dev/null'
 */
import { spawnSync } from 'node:child_process';
import { runsAndCommands } from './args.mjs';

const { runs, commands } = runsAndCommands("node bench/ab-instructions.mjs RUNS 'script args' ['script args' ...]");
if (spawnSync('valgrind', ['--version']).error) {
  console.error('ab-instructions: valgrind is not installed (Debian: apt-get install valgrind)');
  process.exit(2);
}
const counts = commands.map(() => []);
for (let i = 0; i < runs; i++) {
  commands.forEach((command, k) => {
    const args = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', ...command.split(/\s+/).filter(Boolean)];
    const r = spawnSync('valgrind', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    const line = /I\s+refs:\s+([\d,]+)/.exec(r.stderr);
    if (!line) throw new Error(`no instruction count for ${command}: ${r.stderr.slice(-400)}`);
    counts[k].push(Number(line[1].replaceAll(',', '')));
  });
}
const least = counts.map((c) => Math.min(...c));
commands.forEach((command, k) => {
  const spread = (Math.max(...counts[k]) - least[k]) / least[k];
  const change = k === 0 ? '' : ` (${((least[k] / least[0] - 1) * 100).toFixed(2)}% against the first)`;
  console.log(`${(least[k] / 1e9).toFixed(3)} G instructions, spread ${(spread * 100).toFixed(2)}%${change} | ${command}`);
});

#!/usr/bin/env node
/**
 * Side-by-side wall and CPU time of shell commands, run alternately so that a shared machine's noise
 * falls on all of them alike. Prints min and median wall and user+sys CPU per command (via
 * /usr/bin/time, 10 ms resolution).
 * Usage: node bench/ab-wall.mjs RUNS 'command A' 'command B' ...
 * Example (this build against another checkout's):
 *   node bench/ab-wall.mjs 15 'node ../old/bin/threadsift.cjs bench/out/thread-5000.json' 'node bin/threadsift.cjs bench/out/thread-5000.json'
 */
import { spawnSync } from 'node:child_process';
import { runsAndCommands } from './args.mjs';

const { runs, commands } = runsAndCommands("node bench/ab-wall.mjs RUNS 'command' ['command' ...]");
const wall = commands.map(() => []);
const cpu = commands.map(() => []);
for (let i = 0; i < runs; i++) {
  commands.forEach((command, k) => {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', 'sh', '-c', `${command} >/dev/null`], { encoding: 'utf8' });
    const [elapsed, user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
    wall[k].push(elapsed * 1000);
    cpu[k].push((user + sys) * 1000);
  });
}
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `min ${sorted[0].toFixed(0)} ms, median ${sorted[sorted.length >> 1].toFixed(0)} ms`;
};
commands.forEach((command, k) => console.log(`wall ${stats(wall[k])} | CPU ${stats(cpu[k])} | ${command}`));

#!/usr/bin/env node
/**
 * How long the shipped machine-text detector (data/machine-text.json) takes to load: read, parse,
 * validate and compile, in a fresh process each time (what a CLI run pays once), beside the same
 * process doing nothing but start. Best and median of N runs.
 * Usage: npm run build && node bench/detector-load.mjs [runs=15]
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';

const runs = Number(process.argv[2] ?? 15);
const file = new URL('../data/machine-text.json', import.meta.url);
const probe = `
const t0 = performance.now();
const { defaultDetector } = await import(${JSON.stringify(new URL('../dist/detector/model.js', import.meta.url).href)});
const t1 = performance.now();
defaultDetector();
const t2 = performance.now();
process.stdout.write(JSON.stringify({ modules: t1 - t0, load: t2 - t1 }));
`;
const times = [];
for (let i = 0; i < runs; i++) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  times.push(JSON.parse(r.stdout));
}
const stat = (key) => {
  const xs = times.map((t) => t[key]).sort((a, b) => a - b);
  return `best ${xs[0].toFixed(1)} ms, median ${xs[Math.floor(xs.length / 2)].toFixed(1)} ms`;
};
console.log(`data/machine-text.json: ${(statSync(file).size / 1024).toFixed(0)} KB`);
console.log(`  read, parse, validate, compile: ${stat('load')} (${runs} fresh processes)`);
console.log(`  importing the detector's modules (for comparison): ${stat('modules')}`);

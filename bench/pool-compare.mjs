#!/usr/bin/env node
/**
 * The scan's worker pool (src/pool/ordered-pool.ts: synchronous, results taken off MessagePorts in input
 * order) against piscina (promise-based, on the event loop), both with two workers running the scan's own
 * task function over the same threads, results consumed in input order through the same window of 8
 * tasks. Wall and CPU time of the whole process, alternating, several rounds.
 * piscina is not a dependency: point at an install of it.
 * Usage: npm run build && node bench/pool-compare.mjs --piscina DIR/node_modules/piscina [--corpus bench/out/corpus-20k.jsonl] [--rounds 3]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { argv, BENCH, flag } from './args.mjs';

const here = BENCH;
const corpus = flag('corpus', join(here, 'out', 'corpus-20k.jsonl'));
const WINDOW = 8;

async function threads() {
  const { jsonlRecord } = await import('../dist/parsers/json.js');
  return readFileSync(corpus, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line, i) => jsonlRecord(line, i + 1, corpus));
}

async function ordered() {
  const { OrderedPool } = await import('../dist/pool/ordered-pool.js');
  let flagged = 0;
  const pool = new OrderedPool({
    size: 2,
    script: new URL('../dist/analysis-worker.cjs', import.meta.url),
    data: { source: { cwd: process.cwd(), overrides: {} } },
    window: WINDOW,
    windowWeight: Number.POSITIVE_INFINITY,
    deliver: (o) => (flagged += o.tally.flagged),
  });
  for (const thread of await threads()) pool.submit({ thread }, 1);
  pool.finish();
  return flagged;
}

async function piscina(path) {
  const { Piscina } = await import(pathToFileURL(join(path, 'dist', 'esm-wrapper.mjs')).href);
  const pool = new Piscina({ filename: new URL('./pool-compare-worker.mjs', import.meta.url).href, minThreads: 2, maxThreads: 2 });
  let flagged = 0;
  const pending = [];
  for (const thread of await threads()) {
    pending.push(pool.run({ thread }));
    if (pending.length >= WINDOW) flagged += (await pending.shift()).tally.flagged;
  }
  for (const p of pending) flagged += (await p).tally.flagged;
  await pool.destroy();
  return flagged;
}

if (argv[0] === '--child') {
  const flagged = argv[1] === 'piscina' ? await piscina(argv[2]) : await ordered();
  const u = process.resourceUsage();
  console.log(JSON.stringify({ flagged, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, rss: u.maxRSS / 1024 }));
} else {
  const piscinaPath = flag('piscina');
  if (!piscinaPath) {
    console.error('usage: node bench/pool-compare.mjs --piscina DIR/node_modules/piscina [--corpus FILE] [--rounds 3]');
    process.exit(2);
  }
  const rounds = Number(flag('rounds', '3'));
  const runs = { ordered: [], piscina: [] };
  for (let r = 0; r < rounds; r++) {
    for (const kind of r % 2 ? ['piscina', 'ordered'] : ['ordered', 'piscina']) {
      const start = performance.now();
      const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', kind, piscinaPath, '--corpus', corpus], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(out.stderr);
      runs[kind].push({ wall: (performance.now() - start) / 1000, ...JSON.parse(out.stdout) });
    }
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
  console.log(`${corpus}, ${rounds} rounds, two workers each (median wall s / median CPU s / median peak RSS MB; flagged as a check):`);
  for (const [kind, r] of Object.entries(runs)) {
    console.log(`  ${kind.padEnd(8)} ${med(r.map((x) => x.wall)).toFixed(2)} s / ${med(r.map((x) => x.cpu)).toFixed(2)} s / ${med(r.map((x) => x.rss)).toFixed(0)} MB; flagged ${r[0].flagged}`);
  }
}

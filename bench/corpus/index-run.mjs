#!/usr/bin/env node
/**
 * One measured corpus run, meant to be spawned by run.mjs so that its peak RSS is its own: streams a
 * threadsift JSONL file line by line into CorpusIndex, clusters, and writes a JSON summary (timings,
 * peak RSS — taken when the clusters are ready, before this script serialises them — counts, and the
 * clusters with their verified links) to the output path.
 *
 * Usage: node bench/corpus/index-run.mjs in.jsonl out.json [--limit N] [--num-perm 64] [--seed 1]
 *        [--shingle-size 1] [--threshold 0.8] [--min-shingles 5] [--workers 0]
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { CorpusIndex } from '../../dist/corpus/index.js';

const argv = process.argv.slice(2);
const [input, output] = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
const flag = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : undefined;
};
if (!input || !output) {
  console.error('usage: node bench/corpus/index-run.mjs in.jsonl out.json [--limit N] [--num-perm K] ...');
  process.exit(2);
}
const limit = flag('limit') ?? Infinity;
const options = { links: true };
for (const [flagName, key] of [['num-perm', 'numPerm'], ['seed', 'seed'], ['shingle-size', 'shingleSize'], ['threshold', 'threshold'], ['workers', 'workers'], ['min-shingles', 'minShingles']]) {
  const v = flag(flagName);
  if (v !== undefined) options[key] = v;
}

const t0 = performance.now();
const index = new CorpusIndex(options);
let added = 0;
const lines = createInterface({ input: createReadStream(input), crlfDelay: Infinity });
read: for await (const line of lines) {
  if (!line) continue;
  const thread = JSON.parse(line);
  for (const c of thread.comments) {
    if (added >= limit) break read;
    index.add(thread.id, c.id, c.text);
    added++;
  }
}
lines.close();
const t1 = performance.now();
const result = await index.finish();
const t2 = performance.now();
const maxRssMB = process.resourceUsage().maxRSS / 1024;
writeFileSync(
  output,
  JSON.stringify({
    input,
    comments: added,
    readAndIndexMs: t1 - t0,
    finishMs: t2 - t1,
    wallMs: t2 - t0,
    maxRssMB,
    result,
  }),
);

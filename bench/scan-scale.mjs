#!/usr/bin/env node
/**
 * The full scan at archive scale (issue #15 item 1, issue #14 item 3), before and after, side by side in
 * one run: wall time, CPU time (user + system) and peak RSS of whole CLI runs, measured by /usr/bin/time.
 *
 *   before          the build given with --before (default /tmp/snapbase: main before worker threads), -f json
 *   single-threaded this build, -f jsonl --workers 0 (every thread analysed on the main thread)
 *   jsonl           this build, -f jsonl (worker threads, streamed report)
 *   json            this build, -f json (worker threads, the whole report collected)
 *   clusters        this build, `threadsift clusters` (the corpus pass alone)
 *
 * and, for one thread of 5,000 long GPT/Reddit comments (GRiD, ~970 bytes each), `before` and this build.
 * The commands take turns, round after round, so that a noisy spell of the shared machine falls on all of
 * them; the median and the best of the rounds are printed. Each corpus comes from bench/corpus/generate.mjs
 * (made when missing). Afterwards the JSONL report is read back line by line (every comment present, every
 * line typed) and the reports of the two builds and of the two paths are compared byte for byte.
 *
 * Usage: npm run build && node bench/scan-scale.mjs [--sizes 200k,1M] [--rounds 2] [--before DIR] [--after DIR]
 *          [--skip before,single,jsonl,json,clusters] [--no-grid | --grid-only]
 * (--after: a copy of this build, so that rebuilding during a long run does not change what is measured)
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { argv, BENCH, flag, OUT } from './args.mjs';
import { parseCount } from './corpus/generate.mjs';
import { gridThreads } from './datasets.mjs';

const here = BENCH;
const sizes = flag('sizes', '200k,1M').split(',').filter(Boolean);
const skip = new Set(flag('skip', '').split(',').filter(Boolean));
const gridOnly = argv.includes('--grid-only');
const rounds = Number(flag('rounds', '2'));
const before = flag('before', '/tmp/snapbase');
const after = flag('after', join(here, '..'));

/** One CLI run under /usr/bin/time: wall and CPU seconds, peak RSS in MB. */
function timed(bin, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, join(bin, 'bin', 'threadsift.cjs'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const last = r.stderr.trimEnd().split('\n').pop();
  const [wall, user, sys, kb] = last.split(' ').map(Number);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return { wall, cpu: user + sys, rss: kb / 1024 };
}

/** Run the commands in turns, `rounds` times, rotating which goes first. */
function compare(title, commands) {
  const results = commands.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < commands.length; k++) {
      const at = (k + round) % commands.length;
      results[at].push(timed(commands[at].bin, commands[at].args));
    }
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
  console.log(`\n### ${title}\n`);
  console.log(`${rounds} round(s), load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')} on this 2-core machine\n`);
  console.log('| command | wall s (median / best) | CPU s (median) | peak RSS MB (median / max) |');
  console.log('|---|---|---|---|');
  commands.forEach((c, k) => {
    const r = results[k];
    const walls = r.map((x) => x.wall);
    const rss = r.map((x) => x.rss);
    console.log(`| ${c.label} | ${med(walls).toFixed(1)} / ${Math.min(...walls).toFixed(1)} | ${med(r.map((x) => x.cpu)).toFixed(1)} | ${med(rss).toFixed(0)} / ${Math.max(...rss).toFixed(0)} |`);
  });
  return results;
}

/** Every line of a JSONL report parsed; counts by type, and whether every comment of the corpus is there. */
async function readBack(report, corpus) {
  const expected = new Set();
  for await (const line of createInterface({ input: createReadStream(corpus) })) {
    const t = JSON.parse(line);
    for (const c of t.comments) expected.add(`${t.id}\u0000${c.id}`);
  }
  const types = {};
  let missing = expected.size;
  for await (const line of createInterface({ input: createReadStream(report) })) {
    const o = JSON.parse(line);
    types[o.type] = (types[o.type] ?? 0) + 1;
    if (o.type === 'comment' && expected.delete(`${o.threadId}\u0000${o.commentId}`)) missing--;
  }
  return { types, comments: types.comment ?? 0, missing };
}

const same = (a, b) => spawnSync('cmp', ['-s', a, b]).status === 0;

for (const size of gridOnly ? [] : sizes) {
  const n = parseCount(size);
  const corpus = join(OUT, `corpus-${size}.jsonl`);
  if (!existsSync(corpus)) spawnSync(process.execPath, [join(here, 'corpus', 'generate.mjs'), String(n), corpus], { stdio: 'inherit' });
  const o = (name) => join(OUT, `scale-${size}-${name}`);
  const commands = [
    { key: 'before', label: `before (${before}) -f json`, bin: before, args: [corpus, '-f', 'json', '-o', o('before.json')] },
    { key: 'single', label: 'single-threaded -f jsonl --workers 0', bin: after, args: [corpus, '-f', 'jsonl', '--workers', '0', '-o', o('w0.jsonl')] },
    { key: 'jsonl', label: '-f jsonl', bin: after, args: [corpus, '-f', 'jsonl', '-o', o('after.jsonl')] },
    { key: 'json', label: '-f json', bin: after, args: [corpus, '-f', 'json', '-o', o('after.json')] },
    { key: 'clusters', label: 'clusters (the corpus pass alone)', bin: after, args: ['clusters', corpus, '-f', 'json', '-o', o('clusters.json')] },
  ].filter((c) => !skip.has(c.key));
  compare(`${size} comments (${(statSync(corpus).size / 2 ** 20).toFixed(0)} MB of threadsift JSONL)`, commands);
  const ran = (key) => commands.some((c) => c.key === key);
  if (ran('jsonl')) {
    const back = await readBack(o('after.jsonl'), corpus);
    console.log(`\nread back line by line: ${JSON.stringify(back.types)}; ${n} comments in the corpus, ${back.missing} missing from the report`);
  }
  if (ran('jsonl') && ran('single')) console.log(`jsonl with workers = single-threaded, byte for byte: ${same(o('after.jsonl'), o('w0.jsonl'))}`);
  if (ran('json') && ran('before')) console.log(`json of this build = json of before, byte for byte: ${same(o('after.json'), o('before.json'))}`);
}

if (!argv.includes('--no-grid')) {
  const texts = gridThreads().flatMap((t) => t.comments.map((c) => c.text));
  // Every 7919th text of GRiD in turn: 5,000 comments of ~970 bytes (4.9 MB), as issue #15 measured.
  const comments = Array.from({ length: 5000 }, (_, i) => ({ id: String(i + 1), text: texts[(i * 7919) % texts.length] }));
  const file = join(OUT, 'grid-5000.json');
  writeFileSync(file, JSON.stringify({ title: 'GRiD answers', body: '', comments }));
  compare(`one thread of 5,000 GRiD comments (${(statSync(file).size / 2 ** 20).toFixed(1)} MB)`, [
    { label: `before (${before}) -f json`, bin: before, args: [file, '-f', 'json', '-o', join(OUT, 'grid-before.json')] },
    { label: 'this build -f json', bin: after, args: [file, '-f', 'json', '-o', join(OUT, 'grid-after.json')] },
    { label: `before (${before}) terminal`, bin: before, args: [file, '-o', join(OUT, 'grid-before.txt')] },
    { label: 'this build terminal', bin: after, args: [file, '-o', join(OUT, 'grid-after.txt')] },
  ]);
  console.log(`\nsame JSON report as before: ${same(join(OUT, 'grid-before.json'), join(OUT, 'grid-after.json'))}`);
}

#!/usr/bin/env node
/**
 * Archive-scale benchmark (issue 15, items 2–4): the clusters pass in process and the DuckDB path (sketch,
 * then clusters --sketches) side by side on one corpus, checked equal; and the persistent index: its size at
 * a million comments, a 10,000-comment scan against it, and how many lightly edited re-posts it finds.
 * Every step runs the built command in a child process (bench/measured.mjs), so CPU and peak RSS are its own.
 *
 * Usage: npm run build && node bench/archive.mjs [--clusters 200k] [--index 1M] [--skip clusters|index] [--build-baseline]
 *
 * Corpora are bench/corpus/generate.mjs's (bench/out/corpus-N.jsonl, made when missing). For the index,
 * corpus A is corpus-N with a date on every comment (a minute apart from 2025-01-01), split into 20 files
 * (an archive of exports; each file is one transaction); corpus B is 1,000 copies of random A comments,
 * edited at 0, 3 or 6 % of their words plus cosmetic noise (generate.mjs's edits), under 100 new threads
 * with 9,000 comments of a corpus generated with another seed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { argv, BENCH, flag, OUT } from './args.mjs';
import { edit, loadPool, parseCount, rng } from './corpus/generate.mjs';

const here = BENCH;
const skip = new Set(argv.flatMap((a, i) => (argv[i - 1] === '--skip' ? [a] : [])));

const MB = (bytes) => (bytes / 1e6).toFixed(1);

/** Run the command in a child process; wall time from here, CPU and peak RSS from the child itself. */
function measure(args, env = {}) {
  const file = join(OUT, `measure-${process.pid}.json`);
  const start = performance.now();
  const r = spawnSync(process.execPath, [join(here, 'measured.mjs'), ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env, THREADSIFT_MEASURE: file } });
  const wallS = (performance.now() - start) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`threadsift ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const usage = JSON.parse(readFileSync(file, 'utf8'));
  rmSync(file);
  return { ...usage, wallS, stdout: r.stdout, stderr: r.stderr };
}

function corpusFile(label, seed = 42) {
  const path = join(OUT, seed === 42 ? `corpus-${label}.jsonl` : `corpus-${label}-seed${seed}.jsonl`);
  if (!existsSync(path)) {
    console.error(`generating ${path} ...`);
    execFileSync(process.execPath, [join(here, 'corpus', 'generate.mjs'), String(parseCount(label)), path, '--seed', String(seed)], { stdio: 'inherit' });
  }
  return path;
}

const row = (name, m, extra = '') => `| ${name} | ${m.wallS.toFixed(1)} | ${m.cpuS.toFixed(1)} | ${Math.round(m.rssMB)} | ${extra} |`;

/** Members of every cross-thread cluster, as sorted keys: what must be equal between the two paths. */
const memberSets = (report) => report.crossThreadClusters.map((c) => c.members.map((m) => `${m.source}#${m.threadId}/${m.commentId}`).join(' ')).sort();

function clustersBench(label) {
  const corpus = corpusFile(label);
  const n = parseCount(label);
  const dir = join(OUT, `sketches-${label}`);
  rmSync(dir, { recursive: true, force: true });
  const inProcess = measure(['clusters', corpus, '-f', 'json', '-o', join(OUT, `clusters-${label}.json`)]);
  const sketch = measure(['sketch', corpus, '-o', dir]);
  const duck = measure(['clusters', '--sketches', join(dir, '*.parquet'), '-v', '-f', 'json', '-o', join(OUT, `clusters-${label}-duckdb.json`)]);
  const a = JSON.parse(readFileSync(join(OUT, `clusters-${label}.json`), 'utf8'));
  const b = JSON.parse(readFileSync(join(OUT, `clusters-${label}-duckdb.json`), 'utf8'));
  const same = JSON.stringify(memberSets(a)) === JSON.stringify(memberSets(b));
  const parquet = sketch.stdout.trim().split('\n').reduce((s, f) => s + statSync(f).size, 0);
  const perM = (x) => (x * 1e6) / n;
  console.log(`\n### Clusters: in process and through DuckDB, ${n.toLocaleString('en')} comments (${cpus().length} cores, load ${loadavg()[0].toFixed(1)})\n`);
  console.log('| step | wall s | CPU s | peak RSS MB | |');
  console.log('|---|---|---|---|---|');
  console.log(row('`clusters FILE` (in process)', inProcess, `${a.summary.clusters} clusters, ${a.summary.commentsInClusters} comments`));
  console.log(row('`sketch FILE -o DIR`', sketch, `${MB(parquet)} MB of Parquet`));
  console.log(row("`clusters --sketches 'DIR/*.parquet'`", duck, `${b.summary.clusters} clusters, ${b.summary.commentsInClusters} comments`));
  console.log(row('sketch + clusters --sketches', { wallS: sketch.wallS + duck.wallS, cpuS: sketch.cpuS + duck.cpuS, rssMB: Math.max(sketch.rssMB, duck.rssMB) }));
  console.log(`\nSame clusters (members): ${same ? 'yes' : 'NO'}; candidate pairs ${a.summary.candidatePairs} / ${b.summary.candidatePairs}, verified ${a.summary.verifiedPairs} / ${b.summary.verifiedPairs}.`);
  console.log(
    `Per million comments: ${MB(perM(parquet))} MB of Parquet, ${Math.round(perM(b.summary.uniqueTexts)).toLocaleString('en')} distinct texts, ${Math.round(perM(b.summary.candidatePairs)).toLocaleString('en')} candidate pairs, ${Math.round(perM(b.summary.verifiedPairs)).toLocaleString('en')} verified; sketching ${perM(sketch.cpuS).toFixed(1)} CPU-s, DuckDB clustering ${perM(duck.cpuS).toFixed(1)} CPU-s.`,
  );
  console.log(`Stages (clusters --sketches -v): ${duck.stderr.trim().replace(/^threadsift: /, '')}.`);
  writeFileSync(join(OUT, `archive-clusters-${label}.json`), JSON.stringify({ n, inProcess, sketch, duck, parquet, same, summary: b.summary }, null, 1));
  if (!same) process.exitCode = 1;
}

/** Stream a JSONL corpus thread by thread. */
async function* threads(path) {
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) if (line) yield JSON.parse(line);
}

const DAY0 = Date.parse('2025-01-01T00:00:00Z');
const COPIES = 1000;
const B_COMMENTS = 10_000;

/**
 * Corpus A (dated, in 20 files) and B (planted copies among new comments); returns their paths and the
 * planted copies. Originals are picked among A's comments that have no near-duplicate in A, and B's new
 * comments among texts with none in A (the in-process engine decides, over A and the candidates at once):
 * otherwise the first sighting of a copy could rightly be another comment than its original, and a "new"
 * comment could rightly be seen before (the generator's texts reuse a pool of real sentences).
 */
async function indexCorpora(label) {
  const source = corpusFile(label);
  const n = parseCount(label);
  const dir = join(OUT, `index-${label}`);
  const plantedPath = join(dir, 'planted.json');
  const filesA = Array.from({ length: 20 }, (_, i) => join(dir, `a-${String(i).padStart(2, '0')}.jsonl`));
  const fileB = join(dir, 'b.jsonl');
  if (existsSync(plantedPath)) return { filesA, fileB, planted: JSON.parse(readFileSync(plantedPath, 'utf8')) };
  mkdirSync(dir, { recursive: true });
  const { CorpusIndex } = await import('../dist/corpus/index.js');
  const engine = new CorpusIndex();
  const comments = [];
  const lines = filesA.map(() => []);
  for await (const thread of threads(source)) {
    // Threads in reading order, a twentieth of the comments per file.
    const file = Math.min(filesA.length - 1, Math.floor((comments.length * filesA.length) / n));
    for (const c of thread.comments) {
      c.createdAt = new Date(DAY0 + comments.length * 60_000).toISOString();
      engine.add(`a/${thread.id}`, c.id, c.text);
      comments.push({ thread: thread.id, comment: c.id, createdAt: c.createdAt, text: c.text });
    }
    lines[file].push(JSON.stringify(thread));
  }
  filesA.forEach((f, i) => writeFileSync(f, `${lines[i].join('\n')}\n`));
  const candidates = [];
  for await (const thread of threads(corpusFile('20k', 99))) {
    for (const c of thread.comments) {
      engine.add(`new/${candidates.length}`, '1', c.text);
      candidates.push(c.text);
    }
  }
  const clustered = new Set();
  for (const cluster of (await engine.finish()).clusters) {
    const inA = cluster.members.some((m) => m.threadId.startsWith('a/'));
    for (const m of cluster.members) if (m.threadId.startsWith('a/') || inA) clustered.add(`${m.threadId}/${m.commentId}`);
  }
  const fresh = candidates.filter((_, i) => !clustered.has(`new/${i}/1`)).slice(0, B_COMMENTS - COPIES);
  const random = rng(15);
  const picks = new Set();
  while (picks.size < COPIES) {
    const k = Math.floor(random() * n);
    if (!clustered.has(`a/${comments[k].thread}/${comments[k].comment}`)) picks.add(k);
  }
  const pool = loadPool();
  const order = [...picks].map((k) => comments[k]);
  const slots = new Set();
  while (slots.size < COPIES) slots.add(Math.floor(random() * B_COMMENTS));
  const planted = [];
  const b = [];
  const perThread = B_COMMENTS / 100;
  for (let k = 0, f = 0, p = 0; k < 100; k++) {
    const threadComments = [];
    for (let i = 0; i < perThread; i++) {
      const id = String(i + 1);
      if (slots.has(k * perThread + i)) {
        const o = order[p++];
        const level = [0, 3, 6][Math.floor(random() * 3)];
        threadComments.push({ id, text: edit(o.text, level, pool, random) });
        planted.push({ thread: `b${k + 1}`, comment: id, level, original: { thread: o.thread, comment: o.comment, createdAt: o.createdAt } });
      } else threadComments.push({ id, text: fresh[f++] });
    }
    b.push(JSON.stringify({ id: `b${k + 1}`, title: `New article ${k + 1}`, body: '', comments: threadComments }));
  }
  writeFileSync(fileB, `${b.join('\n')}\n`);
  writeFileSync(plantedPath, JSON.stringify(planted));
  return { filesA, fileB, planted };
}

async function indexBench(label) {
  const n = parseCount(label);
  const { filesA, fileB, planted } = await indexCorpora(label);
  const dir = join(OUT, `index-${label}`);
  const index = join(dir, 'a.db');
  const fresh = join(dir, 'b-scan.db');
  if (!existsSync(index)) {
    console.error(`building the index of ${n} comments (a full scan of corpus A) ...`);
    const build = measure([...filesA, '--index', index, '-f', 'json', '-o', join(dir, 'a.report.json')]);
    writeFileSync(join(dir, 'build.json'), JSON.stringify(build));
  }
  const build = JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8'));
  // The same scan without an index, for what storing costs (with --build-baseline: another full scan).
  const baselinePath = join(dir, 'build-baseline.json');
  if (argv.includes('--build-baseline') && !existsSync(baselinePath)) writeFileSync(baselinePath, JSON.stringify(measure([...filesA, '-f', 'json', '-o', join(dir, 'a.plain.json')])));
  const baseline = existsSync(baselinePath) ? JSON.parse(readFileSync(baselinePath, 'utf8')) : undefined;
  const size = statSync(index).size + (existsSync(`${index}-wal`) ? statSync(`${index}-wal`).size : 0);
  const stats = JSON.parse(measure(['index', 'stats', index, '-f', 'json']).stdout);
  // Each scan of B starts from the same index (a scan stores B's comments).
  const scans = [];
  for (let i = 0; i < 3; i++) {
    copyFileSync(index, fresh);
    rmSync(`${fresh}-wal`, { force: true });
    scans.push(measure([fileB, '--index', fresh, '-f', 'json', '-o', join(dir, 'b.report.json')]));
  }
  const without = [0, 1, 2].map(() => measure([fileB, '-f', 'json', '-o', join(dir, 'b.plain.json')]));
  const report = JSON.parse(readFileSync(join(dir, 'b.report.json'), 'utf8'));
  const seen = new Map();
  for (const t of report.threads) for (const c of t.comments) for (const r of c.reasons) if (r.code === 'SEEN_BEFORE') seen.set(`${t.id}/${c.id}`, r.args);
  const byLevel = new Map();
  for (const p of planted) {
    const f = seen.get(`${p.thread}/${p.comment}`);
    const right = f?.thread === p.original.thread && f.comment === p.original.comment && f.date === new Date(p.original.createdAt).toISOString();
    const level = byLevel.get(p.level) ?? { n: 0, right: 0 };
    level.n++;
    if (right) level.right++;
    byLevel.set(p.level, level);
  }
  const right = [...byLevel.values()].reduce((s, l) => s + l.right, 0);
  const best = (list) => list.reduce((a, b) => (b.wallS < a.wallS ? b : a));
  console.log(`\n### The index: ${n.toLocaleString('en')} comments stored, a scan of ${B_COMMENTS.toLocaleString('en')} against it (${cpus().length} cores, load ${loadavg()[0].toFixed(1)})\n`);
  console.log('| step | wall s | CPU s | peak RSS MB | |');
  console.log('|---|---|---|---|---|');
  console.log(row(`full scan of A (20 files) with --index`, build, `index ${MB(size)} MB on disk (${MB(size / (n / 1e6))} MB per million comments)`));
  if (baseline) console.log(row('the same full scan of A without --index', baseline));
  console.log(row(`scan of B (${B_COMMENTS.toLocaleString('en')} comments) with --index, best of 3`, best(scans), `all: ${scans.map((s) => s.wallS.toFixed(1)).join(', ')} s`));
  console.log(row('scan of B without --index, best of 3', best(without), `all: ${without.map((s) => s.wallS.toFixed(1)).join(', ')} s`));
  console.log(
    `\nRe-posts found with A's thread, comment and date: ${right} of ${planted.length} (${((100 * right) / planted.length).toFixed(1)}%); by edit level: ${[...byLevel]
      .sort((x, y) => x[0] - y[0])
      .map(([level, l]) => `${level}%: ${l.right}/${l.n}`)
      .join(', ')}. Other comments of B reported as seen before: ${seen.size - [...seen.keys()].filter((k) => planted.some((p) => `${p.thread}/${p.comment}` === k)).length}.`,
  );
  console.log(`Index: ${stats.comments} comments, ${stats.sketched} sketched, ${stats.copies} copies, ${stats.bandKeys.main + stats.bandKeys.recent} band keys (${stats.bandKeys.recent} recent).`);
  writeFileSync(join(OUT, `archive-index-${label}.json`), JSON.stringify({ n, build, baseline, size, stats, scans, without, byLevel: [...byLevel], right, planted: planted.length }, null, 1));
}

if (!skip.has('clusters')) clustersBench(flag('clusters', '200k'));
if (!skip.has('index')) await indexBench(flag('index', '1M'));

#!/usr/bin/env node
/**
 * Corpus benchmark (issue 4): speed, memory, precision and recall of CorpusIndex, with the naive
 * baselines measured side by side. Not part of `npm test`.
 *
 * Usage: npm run build && node bench/corpus/run.mjs [--sizes 10k,100k,1M] [--sample 20000]
 *          [--baseline 1000,2000] [--exact 2000,5000] [--seed 42] [--num-perm 64] [--shingle-size 1]
 *          [--threshold 0.8] [--workers 0] [--reuse]
 *
 * For each size N: generates bench/out/corpus-N.jsonl with generate.mjs when missing, then runs
 * index-run.mjs in a child process (so that peak RSS is the index's own) and checks its output:
 *   - link precision: every verified link re-checked with the exact Jaccard of the two texts' word sets
 *     (strings, not hashes); must be 1.0. Every cluster member must have a linked or identical partner.
 *   - planted recall per edit level: planted (original, copy) pairs that share a cluster; also the
 *     share of planted pairs whose exact similarity is ≥ the threshold (what any exact method at that
 *     threshold can find) and the recall among those.
 * Then, on a generated corpus of --sample comments (bench/out/corpus-20k.jsonl): recall against
 * jaccardBruteForce (pairs ≥ threshold found in one cluster, and found as a direct link), and on its
 * first --baseline / --exact comments the wall time of string-similarity's compareTwoStrings over all pairs and of the exact
 * all-pairs Jaccard, next to CorpusIndex on the same comments.
 * Prints Markdown tables; writes bench/out/corpus-report.json. --reuse takes the index runs' results from
 * a previous invocation (bench/out/corpus-N.result.json) and only re-evaluates them.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import stringSimilarity from 'string-similarity';
import { CorpusIndex } from '../../dist/corpus/index.js';
import { foldText } from '../../dist/text/normalize.js';
import { parseCount } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, '..', 'out');

// The exact references live with the tests (test/corpus/reference.ts), not in the shipped code: bundle
// them from the TypeScript sources for this run.
const REFERENCE = join(OUT, 'corpus-reference.mjs');
await build({
  input: join(here, '..', '..', 'test', 'corpus', 'reference.ts'),
  platform: 'node',
  resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
  output: { file: REFERENCE, format: 'esm' },
  logLevel: 'silent',
});
const { jaccardBruteForce, shingleStrings } = await import(REFERENCE);
const LEVELS = [0, 3, 6, 10, 20];
/** datasketch MinHashLSH (128 perms, word sets, t = 0.8), as quoted in issue 4. */
const DATASKETCH = { recall: { 0: 1.0, 3: 0.97, 6: 0.88, 10: 0.67, 20: 0.18 }, at200k: '36 s, 1.5 GB', at1M: '~4 min, 7 GB' };

const argv = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const sizes = flag('sizes', '10k,100k').split(',').map((s) => ({ label: s, n: parseCount(s) }));
const sample = Number(flag('sample', '20000'));
const baselineSizes = flag('baseline', '1000,2000').split(',').filter(Boolean).map(Number);
const exactSizes = flag('exact', '2000,5000').split(',').filter(Boolean).map(Number);
const seed = flag('seed', '42');
const reuse = argv.includes('--reuse');
const indexFlags = ['num-perm', 'workers', 'threshold', 'shingle-size'].filter((f) => argv.includes(`--${f}`)).flatMap((f) => [`--${f}`, flag(f)]);
const threshold = Number(flag('threshold', '0.8'));
const shingleSize = Number(flag('shingle-size', '1'));
const indexOptions = {
  threshold,
  shingleSize,
  ...(argv.includes('--num-perm') ? { numPerm: Number(flag('num-perm')) } : {}),
  ...(argv.includes('--workers') ? { workers: Number(flag('workers')) } : {}),
};

mkdirSync(OUT, { recursive: true });
const keyOf = (threadId, commentId) => `${threadId}\u0000${commentId}`;
const fmt = (x, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
/** A text's word sequence as the index sees it: equal keys are exact duplicates. */
const wordKey = (text) =>
  foldText(text)
    .split(' ')
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean)
    .join(' ');

function jaccard(a, b) {
  const A = shingleStrings(a, shingleSize);
  const B = shingleStrings(b, shingleSize);
  let shared = 0;
  for (const w of A) if (B.has(w)) shared++;
  return shared / (A.size + B.size - shared);
}

/** Stream a corpus; `visit(threadId, commentId, text)` may return false to stop. */
async function eachComment(path, visit) {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const thread = JSON.parse(line);
    for (const c of thread.comments) {
      if (visit(thread.id, c.id, c.text) === false) {
        lines.close();
        return;
      }
    }
  }
}

function ensureCorpus(label, n) {
  const path = join(OUT, `corpus-${label}.jsonl`);
  if (!existsSync(path)) {
    console.error(`generating ${path} ...`);
    execFileSync(process.execPath, [join(here, 'generate.mjs'), String(n), path, '--seed', seed], { stdio: 'inherit' });
  }
  return path;
}

async function evaluateSize({ label, n }) {
  const corpus = ensureCorpus(label, n);
  const resultPath = join(OUT, `corpus-${label}.result.json`);
  if (!(reuse && existsSync(resultPath))) {
    console.error(`indexing ${corpus} ...`);
    execFileSync(process.execPath, [join(here, 'index-run.mjs'), corpus, resultPath, ...indexFlags], { stdio: 'inherit' });
  }
  const run = JSON.parse(readFileSync(resultPath, 'utf8'));
  const { clusters } = run.result;

  const clusterOf = new Map();
  clusters.forEach((c, k) => c.members.forEach((m) => clusterOf.set(keyOf(m.threadId, m.commentId), k)));
  const truth = readFileSync(corpus.replace(/\.jsonl$/, '.truth.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const needed = new Set(clusterOf.keys());
  for (const p of truth) {
    needed.add(keyOf(...p.a));
    needed.add(keyOf(...p.b));
  }
  const texts = new Map();
  await eachComment(corpus, (t, c, text) => {
    const key = keyOf(t, c);
    if (needed.has(key)) texts.set(key, text);
  });

  let links = 0;
  let linksOk = 0;
  let hashAgrees = 0;
  let members = 0;
  let justified = 0;
  for (const c of clusters) {
    const endpoints = new Set();
    for (const [i, j, s] of c.links) {
      const a = c.members[i];
      const b = c.members[j];
      const exact = jaccard(texts.get(keyOf(a.threadId, a.commentId)), texts.get(keyOf(b.threadId, b.commentId)));
      links++;
      if (exact >= threshold) linksOk++;
      if (Math.abs(exact - s) < 1e-9) hashAgrees++;
      endpoints.add(i).add(j);
    }
    const groups = new Map();
    c.members.forEach((m, i) => {
      const k = wordKey(texts.get(keyOf(m.threadId, m.commentId)));
      groups.set(k, [...(groups.get(k) ?? []), i]);
    });
    for (const g of groups.values()) {
      members += g.length;
      if (g.length >= 2 || endpoints.has(g[0])) justified += g.length;
    }
  }

  const perLevel = {};
  for (const level of LEVELS) perLevel[level] = { pairs: 0, found: 0, aboveT: 0, foundAboveT: 0 };
  for (const p of truth) {
    const a = keyOf(...p.a);
    const b = keyOf(...p.b);
    const s = perLevel[p.level];
    const found = clusterOf.has(a) && clusterOf.get(a) === clusterOf.get(b);
    const above = jaccard(texts.get(a), texts.get(b)) >= threshold;
    s.pairs++;
    if (found) s.found++;
    if (above) s.aboveT++;
    if (above && found) s.foundAboveT++;
  }
  return {
    label,
    n: run.comments,
    wallMs: run.wallMs,
    readAndIndexMs: run.readAndIndexMs,
    finishMs: run.finishMs,
    maxRssMB: run.maxRssMB,
    clusters: clusters.length,
    crossThread: clusters.filter((c) => c.crossThread).length,
    uniqueTexts: run.result.uniqueTexts,
    candidatePairs: run.result.candidatePairs,
    verifiedPairs: run.result.verifiedPairs,
    params: run.result.params,
    linkPrecision: linksOk / links,
    links,
    hashAgreement: hashAgrees / links,
    membersJustified: justified / members,
    perLevel,
  };
}

async function timed(fn) {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

async function runIndex(items) {
  const index = new CorpusIndex({ ...indexOptions, links: true });
  for (const it of items) index.add(it.threadId, it.commentId, it.text);
  return index.finish();
}

async function firstComments(path, n) {
  const items = [];
  await eachComment(path, (threadId, commentId, text) => {
    items.push({ threadId, commentId, text });
    return items.length < n;
  });
  return items;
}

async function bruteForceRecall(path, n) {
  const items = await firstComments(path, n);
  const texts = items.map((it) => it.text);
  const brute = await timed(() => jaccardBruteForce(texts, threshold, { shingleSize }));
  const ours = await timed(() => runIndex(items));
  const clusterOf = new Map();
  const direct = new Set();
  const indexOf = new Map(items.map((it, i) => [keyOf(it.threadId, it.commentId), i]));
  const keys = texts.map(wordKey);
  ours.value.clusters.forEach((c, k) => {
    c.members.forEach((m) => clusterOf.set(indexOf.get(keyOf(m.threadId, m.commentId)), k));
    for (const [i, j] of c.links) {
      const a = keys[indexOf.get(keyOf(c.members[i].threadId, c.members[i].commentId))];
      const b = keys[indexOf.get(keyOf(c.members[j].threadId, c.members[j].commentId))];
      direct.add(`${a}\u0001${b}`).add(`${b}\u0001${a}`);
    }
  });
  let inCluster = 0;
  let linked = 0;
  for (const [i, j] of brute.value) {
    const same = clusterOf.has(i) && clusterOf.get(i) === clusterOf.get(j);
    if (same) inCluster++;
    if (same && (keys[i] === keys[j] || direct.has(`${keys[i]}\u0001${keys[j]}`))) linked++;
  }
  const pairs = brute.value.length;
  return { n: texts.length, pairs, recallCluster: inCluster / pairs, recallLinked: linked / pairs, bruteMs: brute.ms, indexMs: ours.ms };
}

async function baselines(path) {
  const rows = [];
  const largest = Math.max(0, ...baselineSizes, ...exactSizes);
  if (largest === 0) return rows;
  const all = await firstComments(path, largest);
  // Warm the JIT for every contender, so the first timed size is not mostly compilation.
  const warm = all.slice(0, 300);
  await runIndex(warm);
  jaccardBruteForce(
    warm.map((it) => it.text),
    threshold,
    { shingleSize },
  );
  stringSimilarity.compareTwoStrings(warm[0].text, warm[1].text);
  for (const n of [...new Set([...baselineSizes, ...exactSizes])].sort((a, b) => a - b)) {
    const items = all.slice(0, n);
    const texts = items.map((it) => it.text);
    const ours = await timed(() => runIndex(items));
    const row = { n, indexMs: ours.ms, clusters: ours.value.clusters.length };
    if (exactSizes.includes(n)) row.exactMs = (await timed(() => jaccardBruteForce(texts, threshold, { shingleSize }))).ms;
    if (baselineSizes.includes(n)) {
      row.diceMs = (await timed(() => {
        let pairs = 0;
        for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) if (stringSimilarity.compareTwoStrings(texts[i], texts[j]) >= threshold) pairs++;
        return pairs;
      })).ms;
    }
    rows.push(row);
  }
  return rows;
}

const loadBefore = loadavg()[0];
const results = [];
for (const size of sizes) results.push(await evaluateSize(size));
// Its own generated corpus, so the planted families lie inside the sample (the first 20k comments of
// the 1M corpus hold few complete families).
const sampleCorpus = ensureCorpus(`${sample / 1000}k`, sample);
console.error(`brute force on ${sampleCorpus} ...`);
const brute = await bruteForceRecall(sampleCorpus, sample);
console.error('baselines ...');
const base = await baselines(sampleCorpus);

const p = results[0].params;
console.log(
  `\nCorpusIndex: threshold ${p.threshold}, ${p.shingleSize}-word shingles, ${p.numPerm} permutations (OPH), ${p.bands} bands × ${p.rows} rows, ` +
    `workers ${indexOptions.workers ?? 0}; node ${process.version}, ${cpus().length} CPUs, load average ${loadBefore.toFixed(1)} before / ${loadavg()[0].toFixed(1)} after\n`,
);
console.log('| N | wall | comments/s | read+index | finish | peak RSS | unique texts | candidates | verified | clusters (cross-thread) | link precision | members justified |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.n.toLocaleString('en')} | ${fmt(r.wallMs / 1000, 1)} s | ${Math.round(r.n / (r.wallMs / 1000)).toLocaleString('en')} | ${fmt(r.readAndIndexMs / 1000, 1)} s | ${fmt(r.finishMs / 1000, 1)} s | ${Math.round(r.maxRssMB)} MB | ` +
      `${r.uniqueTexts.toLocaleString('en')} | ${r.candidatePairs.toLocaleString('en')} | ${r.verifiedPairs.toLocaleString('en')} | ${r.clusters.toLocaleString('en')} (${r.crossThread.toLocaleString('en')}) | ${fmt(r.linkPrecision, 4)} | ${fmt(r.membersJustified, 4)} |`,
  );
}
console.log('\nPlanted pairs found in one cluster, per edit level (exact ≥ t: share of planted pairs whose exact Jaccard over the shingle sets reaches the threshold, and recall among those):\n');
console.log(`| N | ${LEVELS.map((l) => `${l} %`).join(' | ')} |`);
console.log(`|---|${LEVELS.map(() => '---').join('|')}|`);
for (const r of results) {
  console.log(`| ${r.n.toLocaleString('en')} recall | ${LEVELS.map((l) => fmt(r.perLevel[l].found / r.perLevel[l].pairs, 3)).join(' | ')} |`);
  console.log(`| ${r.n.toLocaleString('en')} exact ≥ t | ${LEVELS.map((l) => fmt(r.perLevel[l].aboveT / r.perLevel[l].pairs, 3)).join(' | ')} |`);
  console.log(`| ${r.n.toLocaleString('en')} recall among ≥ t | ${LEVELS.map((l) => fmt(r.perLevel[l].foundAboveT / r.perLevel[l].aboveT, 3)).join(' | ')} |`);
}
console.log(`| datasketch (issue) | ${LEVELS.map((l) => fmt(DATASKETCH.recall[l], 2)).join(' | ')} |`);
console.log(`\nRecall against exact all-pairs Jaccard on a ${brute.n.toLocaleString('en')}-comment corpus: ${brute.pairs} pairs ≥ ${threshold}; ` +
  `in one cluster ${fmt(brute.recallCluster, 4)}, as a direct verified link ${fmt(brute.recallLinked, 4)}; brute force ${fmt(brute.bruteMs / 1000, 1)} s vs CorpusIndex ${fmt(brute.indexMs / 1000, 2)} s (${fmt(brute.bruteMs / brute.indexMs, 0)}×).`);
console.log('\n| comments | CorpusIndex | exact all-pairs Jaccard | ratio | string-similarity all-pairs | ratio |');
console.log('|---|---|---|---|---|---|');
for (const b of base) {
  console.log(
    `| ${b.n.toLocaleString('en')} | ${fmt(b.indexMs, 0)} ms | ${b.exactMs ? `${fmt(b.exactMs, 0)} ms` : '—'} | ${b.exactMs ? `${fmt(b.exactMs / b.indexMs, 0)}×` : '—'} | ` +
      `${b.diceMs ? `${fmt(b.diceMs, 0)} ms` : '—'} | ${b.diceMs ? `${fmt(b.diceMs / b.indexMs, 0)}×` : '—'} |`,
  );
}
console.log(`\ndatasketch (issue figures, same kind of machine): 200k comments ${DATASKETCH.at200k}; 1M comments ${DATASKETCH.at1M}.`);
writeFileSync(join(OUT, 'corpus-report.json'), JSON.stringify({ results, brute, baselines: base }, null, 2));

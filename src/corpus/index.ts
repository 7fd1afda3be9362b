/**
 * Corpus-scale near-duplicate detection: clusters of (nearly) the same comment across any number of
 * threads, with memory that holds only what detection needs.
 *
 * ```ts
 * const index = new CorpusIndex({ threshold: 0.8 });
 * for (const thread of threads) for (const c of thread.comments) index.add(thread.id, c.id, c.text);
 * const { clusters } = await index.finish();
 * ```
 *
 * Pipeline, per comment as it is added (the text is dropped right after):
 * 1. Words as `foldText` defines them (folded in the same pass, see shingles.ts) → shingles → sorted
 *    unique 32-bit hashes, and a 64-bit hash of the word sequence.
 *    Texts with fewer than `minShingles` distinct shingles are counted in `ignored` and take no part:
 *    "thanks!" under a thousand threads is not coordination, and Jaccard over a handful of words is noise.
 * 2. Exact duplicates (same 64-bit text hash) collapse into one "unique text" with a multiplicity, so a
 *    form letter posted 10,000 times costs one signature and no candidate pairs.
 * 3. A new unique text gets a MinHash signature (one-permutation hashing with optimal densification)
 *    and keeps only its `bands` 32-bit band keys, its shingle hashes and a ≤ 120-character excerpt.
 * At `finish()`:
 * 4. Unique texts are put in a canonical order (by text hash), so nothing below depends on input order.
 *    For each band, a radix sort groups equal keys; each member of a bucket is paired with the up to
 *    `BUCKET_WINDOW` members before it (every pair, for buckets up to that size; the cap bounds the
 *    work on a bucket of a hundred thousand template variants, which are connected many times over
 *    anyway). A pair that already shared an earlier band is skipped, so each pair is verified once.
 * 5. Every candidate pair is verified by the exact Jaccard similarity of the two shingle sets; only pairs
 *    ≥ threshold are linked. Reported pairs are never false; what LSH can cost is recall (see
 *    `choose` below and bench/corpus/run.mjs for the measured figures).
 * 6. Union-find over verified links and exact-duplicate groups gives the clusters.
 * There is no separate exact all-pairs path for small inputs: LSH takes milliseconds there too (5,000
 * comments in ~60 ms), and a single path keeps the result the same at every size.
 *
 * Determinism: signatures are pure functions of the text and the options, the candidate loop runs in
 * the canonical order, and every tie is broken by text hash or by (threadId, commentId). The same set of
 * comments gives the same result whatever the order of `add` calls, and with any number of `workers`
 * (which only move step 1–3's per-text work to other threads; see pool.ts).
 *
 * Memory at 1M comments of ~280 characters: ~600 MB peak RSS, of which shingle hashes ~160 MB,
 * excerpts ~110 MB, band keys 35 MB, per-comment arrays 16 MB; the rest is V8 and the reader.
 *
 * Hash width: shingles are 32-bit hashes, so two different words collide with probability 2^-32 per pair
 * of words; the verified Jaccard is that of the hashed sets, which equals the Jaccard of the word sets
 * unless such a collision falls inside the two texts compared. Texts are identified by 64 bits.
 */
import { hex64 } from '../util/hash.js';
import { link, type Linked } from './link.js';
import { intersectIfPossible } from './lsh.js';
import { optimalBands } from './minhash.js';
import { WorkerPool } from './pool.js';
import { shingleStrings } from './shingles.js';
import { excerpt, Sketcher, type SketchBatch, type SketchParams } from './sketch.js';
import { GrowableF64, GrowableU32, StringPool, U32RunPool } from './store.js';

export { BUCKET_WINDOW } from './link.js';
export { excerpt } from './sketch.js';

/** Options of a corpus run. All have defaults; see DEFAULTS. */
export interface CorpusOptions {
  /** Jaccard similarity of shingle sets at or above which two comments are linked. Default 0.8. */
  threshold?: number;
  /**
   * Words per shingle; 1 means word sets. Default 1, by measurement: on the 100k benchmark corpus,
   * planted pairs at 0/3/6/10/20 % word edits were found at 1.000/1.000/0.999/0.972/0.365 with word
   * sets, 1.000/0.997/0.721/0.119/0.005 with 2-word and 1.000/0.849/0.129/0.027/0.000 with 3-word
   * shingles: at a fixed threshold a k-word shingle set pays for every edit k times.
   */
  shingleSize?: number;
  /** MinHash signature length (OPH bins); bands × rows ≤ numPerm. Default 64. */
  numPerm?: number;
  /** Seed of the MinHash hash functions; results are exact either way, only recall varies. Default 1. */
  seed?: number;
  /** Texts with fewer distinct shingles are ignored. Default 5. */
  minShingles?: number;
  /** Also report each cluster's verified links (for evidence and for measuring precision). Default false. */
  links?: boolean;
  /**
   * Worker threads that sketch texts (0: all on the calling thread); results are identical either way.
   * Needs the compiled dist/. Default 0. Measured on the 2-core benchmark machine, shared with other
   * jobs (load average 3–5), reading JSONL on the calling thread: at 1M comments one worker took
   * 14.8–32.3 s (best 14.8) against 19.6–27.2 s (best 19.6) with none; at 100k it was always slower
   * (3.1–3.3 s against 2.6–2.9 s); two workers never helped; every worker run cost 15–25 % more CPU
   * (texts and results are copied between threads). So: 1 worker for inputs of several hundred thousand
   * comments when the cores are free, none otherwise.
   */
  workers?: number;
}

/** A group of comments whose texts are identical or nearly so (linked by verified pairs ≥ threshold). */
export interface CorpusCluster {
  /** 16 hex digits: the 64-bit hash of the representative's normalised words; stable across runs. */
  id: string;
  /** Number of comments. */
  size: number;
  /** Distinct thread ids, sorted. */
  threads: string[];
  /** Sorted by threadId, then commentId (UTF-16 code-unit order). */
  members: Array<{ threadId: string; commentId: string }>;
  /** ≤ 120 characters of the most repeated text in the cluster (whitespace collapsed). */
  representative: string;
  /**
   * Over the directly linked comment pairs: exact duplicates count 1, verified pairs their Jaccard,
   * each weighted by how many comment pairs it stands for.
   */
  similarity: { min: number; mean: number };
  /** Members span two or more threads. */
  crossThread: boolean;
  /**
   * With `links: true`: the verified pairs as [i, j, similarity], i < j indexing `members`, sorted.
   * A text with several identical copies is linked through its first member; identical copies are
   * linked to each other implicitly (similarity 1) and not listed.
   */
  links?: Array<[number, number, number]>;
}

/** Everything `finish()` reports. */
export interface CorpusResult {
  /** Largest first, then by id. */
  clusters: CorpusCluster[];
  /** Comments added. */
  comments: number;
  /** Comments below `minShingles`, left out. */
  ignored: number;
  /** Distinct normalised texts among the others. */
  uniqueTexts: number;
  /** Pairs of distinct unique texts whose exact similarity was computed (LSH candidates). */
  candidatePairs: number;
  /** Candidate pairs at or above the threshold. */
  verifiedPairs: number;
  params: { bands: number; rows: number; numPerm: number; shingleSize: number; threshold: number; minShingles: number; seed: number };
}

/** Defaults of CorpusOptions. */
export const DEFAULTS: Required<CorpusOptions> = { threshold: 0.8, shingleSize: 1, numPerm: 64, seed: 1, minShingles: 5, links: false, workers: 0 };

/**
 * Weights of datasketch's error integrals. datasketch's default (0.5, 0.5) puts the S-curve's midpoint
 * on the threshold, so a pair at exactly t = 0.8 is found with probability 0.36–0.40. Here every
 * candidate is verified exactly, so a false positive costs one cheap set intersection while a false
 * negative is a lost detection: weighting misses 19:1 moves the curve left.
 *
 * For t = 0.8 and the default 64 permutations this gives 10 bands × 6 rows, P(s) = 1 − (1 − s⁶)¹⁰:
 *
 *     s                      0.3    0.5    0.6    0.7    0.75   0.8    0.85   0.9
 *     10 × 6 (default)       0.007  0.146  0.380  0.714  0.859  0.952  0.991  0.999
 *     5 × 11 (datasketch 64) 0.000  0.002  0.018  0.095  0.194  0.362  0.600  0.848
 *     9 × 13 (datasketch 128)0.000  0.001  0.012  0.084  0.195  0.399  0.686  0.929
 *
 * Measured on the first 20,000 comments of the benchmark corpus (865 pairs ≥ 0.8, three seeds):
 * recall 0.993–0.995 with 64 permutations (10 × 6) and 0.995 with 128 (16 × 8), but 64 signs twice as
 * fast (OPH with densification costs O(|set| + numPerm)) and stores 10 band keys per text instead of 16.
 * Classic 128-permutation MinHash had the same recall at 5–7× the signing time. 32 permutations lost
 * recall (0.983–0.991); weights of 0.97 let candidate pairs grow tenfold for no recall gain.
 */
export const BAND_WEIGHTS = { falsePositive: 0.05, falseNegative: 0.95 };

const NONE = 0xffffffff;

/** LSH bands and rows for a threshold and signature length (memoised: the search is ~10 ms). */
export function choose(threshold: number, numPerm: number): { bands: number; rows: number } {
  const key = `${threshold}/${numPerm}`;
  let params = bandCache.get(key);
  if (!params) {
    params = optimalBands(threshold, numPerm, BAND_WEIGHTS);
    bandCache.set(key, params);
  }
  return params;
}
const bandCache = new Map<string, { bands: number; rows: number }>();

function resolve(options: CorpusOptions): Required<CorpusOptions> {
  const o = { ...DEFAULTS, ...options };
  if (!(o.threshold > 0 && o.threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${o.threshold}`);
  if (!Number.isInteger(o.numPerm) || o.numPerm < 1 || o.numPerm > 1024) throw new RangeError(`numPerm must be an integer in 1..1024, got ${o.numPerm}`);
  if (!Number.isInteger(o.minShingles) || o.minShingles < 1) throw new RangeError(`minShingles must be a positive integer, got ${o.minShingles}`);
  if (!Number.isInteger(o.seed)) throw new RangeError(`seed must be an integer, got ${o.seed}`);
  if (!Number.isInteger(o.workers) || o.workers < 0 || o.workers > 16) throw new RangeError(`workers must be an integer in 0..16, got ${o.workers}`);
  return o;
}

function compareKeys(threadA: string, idA: string, threadB: string, idB: string): number {
  if (threadA !== threadB) return threadA < threadB ? -1 : 1;
  if (idA !== idB) return idA < idB ? -1 : 1;
  return 0;
}

/**
 * Streaming index of comments across threads. `add` every comment, then `await finish()` once. Holds per
 * comment ~16 bytes plus its id; per distinct text its shingle hashes, `bands` keys and a short excerpt.
 */
export class CorpusIndex {
  readonly options: Readonly<Required<CorpusOptions>>;
  readonly bands: number;
  readonly rows: number;

  private readonly sketcher: Sketcher;
  private readonly strings = new StringPool();
  private readonly threadIndex = new Map<string, number>();
  private readonly threadNames: string[] = [];
  // Per comment, in add order.
  private readonly commentUnique = new GrowableU32();
  private readonly commentThread = new GrowableU32();
  private readonly commentId = new GrowableF64();
  // Per unique text, in first-seen order.
  private readonly textHi = new GrowableU32();
  private readonly textLo = new GrowableU32();
  private readonly multiplicity = new GrowableU32();
  private readonly shingleChunk = new GrowableU32();
  private readonly shingleStart = new GrowableU32();
  private readonly shingleCount = new GrowableU32();
  private readonly excerptHandle = new GrowableF64();
  /** The comment whose text gave the excerpt: the smallest (threadId, commentId) seen so far. */
  private readonly excerptOwner = new GrowableU32();
  /** Band keys, `bands` per unique text. */
  private readonly keys = new GrowableU32();
  private readonly shingles = new U32RunPool();
  // Open-addressing table from text hash to unique index (NONE = empty slot).
  private table = new Uint32Array(1 << 12).fill(NONE);
  private ignored = 0;
  private finished = false;
  private readonly pool: WorkerPool | null;

  constructor(options: CorpusOptions = {}) {
    this.options = resolve(options);
    const { bands, rows } = choose(this.options.threshold, this.options.numPerm);
    this.bands = bands;
    this.rows = rows;
    const { shingleSize, numPerm, seed, minShingles } = this.options;
    const params: SketchParams = { shingleSize, numPerm, seed, minShingles, bands, rows };
    this.sketcher = new Sketcher(params);
    this.pool = this.options.workers > 0 ? new WorkerPool(this.options.workers, params, this.sketcher, (batch, first) => this.integrateBatch(batch, first)) : null;
  }

  /** Index one comment. The text is not kept. (threadId, commentId) pairs are expected to be unique. */
  add(threadId: string, commentId: string, text: string): void {
    if (this.finished) throw new Error('CorpusIndex.add after finish()');
    let thread = this.threadIndex.get(threadId);
    if (thread === undefined) {
      thread = this.threadNames.length;
      this.threadIndex.set(threadId, thread);
      this.threadNames.push(threadId);
    }
    const comment = this.commentThread.length;
    this.commentThread.push(thread);
    this.commentId.push(this.strings.add(commentId));
    if (this.pool) {
      this.pool.add(comment, text);
      return;
    }
    const sh = this.sketcher.shingler;
    const n = this.sketcher.shingle(text);
    this.integrate(comment, n, sh.textHi, sh.textLo, sh.shingles, 0, null, 0, text, null);
  }

  private integrateBatch(batch: SketchBatch, firstComment: number): void {
    let at = 0;
    for (let i = 0; i < batch.excerpts.length; i++) {
      const n = batch.meta[i * 3]!;
      this.integrate(firstComment + i, n, batch.meta[i * 3 + 1]!, batch.meta[i * 3 + 2]!, batch.shingles, at, batch.keys, i * this.bands, null, batch.excerpts[i]!);
      at += n;
    }
  }

  /**
   * Record comment `comment` from its sketch. `keys` null: the band keys are computed here, from the
   * sketcher's current text, and only if the text is new. The excerpt comes ready-made (`excerptText`)
   * or is cut from `text` only when needed.
   */
  private integrate(
    comment: number,
    n: number,
    hi: number,
    lo: number,
    shingles: Uint32Array,
    shinglesAt: number,
    keys: Uint32Array | null,
    keysAt: number,
    text: string | null,
    excerptText: string | null,
  ): void {
    if (n === 0) {
      this.ignored++;
      this.commentUnique.push(NONE);
      return;
    }
    const existing = this.lookup(hi, lo);
    if (existing !== NONE) {
      this.commentUnique.push(existing);
      this.multiplicity.data[existing]!++;
      if (this.compareComments(comment, this.excerptOwner.data[existing]!) < 0) {
        this.excerptOwner.data[existing] = comment;
        this.excerptHandle.data[existing] = this.strings.add(excerptText ?? excerpt(text!));
      }
      return;
    }
    const unique = this.textHi.length;
    this.commentUnique.push(unique);
    this.insert(lo, unique);
    this.textHi.push(hi);
    this.textLo.push(lo);
    this.multiplicity.push(1);
    this.shingles.append(shingles, shinglesAt, n);
    this.shingleChunk.push(this.shingles.lastChunk);
    this.shingleStart.push(this.shingles.lastStart);
    this.shingleCount.push(n);
    this.excerptHandle.push(this.strings.add(excerptText ?? excerpt(text!)));
    this.excerptOwner.push(comment);
    this.keys.reserve(this.bands);
    if (keys) this.keys.data.set(keys.subarray(keysAt, keysAt + this.bands), this.keys.length);
    else this.sketcher.keys(this.keys.data, this.keys.length);
    this.keys.length += this.bands;
  }

  private compareComments(a: number, b: number): number {
    const thread = this.commentThread.data;
    const ids = this.commentId.data;
    return compareKeys(this.threadNames[thread[a]!]!, this.strings.get(ids[a]!), this.threadNames[thread[b]!]!, this.strings.get(ids[b]!));
  }

  private lookup(hi: number, lo: number): number {
    const t = this.table;
    const mask = t.length - 1;
    for (let slot = lo & mask; ; slot = (slot + 1) & mask) {
      const u = t[slot]!;
      if (u === NONE) return NONE;
      if (this.textLo.data[u] === lo && this.textHi.data[u] === hi) return u;
    }
  }

  private insert(lo: number, unique: number): void {
    if ((unique + 1) * 2 > this.table.length) {
      const old = this.table;
      this.table = new Uint32Array(old.length * 2).fill(NONE);
      for (const u of old) if (u !== NONE) this.place(this.textLo.data[u]!, u);
    }
    this.place(lo, unique);
  }

  private place(lo: number, unique: number): void {
    const t = this.table;
    const mask = t.length - 1;
    let slot = lo & mask;
    while (t[slot] !== NONE) slot = (slot + 1) & mask;
    t[slot] = unique;
  }

  /** Cluster everything added. Call once; the index cannot be used afterwards. */
  async finish(): Promise<CorpusResult> {
    if (this.finished) throw new Error('CorpusIndex.finish() called twice');
    this.finished = true;
    if (this.pool) await this.pool.close();
    return this.cluster();
  }

  private cluster(): CorpusResult {
    const { threshold } = this.options;
    const linked = link(
      {
        count: this.textHi.length,
        textHi: this.textHi.data,
        textLo: this.textLo.data,
        keys: this.keys.data,
        bands: this.bands,
        shingleChunks: this.shingles.chunks,
        shingleChunk: this.shingleChunk.data,
        shingleStart: this.shingleStart.data,
        shingleCount: this.shingleCount.data,
      },
      threshold,
    );
    return {
      clusters: this.buildClusters(linked),
      comments: this.commentUnique.length,
      ignored: this.ignored,
      uniqueTexts: this.textHi.length,
      candidatePairs: linked.candidatePairs,
      verifiedPairs: linked.edgeSim.length,
      params: {
        bands: this.bands,
        rows: this.rows,
        numPerm: this.options.numPerm,
        shingleSize: this.options.shingleSize,
        threshold,
        minShingles: this.options.minShingles,
        seed: this.options.seed,
      },
    };
  }

  private buildClusters({ order, components, edgeA, edgeB, edgeSim }: Linked): CorpusCluster[] {
    const n = order.length;
    const mult = (rank: number) => this.multiplicity.data[order[rank]!]!;
    // Per component root: total comments and the representative (most copies, then lowest rank).
    const total = new Float64Array(n);
    const representative = new Uint32Array(n);
    const root = new Uint32Array(n);
    for (let r = 0; r < n; r++) {
      const top = components.find(r);
      root[r] = top;
      if (total[top] === 0 || mult(r) > mult(representative[top]!)) representative[top] = r;
      total[top]! += mult(r);
    }
    const clusterOf = new Int32Array(n).fill(-1);
    const roots: number[] = [];
    for (let r = 0; r < n; r++) {
      if (root[r] === r && total[r]! >= 2) {
        clusterOf[r] = roots.length;
        roots.push(r);
      }
    }
    const k = roots.length;
    const minSim = new Float64Array(k).fill(1);
    const weightedSum = new Float64Array(k);
    const weight = new Float64Array(k);
    for (let r = 0; r < n; r++) {
      const m = mult(r);
      if (m < 2) continue;
      const c = clusterOf[root[r]!]!;
      const pairs = (m * (m - 1)) / 2;
      weightedSum[c]! += pairs;
      weight[c]! += pairs;
    }
    const links: Array<Array<[number, number, number]>> = Array.from({ length: this.options.links ? k : 0 }, () => []);
    for (let e = 0; e < edgeSim.length; e++) {
      const a = edgeA.data[e]!;
      const b = edgeB.data[e]!;
      const c = clusterOf[root[a]!]!;
      const w = mult(a) * mult(b);
      const s = edgeSim.data[e]!;
      weightedSum[c]! += w * s;
      weight[c]! += w;
      if (s < minSim[c]!) minSim[c] = s;
      if (this.options.links) links[c]!.push([a, b, s]);
    }

    // Members of all clusters, sorted once by (threadId, commentId); handing them out in that order
    // leaves every cluster's list sorted and its threads in order.
    const rankOf = new Uint32Array(n);
    for (let r = 0; r < n; r++) rankOf[order[r]!] = r;
    const clustered: Array<{ threadId: string; commentId: string; rank: number; cluster: number }> = [];
    for (let i = 0; i < this.commentUnique.length; i++) {
      const u = this.commentUnique.data[i]!;
      if (u === NONE) continue;
      const cluster = clusterOf[root[rankOf[u]!]!]!;
      if (cluster < 0) continue;
      clustered.push({ threadId: this.threadNames[this.commentThread.data[i]!]!, commentId: this.strings.get(this.commentId.data[i]!), rank: rankOf[u]!, cluster });
    }
    clustered.sort((a, b) => compareKeys(a.threadId, a.commentId, b.threadId, b.commentId));
    const members: Array<Array<{ threadId: string; commentId: string }>> = Array.from({ length: k }, () => []);
    const threads: string[][] = Array.from({ length: k }, () => []);
    // Index in `members` of each unique text's first member, for links.
    const firstMember = new Map<number, number>();
    for (const m of clustered) {
      const list = members[m.cluster]!;
      if (this.options.links && !firstMember.has(m.rank)) firstMember.set(m.rank, list.length);
      list.push({ threadId: m.threadId, commentId: m.commentId });
      const t = threads[m.cluster]!;
      if (t[t.length - 1] !== m.threadId) t.push(m.threadId);
    }

    const clusters = roots.map((top, c): CorpusCluster => {
      const rep = order[representative[top]!]!;
      const cluster: CorpusCluster = {
        id: hex64(this.textHi.data[rep]!, this.textLo.data[rep]!),
        size: members[c]!.length,
        threads: threads[c]!,
        members: members[c]!,
        representative: this.strings.get(this.excerptHandle.data[rep]!),
        similarity: { min: minSim[c]!, mean: weightedSum[c]! / weight[c]! },
        crossThread: threads[c]!.length >= 2,
      };
      if (this.options.links) {
        cluster.links = links[c]!
          .map(([a, b, s]): [number, number, number] => {
            const i = firstMember.get(a)!;
            const j = firstMember.get(b)!;
            return i < j ? [i, j, s] : [j, i, s];
          })
          .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      }
      return cluster;
    });
    return clusters.sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/**
 * Exact all-pairs reference: every pair of `texts` with Jaccard ≥ threshold over the same shingles
 * (as strings, not hashes) and the same `minShingles` rule as CorpusIndex, as [i, j, similarity] with
 * i < j, sorted. Words are numbered, not hashed, so no collision can blur it. Every pair is considered
 * (only bounds that are exact prune the merge): O(n²), for tests and benchmarks.
 */
export function jaccardBruteForce(texts: string[], threshold: number, options: Pick<CorpusOptions, 'shingleSize' | 'minShingles'> = {}): Array<[number, number, number]> {
  const shingleSize = options.shingleSize ?? DEFAULTS.shingleSize;
  const minShingles = options.minShingles ?? DEFAULTS.minShingles;
  const ids = new Map<string, number>();
  const sets = texts.map((t) => {
    const s = [...shingleStrings(t, shingleSize)].map((w) => {
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      return id;
    });
    return Uint32Array.from(s).sort();
  });
  const byLength = texts.map((_, i) => i).filter((i) => sets[i]!.length >= minShingles);
  byLength.sort((a, b) => sets[a]!.length - sets[b]!.length || a - b);
  const out: Array<[number, number, number]> = [];
  for (let p = 0; p < byLength.length; p++) {
    const i = byLength[p]!;
    const a = sets[i]!;
    for (let q = p + 1; q < byLength.length; q++) {
      const j = byLength[q]!;
      const b = sets[j]!;
      if (a.length < threshold * b.length) break;
      const shared = intersectIfPossible(a, 0, a.length, b, 0, b.length, threshold);
      if (shared < 0) continue;
      const sim = shared / (a.length + b.length - shared);
      if (sim >= threshold) out.push(i < j ? [i, j, sim] : [j, i, sim]);
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

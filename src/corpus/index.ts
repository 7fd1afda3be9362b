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
 *    `choose` in options.ts; bench/corpus/run.mjs measures it).
 * 6. Union-find over verified links and exact-duplicate groups gives the clusters (clusters.ts).
 * There is no separate exact all-pairs path for small inputs: LSH is fast there too, and a single path
 * keeps the result the same at every size.
 *
 * Determinism: signatures are pure functions of the text and the options, the candidate loop runs in
 * the canonical order, and every tie is broken by text hash or by (threadId, commentId). The same set of
 * comments gives the same result whatever the order of `add` calls, and with any number of `workers`
 * (which only move step 1–3's per-text work to other threads; see pool.ts).
 *
 * Hash width: shingles are 32-bit hashes, so two different words collide with probability 2^-32 per pair
 * of words; the verified Jaccard is that of the hashed sets, which equals the Jaccard of the word sets
 * unless such a collision falls inside the two texts compared. Texts are identified by 64 bits.
 */
import { buildClusters, compareKeys, NONE, type CorpusCluster } from './clusters.js';
import { link } from './link.js';
import { choose, resolveOptions, type CorpusOptions } from './options.js';
import { WorkerPool } from './pool.js';
import { excerpt, Sketcher, type SketchBatch, type SketchParams } from './sketch.js';
import { GrowableF64, GrowableU32, StringPool, U32RunPool } from './store.js';

export type { CorpusCluster } from './clusters.js';
export { BUCKET_WINDOW } from './link.js';
export { BAND_WEIGHTS, choose, DEFAULTS, type CorpusOptions } from './options.js';
export { excerpt } from './sketch.js';

/** One comment's sketch, as integrate() records it. */
interface CommentSketch {
  /** Distinct shingles; 0: too few, the comment is ignored. */
  n: number;
  /** The 64-bit hash of its words, as two halves. */
  hi: number;
  lo: number;
  /** Its shingle hashes: shingles[shinglesAt, shinglesAt + n). */
  shingles: Uint32Array;
  shinglesAt: number;
  /** Its band keys at keysAt; null: computed from the sketcher's current text, and only if the text is new. */
  keys: Uint32Array | null;
  keysAt: number;
  /** The excerpt ready-made, or null: cut from `text` only when needed. */
  excerpt: string | null;
  text: string | null;
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
    this.options = resolveOptions(options);
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
    this.integrate(comment, { n, hi: sh.textHi, lo: sh.textLo, shingles: sh.shingles, shinglesAt: 0, keys: null, keysAt: 0, excerpt: null, text });
  }

  private integrateBatch(batch: SketchBatch, firstComment: number): void {
    let at = 0;
    for (let i = 0; i < batch.excerpts.length; i++) {
      const n = batch.meta[i * 3]!;
      const hi = batch.meta[i * 3 + 1]!;
      const lo = batch.meta[i * 3 + 2]!;
      this.integrate(firstComment + i, { n, hi, lo, shingles: batch.shingles, shinglesAt: at, keys: batch.keys, keysAt: i * this.bands, excerpt: batch.excerpts[i]!, text: null });
      at += n;
    }
  }

  /** Record comment `comment` from its sketch. */
  private integrate(comment: number, { n, hi, lo, shingles, shinglesAt, keys, keysAt, excerpt: excerptText, text }: CommentSketch): void {
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
      clusters: buildClusters(linked, {
        multiplicity: this.multiplicity.data,
        textHi: this.textHi.data,
        textLo: this.textLo.data,
        excerptHandle: this.excerptHandle.data,
        comments: this.commentUnique.length,
        commentUnique: this.commentUnique.data,
        commentThread: this.commentThread.data,
        commentId: this.commentId.data,
        threadNames: this.threadNames,
        strings: this.strings,
        links: this.options.links,
      }),
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
}

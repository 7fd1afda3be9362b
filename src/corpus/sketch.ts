/**
 * Everything CorpusIndex computes from a comment's text, as a pure function of the text and the
 * options — which is what lets worker threads do it and still give byte-identical results.
 */
import { bandKeys, OnePermutationHasher } from './minhash.js';
import { isInvisible, isSpace } from '../text/normalize.js';
import { Shingler } from './shingles.js';

/** The options that decide a text's sketch. */
export interface SketchParams {
  shingleSize: number;
  numPerm: number;
  seed: number;
  bands: number;
  rows: number;
  minShingles: number;
}

/** Sketches of a batch of texts, flat, so a worker can transfer the buffers instead of copying them. */
export interface SketchBatch {
  /** Per text: [unique shingle count (0 = below minShingles), text hash hi, text hash lo]. */
  meta: Uint32Array<ArrayBuffer>;
  /** Each kept text's sorted shingle hashes, concatenated in order. */
  shingles: Uint32Array<ArrayBuffer>;
  /** `bands` keys per text (zeros for ignored texts). */
  keys: Uint32Array<ArrayBuffer>;
  excerpts: string[];
}

const EXCERPT_CHARS = 120;

// One excerpt is built at a time; reusing the buffer keeps a million excerpts from making garbage.
const excerptChars = new Uint16Array(EXCERPT_CHARS + 1);

/** A display excerpt: invisible characters gone, whitespace collapsed, cut to 120 characters with "…". */
export function excerpt(text: string): string {
  // One pass over the head of the text: comments can be long and only 120 characters are wanted.
  let n = 0;
  let space = false;
  // Whether the excerpt so far is the text itself (no character dropped or changed): then a slice does.
  let verbatim = true;
  for (let i = 0; i < text.length && n <= EXCERPT_CHARS; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c !== 32 || space || n === 0) verbatim = false;
      space = n > 0;
    } else if (isInvisible(c)) verbatim = false;
    else {
      if (space && n <= EXCERPT_CHARS) excerptChars[n++] = 32;
      space = false;
      if (n <= EXCERPT_CHARS) excerptChars[n++] = c;
    }
  }
  const cutAt = (end: number) => (verbatim ? text.slice(0, end) : charsToString(end));
  if (n <= EXCERPT_CHARS) return cutAt(n);
  let cut = EXCERPT_CHARS - 1;
  const last = excerptChars[cut - 1]!;
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${cutAt(cut).trimEnd()}…`;
}

function charsToString(n: number): string {
  // apply() takes the typed array as it is; spreading it would go through the iterator protocol.
  return String.fromCharCode.apply(null, excerptChars.subarray(0, n) as unknown as number[]);
}

/** Shingles, text hash and band keys of one text at a time (scratch buffers reused). */
export class Sketcher {
  readonly shingler: Shingler;
  private readonly hasher: OnePermutationHasher;
  private readonly signature: Uint32Array;

  constructor(readonly params: SketchParams) {
    this.shingler = new Shingler(params.shingleSize);
    this.hasher = new OnePermutationHasher(params.numPerm, params.seed);
    this.signature = new Uint32Array(params.numPerm);
  }

  /** Shingle `text`; returns its unique shingle count, or 0 when that is below minShingles. */
  shingle(text: string): number {
    const n = this.shingler.run(text);
    return n < this.params.minShingles ? 0 : n;
  }

  /** Band keys of the text last passed to `shingle` into `out[at .. at + bands)`. */
  keys(out: Uint32Array, at: number): void {
    const { bands, rows } = this.params;
    this.hasher.sign(this.shingler.shingles, this.shingler.count, this.signature, 0);
    bandKeys(this.signature, 0, bands, rows, out, at);
  }

  /** Sketch a batch (what a worker does; the main thread too when the workers are busy). */
  batch(texts: readonly string[]): SketchBatch {
    const bands = this.params.bands;
    const meta = new Uint32Array(texts.length * 3);
    const keys = new Uint32Array(texts.length * bands);
    const runs: Uint32Array[] = [];
    const excerpts: string[] = [];
    let total = 0;
    texts.forEach((text, i) => {
      const n = this.shingle(text);
      meta[i * 3] = n;
      meta[i * 3 + 1] = this.shingler.textHi;
      meta[i * 3 + 2] = this.shingler.textLo;
      excerpts.push(n === 0 ? '' : excerpt(text));
      if (n === 0) return;
      runs.push(this.shingler.shingles.slice(0, n));
      total += n;
      this.keys(keys, i * bands);
    });
    const shingles = new Uint32Array(total);
    let at = 0;
    for (const run of runs) {
      shingles.set(run, at);
      at += run.length;
    }
    return { meta, shingles, keys, excerpts };
  }
}

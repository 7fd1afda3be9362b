/**
 * Matching a thread against the index: the corpus engine's (src/corpus) word shingles, MinHash signature and
 * LSH bands, so a comment's band keys find every stored comment it shares a band with; each such candidate
 * is then verified by the Jaccard similarity of the two fingerprint sets (words.ts). Matching only reads
 * what earlier runs stored (comment ids up to `before`): this run's comments could not be sightings anyway,
 * and so a report does not depend on how far the run has got with storing.
 */
import type { Sketcher } from '../corpus/sketch.js';
import { sketcher, type SketchSettings } from '../corpus/sketch-settings.js';
import type { SeenBefore, Thread } from '../types.js';
import type { IndexStore, SightingRow, SketchedRow } from './store.js';
import { decodeWords, fingerprints, jaccard } from './words.js';

/** Comments whose band keys go to the index in one query. */
const PROBE_BATCH = 256;
/**
 * Candidates verified per comment, those sharing the most bands first: a text posted as ten thousand
 * variants shares bands with all of them, and its earliest sightings are among any few hundred. Past it
 * the counts reported are lower bounds (SeenBefore.capped; the seen-before signal's meaning names 512).
 */
const MAX_CANDIDATES = 512;

/** What matching computed for a thread's comments, kept until the thread is stored. */
export interface ThreadSketch {
  /** Per comment: its text hash, 53 bits of the engine's 64 (an exact integer in JavaScript and in SQLite). */
  hash: number[];
  /** `bands` keys per comment (zeros for comments too short to compare). */
  keys: Int32Array;
  /** Per comment: fingerprints of its words, or null when it is too short to compare. */
  words: Array<Uint16Array | null>;
  /** Per comment: the stored first comment of the same text, when matching found one. */
  copyOf: Array<number | null>;
}

/** 53 of the 64 bits of a text hash, as an exact integer. */
const textKey = (hi: number, lo: number) => (hi >>> 0) * 2 ** 21 + (lo >>> 11);

/** The export's date of a comment in ms, or null when it has none that parses. */
export function postedAt(createdAt: string | undefined): number | null {
  if (!createdAt) return null;
  const ms = Date.parse(createdAt);
  return Number.isFinite(ms) ? ms : null;
}

/** When a stored comment was first seen: its own date, else its run's. */
const seenAt = (row: SightingRow) => row.posted ?? row.started;


/** The matching half of a run's session with the index (session.ts stores what it matched). */
export class IndexMatcher {
  private readonly sketcher: Sketcher;
  private readonly scratch: Uint32Array;

  constructor(
    private readonly store: IndexStore,
    private readonly settings: SketchSettings,
    /** This run: its own comments are not sightings. */
    private readonly run: number,
    /** The highest comment id stored before this run: higher ones are this run's. */
    private readonly before: number,
  ) {
    this.sketcher = sketcher(settings);
    this.scratch = new Uint32Array(settings.bands);
  }

  /** A thread's comments sketched: text hashes, band keys and word fingerprints. */
  sketch(thread: Thread): ThreadSketch {
    const { bands } = this.settings;
    const n = thread.comments.length;
    const sketch: ThreadSketch = { hash: [], keys: new Int32Array(n * bands), words: [], copyOf: [] };
    const shingler = this.sketcher.shingler;
    thread.comments.forEach((c, i) => {
      const count = this.sketcher.shingle(c.text);
      sketch.hash.push(textKey(shingler.textHi, shingler.textLo));
      sketch.copyOf.push(null);
      if (count === 0) {
        sketch.words.push(null);
        return;
      }
      sketch.words.push(fingerprints(shingler.shingles, count));
      this.sketcher.keys(this.scratch, 0);
      for (let b = 0; b < bands; b++) sketch.keys[i * bands + b] = this.scratch[b]! | 0;
    });
    return sketch;
  }

  /**
   * Where the thread's comments were seen before, by comment id (only those seen). `threadRow` is the
   * thread's own row when it was stored before (-1 if not): comments stored under this very thread (a
   * thread scanned again) are not sightings elsewhere. `posted`: each comment's own date, or null.
   */
  find(thread: Thread, sketch: ThreadSketch, threadRow: number, page: string | undefined, posted: ReadonlyArray<number | null>): Map<string, SeenBefore> {
    const found = new Map<string, SeenBefore>();
    const { bands } = this.settings;
    for (let start = 0; start < thread.comments.length; start += PROBE_BATCH) {
      const end = Math.min(thread.comments.length, start + PROBE_BATCH);
      const owners = new Map<number, number[]>();
      for (let i = start; i < end; i++) {
        if (!sketch.words[i]) continue;
        for (let b = 0; b < bands; b++) {
          const key = sketch.keys[i * bands + b]!;
          const list = owners.get(key);
          if (list) list.push(i);
          else owners.set(key, [i]);
        }
      }
      if (owners.size === 0) continue;
      // Per comment of the batch: each stored candidate and the number of bands they share.
      const shared = new Map<number, Map<number, number>>();
      for (const [key, stored] of this.store.probe([...owners.keys()])) {
        if (stored > this.before) continue;
        for (const i of owners.get(key)!) {
          let candidates = shared.get(i);
          if (!candidates) shared.set(i, (candidates = new Map()));
          candidates.set(stored, (candidates.get(stored) ?? 0) + 1);
        }
      }
      // Those sharing the most bands first; then the sketches of every candidate of the batch, in one query.
      const ordered = new Map<number, number[]>();
      const capped = new Set<number>();
      const ids = new Set<number>();
      for (const [i, candidates] of shared) {
        const top = [...candidates].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_CANDIDATES).map(([id]) => id);
        ordered.set(i, top);
        if (candidates.size > MAX_CANDIDATES) capped.add(i);
        for (const id of top) ids.add(id);
      }
      const rows = this.store.sketched([...ids]);
      // A candidate's fingerprints, decoded once however many comments of the batch it is a candidate for.
      const decoded = new Map<number, Uint16Array>();
      const wordsOf = (row: SketchedRow) => decoded.get(row.id) ?? decoded.set(row.id, decodeWords(row.words)).get(row.id)!;
      for (const [i, candidates] of ordered) {
        const seen = this.verify(i, candidates, rows, wordsOf, sketch, threadRow, page, posted[i] ?? null);
        if (seen) found.set(thread.comments[i]!.id, capped.has(i) ? { ...seen, capped: true } : seen);
      }
    }
    return found;
  }

  /**
   * The earliest verified sighting of comment `i` among its candidates, with how widely it was seen. A
   * comment with a date of its own was only seen before by what was first seen before that date: the
   * original of a text is not a re-post of the copies that an earlier run happened to store.
   */
  private verify(
    i: number,
    candidates: number[],
    rows: Map<number, SketchedRow>,
    wordsOf: (row: SketchedRow) => Uint16Array,
    sketch: ThreadSketch,
    threadRow: number,
    page: string | undefined,
    posted: number | null,
  ): SeenBefore | undefined {
    let first: { row: SightingRow; similarity: number } | undefined;
    // Copies per page, then per stored thread of it: the exports of one page count once, as the one
    // holding most (see corpusPass for the same rule across a run's inputs).
    const perPage = new Map<string, Map<number, number>>();
    for (const id of candidates) {
      const row = rows.get(id);
      if (!row) continue;
      const same = row.hash === sketch.hash[i];
      const similarity = same ? 1 : jaccard(sketch.words[i]!, wordsOf(row));
      if (similarity < this.settings.threshold) continue;
      if (same && (sketch.copyOf[i] === null || id < sketch.copyOf[i]!)) sketch.copyOf[i] = id;
      for (const s of this.store.sightings(id, this.run, threadRow, page)) {
        if (posted !== null && seenAt(s) >= posted) continue;
        const pageKey = s.page ?? `thread ${s.thread}`;
        const byThread = perPage.get(pageKey) ?? perPage.set(pageKey, new Map()).get(pageKey)!;
        byThread.set(s.thread, (byThread.get(s.thread) ?? 0) + 1);
        if (!first || seenAt(s) < seenAt(first.row) || (seenAt(s) === seenAt(first.row) && s.id < first.row.id)) first = { row: s, similarity };
      }
    }
    if (!first) return undefined;
    const { row, similarity } = first;
    let copies = 0;
    for (const byThread of perPage.values()) copies += Math.max(...byThread.values());
    return {
      source: row.source,
      threadId: row.threadId,
      threadTitle: row.title,
      commentId: row.comment,
      date: new Date(seenAt(row)).toISOString(),
      dateKind: row.posted === null ? 'indexed' : 'posted',
      similarity,
      copies,
      threads: perPage.size,
      flagged: row.flagged === 1,
    };
  }
}

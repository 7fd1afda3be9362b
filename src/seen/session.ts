/**
 * One scan's use of the index: before a thread is analysed, its comments are matched against what earlier
 * runs stored (`match`, giving the seen-before signal its evidence); once analysed, they are stored with
 * their verdicts (`record`, called once per `match`, in the same order). Each input file is one
 * transaction: a run that is killed or fails leaves every file before it stored and nothing of the file it
 * was in. The write lock is taken when the session opens and kept until it closes, so a second run on the
 * same file waits (or gives up) before it analyses anything.
 *
 * A scan analysing threads in worker threads matches several threads before it records the first of
 * them. So that the report and the file do not depend on that, matching reads only what earlier runs
 * stored (this run's comments could not be sightings anyway), and a comment repeating a text stored
 * earlier in this run is found as its copy when it is recorded, not when it is matched.
 *
 * Matching is the corpus engine's (src/corpus): the same word shingles, MinHash signature and LSH bands,
 * so a comment's band keys find every stored comment it shares a band with; each such candidate is then
 * verified by the Jaccard similarity of the two fingerprint sets (words.ts). Exact copies of a stored
 * text keep no sketch of their own: they point at the first comment of their text.
 */
import { resolve } from 'node:path';
import type { Sketcher } from '../corpus/sketch.js';
import type { CorpusSettings, SeenBefore, Thread } from '../types.js';
import { sketcher, sketchSettings, type SketchSettings } from '../corpus/sketch-settings.js';
import { IndexStore, type SightingRow, type SketchedRow } from './store.js';
import { decodeWords, encodeWords, fingerprints, jaccard } from './words.js';

/** Comments whose band keys go to the index in one query. */
const PROBE_BATCH = 256;
/**
 * Candidates verified per comment, those sharing the most bands first: a text posted as ten thousand
 * variants shares bands with all of them, and its earliest sightings are among any few hundred.
 */
const MAX_CANDIDATES = 512;

export interface SessionOptions {
  /** Store the comments' texts too (--index-texts). */
  texts: boolean;
  /** Seconds to wait for another run's write lock. */
  wait: number;
  /** Where relative input paths are resolved: a thread is known by its file's full path and its id. */
  cwd: string;
  /** The tool and version that stores the comments. */
  tool: string;
  /** When the run started (ms since 1970): the date of comments whose export gives none. */
  started: number;
}

/** What matching computed for a thread's comments, kept until the thread is stored. */
interface ThreadSketch {
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
function postedAt(createdAt: string | undefined): number | null {
  if (!createdAt) return null;
  const ms = Date.parse(createdAt);
  return Number.isFinite(ms) ? ms : null;
}

/** When a stored comment was first seen: its own date, else its run's. */
const seenAt = (row: SightingRow) => row.posted ?? row.started;

/** A comment's verdict in this run, as the index stores it. */
export interface Verdict {
  flagged: boolean;
  /** 0..1 */
  score: number;
}

/** A matched thread waiting to be recorded: what storing it needs (the texts only with --index-texts). */
interface PendingThread {
  source: string;
  id: string;
  title: string;
  url: string | undefined;
  comments: Array<{ id: string; posted: number | null; text?: string }>;
  sketch: ThreadSketch;
}

export class IndexSession {
  private readonly sketcher: Sketcher;
  private readonly scratch: Uint32Array;
  /** Threads matched and not yet recorded, in the order they were matched. */
  private readonly pending: PendingThread[] = [];
  /** Per text hash, the comment of this run that keeps the text's sketch: later copies point at it. */
  private readonly runTexts = new Map<number, number>();
  private file: string | undefined;
  private bandsAdded = 0;
  private stored = 0;

  private constructor(
    private readonly store: IndexStore,
    private readonly settings: SketchSettings,
    private readonly run: number,
    /** The highest comment id stored before this run: higher ones are this run's. */
    private readonly before: number,
    private readonly options: SessionOptions,
  ) {
    this.sketcher = sketcher(settings);
    this.scratch = new Uint32Array(settings.bands);
  }

  /** Open (or create) the index `file` for a run matching with `corpus`'s settings; takes the write lock. */
  static open(file: string, corpus: CorpusSettings, options: SessionOptions): IndexSession {
    const settings = sketchSettings(corpus);
    const store = IndexStore.write(file, options.wait);
    try {
      store.begin();
      const [run, before] = store.guard(() => {
        store.ensure(settings);
        return [store.addRun(options.started, options.tool), store.lastCommentId()];
      });
      return new IndexSession(store, settings, run, before, options);
    } catch (err) {
      store.close();
      throw err;
    }
  }

  /** Where this thread's comments were seen before, by comment id (only those seen). */
  match(thread: Thread): ReadonlyMap<string, SeenBefore> {
    const sketch = this.sketch(thread);
    const { source, id, title, url } = thread;
    const comments = thread.comments.map((c) => ({ id: c.id, posted: postedAt(c.createdAt), ...(this.options.texts ? { text: c.text } : {}) }));
    this.pending.push({ source, id, title, url, comments, sketch });
    return this.store.guard(() => this.find(thread, sketch));
  }

  /**
   * Store the comments of the earliest matched thread not yet recorded, with their verdicts by comment id;
   * `undefined` when the thread could not be analysed (nothing of it is stored).
   */
  record(verdicts: ReadonlyMap<string, Verdict> | undefined): void {
    const thread = this.pending.shift();
    if (!thread) throw new Error('IndexSession.record without a thread matched before it');
    if (verdicts) this.store.guard(() => this.save(thread, verdicts));
  }

  /** Commit the last file and close the index. A run that stored nothing (all seen before) leaves no trace. */
  close(): void {
    try {
      this.store.guard(() => {
        if (this.stored === 0) this.store.removeRun(this.run);
        this.endFile();
      });
    } finally {
      this.store.close();
    }
  }

  /** Close without committing the file in progress (a run that failed). */
  abandon(): void {
    this.store.close();
  }

  /**
   * Where a thread was read, which with its id names it in the index: a thread scanned again from the same
   * file is the same thread. Piped input has no name to recognise it by, so standard input is a place of
   * its own in each run: two different pipes' threads "stdin" (or "1") are never taken for one.
   */
  private place(source: string): string {
    return source === '-' ? `-#${this.run}` : resolve(this.options.cwd, source);
  }

  private sketch(thread: Thread): ThreadSketch {
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

  private find(thread: Thread, sketch: ThreadSketch): Map<string, SeenBefore> {
    const found = new Map<string, SeenBefore>();
    // Comments stored under this very thread (a thread scanned again) are not sightings elsewhere.
    const threadRow = this.store.findThread(this.place(thread.source), thread.id) ?? -1;
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
      const ids = new Set<number>();
      for (const [i, candidates] of shared) {
        const top = [...candidates].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_CANDIDATES).map(([id]) => id);
        ordered.set(i, top);
        for (const id of top) ids.add(id);
      }
      const rows = this.store.sketched([...ids]);
      for (const [i, candidates] of ordered) {
        const seen = this.verify(i, candidates, rows, sketch, threadRow, postedAt(thread.comments[i]!.createdAt));
        if (seen) found.set(thread.comments[i]!.id, seen);
      }
    }
    return found;
  }

  /**
   * The earliest verified sighting of comment `i` among its candidates, with how widely it was seen. A
   * comment with a date of its own was only seen before by what was first seen before that date: the
   * original of a text is not a re-post of the copies that an earlier run happened to store.
   */
  private verify(i: number, candidates: number[], rows: Map<number, SketchedRow>, sketch: ThreadSketch, threadRow: number, posted: number | null): SeenBefore | undefined {
    let first: { row: SightingRow; similarity: number } | undefined;
    let copies = 0;
    const threads = new Set<number>();
    for (const id of candidates) {
      const row = rows.get(id);
      if (!row) continue;
      const same = row.hash === sketch.hash[i];
      const similarity = same ? 1 : jaccard(sketch.words[i]!, decodeWords(row.words));
      if (similarity < this.settings.threshold) continue;
      if (same && (sketch.copyOf[i] === null || id < sketch.copyOf[i]!)) sketch.copyOf[i] = id;
      for (const s of this.store.sightings(id, this.run, threadRow)) {
        if (posted !== null && seenAt(s) >= posted) continue;
        copies++;
        threads.add(s.thread);
        if (!first || seenAt(s) < seenAt(first.row) || (seenAt(s) === seenAt(first.row) && s.id < first.row.id)) first = { row: s, similarity };
      }
    }
    if (!first) return undefined;
    const { row, similarity } = first;
    return {
      source: row.source,
      threadId: row.threadId,
      threadTitle: row.title,
      commentId: row.comment,
      date: new Date(seenAt(row)).toISOString(),
      dateKind: row.posted === null ? 'indexed' : 'posted',
      similarity,
      copies,
      threads: threads.size,
      flagged: row.flagged === 1,
    };
  }

  /** The transaction of the file `source` (files are read one after another). */
  private enterFile(source: string): void {
    if (this.file === undefined) this.file = source;
    if (this.file === source) return;
    this.endFile();
    this.store.begin();
    this.file = source;
  }

  private endFile(): void {
    this.store.countBands(this.bandsAdded);
    this.bandsAdded = 0;
    this.store.commit();
  }

  private save(thread: PendingThread, verdicts: ReadonlyMap<string, Verdict>): void {
    this.enterFile(thread.source);
    const place = this.place(thread.source);
    const threadRow = this.store.findThread(place, thread.id) ?? this.store.addThread(place, thread.source, thread.id, thread.title, thread.url);
    const { sketch } = thread;
    const { bands } = this.settings;
    const bandKeys: Array<[number, number]> = [];
    thread.comments.forEach((c, i) => {
      if (this.store.hasComment(threadRow, c.id)) return;
      const words = sketch.words[i] ?? null;
      const hash = sketch.hash[i]!;
      // A copy of an earlier run's text (found by matching), else of a text this run stored before.
      const copyOf = sketch.copyOf[i] ?? (words ? this.runTexts.get(hash) : undefined) ?? null;
      const sketched = words !== null && copyOf === null;
      const verdict = verdicts.get(c.id);
      const id = this.store.addComment(this.run, {
        thread: threadRow,
        comment: c.id,
        posted: c.posted,
        hash,
        copyOf,
        words: sketched ? encodeWords(words) : null,
        flagged: verdict?.flagged ?? false,
        score: verdict?.score ?? 0,
        text: c.text ?? null,
      });
      this.stored++;
      if (!sketched) return;
      for (let b = 0; b < bands; b++) bandKeys.push([sketch.keys[i * bands + b]!, id]);
      this.runTexts.set(hash, id);
    });
    if (bandKeys.length === 0) return;
    this.store.addBands(bandKeys);
    this.bandsAdded += bandKeys.length;
  }
}

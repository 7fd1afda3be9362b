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
 * Matching is match.ts's (the corpus engine's sketches, verified by word fingerprints); storing is here.
 * Exact copies of a stored text keep no sketch of their own: they point at the first comment of their text.
 */
import { resolve } from 'node:path';
import type { CorpusSettings, SeenBefore, Thread } from '../types.js';
import { sketchSettings, type SketchSettings } from '../corpus/sketch-settings.js';
import { pageAddress, samePage } from '../util/page.js';
import { IndexMatcher, postedAt, type ThreadSketch } from './match.js';
import { IndexStore } from './store.js';
import { encodeWords } from './words.js';

export interface SessionOptions {
  /** Store the comments' texts too (--index-texts). */
  texts: boolean;
  /** Seconds to wait for another run's write lock. */
  wait: number;
  /** Where relative input paths are resolved: a thread without an address is known by its file's full path and its id. */
  cwd: string;
  /** The tool and version that stores the comments. */
  tool: string;
  /** When the run started (ms since 1970): the date of comments whose export gives none. */
  started: number;
}

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
  /** The page address that names the thread in the index, when it has one (pageAddress). */
  page: string | undefined;
  /** The page it was read from, whatever its ids (samePage): its copies there are no sightings. */
  samePage: string | undefined;
  comments: Array<{ id: string; posted: number | null; text?: string }>;
  sketch: ThreadSketch;
}

export class IndexSession {
  private readonly matcher: IndexMatcher;
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
    this.matcher = new IndexMatcher(store, settings, run, before);
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
    const sketch = this.matcher.sketch(thread);
    const { source, id, title, url } = thread;
    const page = pageAddress(thread);
    const same = samePage(thread);
    const comments = thread.comments.map((c) => ({ id: c.id, posted: postedAt(c.createdAt), ...(this.options.texts ? { text: c.text } : {}) }));
    this.pending.push({ source, id, title, url, page, samePage: same, comments, sketch });
    return this.store.guard(() => {
      const threadRow = this.storedThread(source, id, page) ?? -1;
      return this.matcher.find(thread, sketch, threadRow, same, comments.map((c) => c.posted));
    });
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
   * Where a thread is, which with its id names it in the index. A thread whose export gives its page's
   * address (with real comment ids: pageAddress) is known by that address: the same page in today's
   * export and yesterday's (another file, or piped in) is one thread, so its comments are neither stored
   * twice nor sightings of themselves. Otherwise by where it was read: a thread scanned again from the
   * same file is the same thread. Piped input has no name to recognise it by, so standard input is a place
   * of its own in each run: two different pipes' threads "stdin" (or "1") are never taken for one.
   */
  private place(source: string, page: string | undefined): string {
    if (page) return `url ${page}`;
    return this.readFrom(source);
  }

  private readFrom(source: string): string {
    return source === '-' ? `-#${this.run}` : resolve(this.options.cwd, source);
  }

  /**
   * The stored row of a thread, if any. Indexes written before threads were known by their address hold
   * every thread under the file it was read from: such a row still counts.
   */
  private storedThread(source: string, id: string, page: string | undefined): number | undefined {
    return this.store.findThread(this.place(source, page), id) ?? (page ? this.store.findThread(this.readFrom(source), id) : undefined);
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
    const threadRow =
      this.storedThread(thread.source, thread.id, thread.page) ?? this.store.addThread(this.place(thread.source, thread.page), thread.source, thread.id, thread.title, thread.url);
    if (thread.samePage) this.store.addPage(threadRow, thread.samePage);
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

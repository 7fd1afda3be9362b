/**
 * The index file's tables and the statements on them. One row per comment seen (its thread, id, date,
 * verdict and 64-bit text hash; the text only with --index-texts); the first comment of each distinct text
 * also keeps its sketch: 16-bit fingerprints of its words for verification, and its LSH band keys.
 *
 * Band keys live in two tables, an LSM tree of two levels: new keys go to the small `recent_bands`, whose
 * B-tree stays in cache, and are merged into `bands` in key order once they are an eighth of it. Inserted
 * straight into the large table, every new key would dirty a page of its own, so a run of 10,000 comments
 * would rewrite most of a million-comment index.
 */
import type { Statement } from 'better-sqlite3';
import { ConfigError, InputError } from '../errors.js';
import type { SketchSettings } from '../corpus/sketch-settings.js';
import { indexError, openDatabase, type Database } from './sqlite.js';

/** Layout of the file; another layout is refused with a hint instead of being misread. */
export const SCHEMA_VERSION = 1;
const FORMAT = 'threadsift-index';


const TABLES = `
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE runs(id INTEGER PRIMARY KEY, started INTEGER NOT NULL, tool TEXT NOT NULL);
CREATE TABLE threads(id INTEGER PRIMARY KEY, place TEXT NOT NULL, source TEXT NOT NULL, thread TEXT NOT NULL, title TEXT NOT NULL, url TEXT, UNIQUE(place, thread));
CREATE TABLE comments(
  id INTEGER PRIMARY KEY,
  thread INTEGER NOT NULL,
  comment TEXT NOT NULL,
  run INTEGER NOT NULL,
  posted INTEGER,
  hash INTEGER NOT NULL,
  copy_of INTEGER,
  words BLOB,
  flagged INTEGER NOT NULL,
  score INTEGER NOT NULL,
  text TEXT,
  UNIQUE(thread, comment)
);
CREATE INDEX copies ON comments(copy_of) WHERE copy_of IS NOT NULL;
CREATE TABLE bands(key INTEGER NOT NULL, comment INTEGER NOT NULL, PRIMARY KEY(key, comment)) WITHOUT ROWID;
CREATE TABLE recent_bands(key INTEGER NOT NULL, comment INTEGER NOT NULL, PRIMARY KEY(key, comment)) WITHOUT ROWID;
`;

/**
 * The page each thread was read from (samePage: its address, or its title and article text), which its
 * place does not always say: exports whose comment ids are positions are stored under their files. A
 * comment is no sighting of a copy stored under another export of its own page. Added to an index of this
 * layout made before it on the first run that writes (earlier versions ignore it; their threads have no
 * page and count as pages of their own).
 */
const PAGES = `
CREATE TABLE IF NOT EXISTS thread_pages(thread INTEGER PRIMARY KEY, page TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS thread_pages_page ON thread_pages(page);
`;

/** Recent band keys are merged into the main table once they number at least this, and an eighth of it. */
const MERGE_MIN_ENTRIES = 500_000;
const MERGE_RATIO = 8;

/** A stored comment that has a sketch: the first of its text. */
export interface SketchedRow {
  id: number;
  hash: number;
  words: Buffer;
}

/** A stored comment as a sighting: where and when, and its verdict. */
export interface SightingRow {
  id: number;
  thread: number;
  comment: string;
  /** The export's date of the comment (ms), or null. */
  posted: number | null;
  /** When the run that stored it started (ms). */
  started: number;
  flagged: number;
  source: string;
  threadId: string;
  title: string;
  /** The page of the stored thread (samePage), or null when it was stored without one. */
  page: string | null;
}

/** A comment to store. */
export interface NewComment {
  thread: number;
  comment: string;
  posted: number | null;
  hash: number;
  copyOf: number | null;
  words: Buffer | null;
  flagged: boolean;
  /** 0..1 */
  score: number;
  text: string | null;
}

/** The statements a run uses, prepared once. */
interface Statements {
  probe: Statement;
  sketched: Statement;
  sightings: Statement;
  findThread: Statement;
  addThread: Statement;
  hasComment: Statement;
  addComment: Statement;
  addBand: Statement;
  addPage: Statement;
}

/** An open index file. Every SQLite failure comes out as a known error naming the file. */
export class IndexStore {
  private statements: Statements | undefined;

  private constructor(
    readonly db: Database,
    readonly file: string,
    readonly wait: number,
  ) {}

  /**
   * Open an index that must exist and be one (`threadsift index`), for reading or (`prune`) for writing.
   */
  static existing(file: string, wait: number, readonly: boolean): IndexStore {
    const store = new IndexStore(openDatabase(file, { create: false, readonly, wait }), file, wait);
    try {
      store.guard(() => store.checkFormat(false));
    } catch (err) {
      store.close();
      throw err;
    }
    return store;
  }

  /** Open (or make) an index for a scan; `ensure` then checks or makes its tables. */
  static write(file: string, wait: number): IndexStore {
    return new IndexStore(openDatabase(file, { create: true, wait }), file, wait);
  }

  /** Run `f`, turning SQLite's failures into known errors naming the file. */
  guard<T>(f: () => T): T {
    try {
      return f();
    } catch (err) {
      throw indexError(this.file, err, this.wait);
    }
  }

  /** Whether the file holds an index yet (a new file holds no table at all). */
  private checkFormat(mayBeEmpty: boolean): boolean {
    const hasMeta = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").pluck().get() !== undefined;
    if (!hasMeta) {
      const empty = this.db.prepare('SELECT COUNT(*) FROM sqlite_master').pluck().get() === 0;
      if (mayBeEmpty && empty) return false;
      throw new InputError(this.file, 'is a SQLite file but not a threadsift index', undefined, 'give a new file name to start an index');
    }
    const format = this.meta('format');
    if (format !== FORMAT) throw new InputError(this.file, 'is a SQLite file but not a threadsift index', undefined, 'give a new file name to start an index');
    const schema = Number(this.meta('schema'));
    if (schema !== SCHEMA_VERSION) {
      throw new InputError(this.file, `is an index of layout ${schema}, which this version of threadsift (layout ${SCHEMA_VERSION}) cannot read`, undefined, 'use the threadsift version that made it, or start a new index');
    }
    return true;
  }

  meta(key: string): string | undefined {
    return this.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
  }

  private setMeta(key: string, value: string | number): void {
    this.db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, String(value));
  }

  /** The settings the index was made with. */
  settings(): SketchSettings {
    return JSON.parse(this.meta('settings')!) as SketchSettings;
  }

  /**
   * Within a write transaction: make the tables when the file is new, else check that it is an index made
   * with `wanted`'s settings (another threshold would mean other band keys: nothing would match).
   */
  ensure(wanted: SketchSettings): void {
    if (!this.checkFormat(true)) {
      this.db.exec(TABLES + PAGES);
      this.setMeta('format', FORMAT);
      this.setMeta('schema', SCHEMA_VERSION);
      this.setMeta('settings', JSON.stringify(wanted));
      this.setMeta('mainEntries', 0);
      this.setMeta('recentEntries', 0);
      return;
    }
    this.db.exec(PAGES);
    const have = this.settings();
    const differs = (Object.keys(wanted) as Array<keyof SketchSettings>).filter((k) => have[k] !== wanted[k]);
    if (differs.length) {
      throw new ConfigError(
        `index ${this.file} was made with similarity ${have.threshold} and minWords ${have.minWords}; this run compares with similarity ${wanted.threshold} and minWords ${wanted.minWords}`,
        'set the seen-before signal\'s options to the index\'s, or start a new index',
      );
    }
  }

  /** Start a write transaction, waiting for another run's to end. */
  begin(): void {
    this.guard(() => this.db.exec('BEGIN IMMEDIATE'));
  }

  commit(): void {
    this.guard(() => this.db.exec('COMMIT'));
  }

  /** Undo the open transaction, if any (a failed run leaves the index as it was before the file). */
  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  close(): void {
    this.rollback();
    this.db.close();
  }

  /** Record a run (in the open transaction); returns its id. */
  addRun(started: number, tool: string): number {
    return Number(this.db.prepare('INSERT INTO runs(started, tool) VALUES (?, ?)').run(started, tool).lastInsertRowid);
  }

  /** The highest comment id stored (0 in an empty index): comments stored later have higher ones. */
  lastCommentId(): number {
    return this.db.prepare('SELECT COALESCE(MAX(id), 0) FROM comments').pluck().get() as number;
  }

  /** Remove a run that stored no comment. */
  removeRun(id: number): void {
    this.db.prepare('DELETE FROM runs WHERE id = ?').run(id);
  }

  private get sql(): Statements {
    if (this.statements) return this.statements;
    const db = this.db;
    this.statements = {
      // Both band tables at once; json_each takes a whole thread's keys in one call.
      probe: db
        .prepare(
          'SELECT j.value, b.comment FROM json_each(@keys) j JOIN bands b ON b.key = j.value UNION ALL SELECT j.value, r.comment FROM json_each(@keys) j JOIN recent_bands r ON r.key = j.value',
        )
        .raw(),
      sketched: db.prepare('SELECT c.id, c.hash, c.words FROM json_each(@ids) j JOIN comments c ON c.id = j.value WHERE c.words IS NOT NULL').raw(),
      // Not under this thread, nor under another export of its page (@page null: the thread names none).
      sightings: db.prepare(
        `SELECT c.id, c.thread, c.comment, c.posted, r.started, c.flagged, t.source, t.thread AS threadId, t.title, p.page
         FROM comments c JOIN runs r ON r.id = c.run JOIN threads t ON t.id = c.thread LEFT JOIN thread_pages p ON p.thread = c.thread
         WHERE c.id = @id AND c.run <> @run AND c.thread <> @thread AND (@page IS NULL OR p.page IS NOT @page)
         UNION ALL
         SELECT c.id, c.thread, c.comment, c.posted, r.started, c.flagged, t.source, t.thread AS threadId, t.title, p.page
         FROM comments c JOIN runs r ON r.id = c.run JOIN threads t ON t.id = c.thread LEFT JOIN thread_pages p ON p.thread = c.thread
         WHERE c.copy_of = @id AND c.run <> @run AND c.thread <> @thread AND (@page IS NULL OR p.page IS NOT @page)`,
      ),
      addPage: db.prepare('INSERT OR IGNORE INTO thread_pages(thread, page) VALUES (?, ?)'),
      findThread: db.prepare('SELECT id FROM threads WHERE place = ? AND thread = ?').pluck(),
      addThread: db.prepare('INSERT INTO threads(place, source, thread, title, url) VALUES (?, ?, ?, ?, ?)'),
      hasComment: db.prepare('SELECT 1 FROM comments WHERE thread = ? AND comment = ?').pluck(),
      addComment: db.prepare('INSERT INTO comments(thread, comment, run, posted, hash, copy_of, words, flagged, score, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      addBand: db.prepare('INSERT OR IGNORE INTO recent_bands(key, comment) VALUES (?, ?)'),
    };
    return this.statements;
  }

  /** Stored comments sharing a band key with `keys`, as [key, comment id] pairs. */
  probe(keys: number[]): Array<[number, number]> {
    // In key order, successive searches share the upper pages of the B-tree.
    return this.sql.probe.all({ keys: JSON.stringify(keys.sort((a, b) => a - b)) }) as Array<[number, number]>;
  }

  /** The stored comments among `ids` that have a sketch, by id. */
  sketched(ids: number[]): Map<number, SketchedRow> {
    const rows = this.sql.sketched.all({ ids: JSON.stringify(ids.sort((a, b) => a - b)) }) as Array<[number, number, Buffer]>;
    return new Map(rows.map(([id, hash, words]) => [id, { id, hash, words }]));
  }

  /** The comment `id` and its copies, leaving out those of run `run`, of thread `thread` and of page `page`. */
  sightings(id: number, run: number, thread: number, page: string | undefined): SightingRow[] {
    return this.sql.sightings.all({ id, run, thread, page: page ?? null }) as SightingRow[];
  }

  /** Record the page of thread row `thread` (samePage), unless it has one. */
  addPage(thread: number, page: string): void {
    this.sql.addPage.run(thread, page);
  }

  findThread(place: string, threadId: string): number | undefined {
    return this.sql.findThread.get(place, threadId) as number | undefined;
  }

  addThread(place: string, source: string, threadId: string, title: string, url: string | undefined): number {
    return Number(this.sql.addThread.run(place, source, threadId, title, url ?? null).lastInsertRowid);
  }

  hasComment(thread: number, comment: string): boolean {
    return this.sql.hasComment.get(thread, comment) !== undefined;
  }

  addComment(run: number, c: NewComment): number {
    const score = Math.round(c.score * 1000);
    return Number(this.sql.addComment.run(c.thread, c.comment, run, c.posted, c.hash, c.copyOf, c.words, c.flagged ? 1 : 0, score, c.text).lastInsertRowid);
  }

  /** Band keys as [key, comment id] pairs; counted with `countBands` before the transaction commits. */
  addBands(pairs: Array<[number, number]>): void {
    // A statement a row: extracting the pairs from JSON in SQL costs more than the calls it saves.
    for (const [key, comment] of pairs) this.sql.addBand.run(key, comment);
  }

  /**
   * Count `added` new recent band keys, and merge the recent table into the main one when it has grown to
   * an eighth of it. Runs inside the open transaction, so a merge is as atomic as the file it ends.
   */
  countBands(added: number): void {
    const recent = Number(this.meta('recentEntries') ?? 0) + added;
    const main = Number(this.meta('mainEntries') ?? 0);
    if (recent >= Math.max(MERGE_MIN_ENTRIES, main / MERGE_RATIO)) {
      this.db.exec('INSERT OR IGNORE INTO bands(key, comment) SELECT key, comment FROM recent_bands ORDER BY key, comment; DELETE FROM recent_bands;');
      this.setMeta('mainEntries', main + recent);
      this.setMeta('recentEntries', 0);
    } else this.setMeta('recentEntries', recent);
  }
}

/**
 * `threadsift index stats|prune|export`: what an index holds, forgetting what was first seen before a
 * date, and every stored comment as JSON lines.
 */
import { statSync } from 'node:fs';
import type { SketchSettings } from '../corpus/sketch-settings.js';
import type { Database } from './sqlite.js';
import type { IndexStore } from './store.js';

/** The rows of one of the index's own tables (a name from this file, never user input). */
function rowCount(db: Database, table: string): number {
  return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
}

/** What `index stats` reports. */
export interface IndexStats {
  file: string;
  /** Bytes on disk: the database file and its write-ahead log. */
  bytes: number;
  settings: SketchSettings;
  runs: number;
  threads: number;
  comments: number;
  /** Comments that keep a sketch: the first of each distinct text long enough to compare. */
  sketched: number;
  /** Comments whose words a stored comment already had: they point at it and keep no sketch. */
  copies: number;
  /** Comments too short to compare (fewer than minWords distinct words). */
  short: number;
  flagged: number;
  /** Comments stored with their text (--index-texts). */
  withText: number;
  /** Earliest and latest first-seen dates (ISO 8601), null for an empty index. */
  firstSeen: string | null;
  lastSeen: string | null;
  /** LSH band keys, in the main table and not yet merged into it. */
  bandKeys: { main: number; recent: number };
}

const fileSize = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

const iso = (ms: unknown) => (typeof ms === 'number' ? new Date(ms).toISOString() : null);

export function indexStats(store: IndexStore): IndexStats {
  return store.guard(() => {
    const db = store.db;
    const c = db
      .prepare(
        `SELECT COUNT(*) AS comments, COUNT(c.words) AS sketched, COUNT(c.copy_of) AS copies, COALESCE(SUM(c.flagged), 0) AS flagged,
                COUNT(c.text) AS withText, MIN(COALESCE(c.posted, r.started)) AS firstSeen, MAX(COALESCE(c.posted, r.started)) AS lastSeen
         FROM comments c JOIN runs r ON r.id = c.run`,
      )
      .get() as { comments: number; sketched: number; copies: number; flagged: number; withText: number; firstSeen: number | null; lastSeen: number | null };
    const count = (table: string) => rowCount(db, table);
    return {
      file: store.file,
      bytes: fileSize(store.file) + fileSize(`${store.file}-wal`),
      settings: store.settings(),
      runs: count('runs'),
      threads: count('threads'),
      comments: c.comments,
      sketched: c.sketched,
      copies: c.copies,
      short: c.comments - c.sketched - c.copies,
      flagged: c.flagged,
      withText: c.withText,
      firstSeen: iso(c.firstSeen),
      lastSeen: iso(c.lastSeen),
      bandKeys: { main: Number(store.meta('mainEntries') ?? 0), recent: Number(store.meta('recentEntries') ?? 0) },
    };
  });
}

/** What a prune removed. */
export interface Pruned {
  comments: number;
  threads: number;
  runs: number;
}

/**
 * Forget every comment first seen before `before` (ms): by its own date, else its run's. A first comment
 * of a text that goes while copies of it stay hands its sketch and band keys to the earliest copy left.
 * One transaction; the file is compacted afterwards (VACUUM), outside it.
 */
export function pruneIndex(store: IndexStore, before: number): Pruned {
  const db = store.db;
  store.begin();
  const pruned = store.guard(() => {
    db.exec('CREATE TEMP TABLE gone(id INTEGER PRIMARY KEY); CREATE TEMP TABLE heir(old INTEGER PRIMARY KEY, new INTEGER);');
    db.prepare('INSERT INTO gone SELECT c.id FROM comments c JOIN runs r ON r.id = c.run WHERE COALESCE(c.posted, r.started) < ?').run(before);
    db.exec(`
      INSERT INTO heir SELECT g.id, (SELECT c.id FROM comments c WHERE c.copy_of = g.id AND c.id NOT IN (SELECT id FROM gone) ORDER BY c.id LIMIT 1)
        FROM gone g JOIN comments k ON k.id = g.id WHERE k.words IS NOT NULL;
      UPDATE comments SET words = (SELECT k.words FROM heir h JOIN comments k ON k.id = h.old WHERE h.new = comments.id), copy_of = NULL
        WHERE id IN (SELECT new FROM heir WHERE new IS NOT NULL);
      UPDATE comments SET copy_of = (SELECT h.new FROM heir h WHERE h.old = comments.copy_of) WHERE copy_of IN (SELECT old FROM heir);
    `);
    // CROSS JOIN keeps the band table outside: one pass over it, each key's comment looked up in heir.
    for (const table of ['bands', 'recent_bands']) {
      db.exec(`
        INSERT OR IGNORE INTO ${table}(key, comment) SELECT b.key, h.new FROM ${table} b CROSS JOIN heir h ON h.old = b.comment WHERE h.new IS NOT NULL;
        DELETE FROM ${table} WHERE comment IN (SELECT id FROM gone);
      `);
    }
    const comments = db.prepare('DELETE FROM comments WHERE id IN (SELECT id FROM gone)').run().changes;
    const threads = db.prepare('DELETE FROM threads WHERE id NOT IN (SELECT thread FROM comments)').run().changes;
    // An index written before threads' pages were recorded has no such table.
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'thread_pages'").get()) {
      db.exec('DELETE FROM thread_pages WHERE thread NOT IN (SELECT id FROM threads)');
    }
    const runs = db.prepare('DELETE FROM runs WHERE id NOT IN (SELECT DISTINCT run FROM comments)').run().changes;
    const count = (table: string) => rowCount(db, table);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'mainEntries'").run(String(count('bands')));
    db.prepare("UPDATE meta SET value = ? WHERE key = 'recentEntries'").run(String(count('recent_bands')));
    db.exec('DROP TABLE temp.gone; DROP TABLE temp.heir;');
    return { comments, threads, runs };
  });
  store.commit();
  if (pruned.comments > 0) store.guard(() => db.exec('VACUUM'));
  return pruned;
}

/** One stored comment as `index export` writes it. */
export interface ExportedComment {
  /** The comment's number in the index (what `copyOf` refers to). */
  id: number;
  source: string;
  thread: string;
  title: string;
  url?: string;
  comment: string;
  /** The export's date of the comment, when it had one (ISO 8601). */
  posted?: string;
  /** When the run that stored it started. */
  indexed: string;
  flagged: boolean;
  score: number;
  /** The first stored comment with the same words, for a copy. */
  copyOf?: number;
  /** With --index-texts. */
  text?: string;
}

/** Every stored comment, in the order stored. */
export function* exportRows(store: IndexStore): Generator<ExportedComment> {
  const rows = store.db
    .prepare(
      `SELECT c.id, t.source, t.thread, t.title, t.url, c.comment, c.posted, r.started, c.flagged, c.score, c.copy_of AS copyOf, c.text
       FROM comments c JOIN threads t ON t.id = c.thread JOIN runs r ON r.id = c.run ORDER BY c.id`,
    )
    .iterate() as IterableIterator<{
    id: number;
    source: string;
    thread: string;
    title: string;
    url: string | null;
    comment: string;
    posted: number | null;
    started: number;
    flagged: number;
    score: number;
    copyOf: number | null;
    text: string | null;
  }>;
  for (const r of rows) {
    const out: ExportedComment = {
      id: r.id,
      source: r.source,
      thread: r.thread,
      title: r.title,
      ...(r.url !== null ? { url: r.url } : {}),
      comment: r.comment,
      ...(r.posted !== null ? { posted: new Date(r.posted).toISOString() } : {}),
      indexed: new Date(r.started).toISOString(),
      flagged: r.flagged === 1,
      score: r.score / 1000,
      ...(r.copyOf !== null ? { copyOf: r.copyOf } : {}),
      ...(r.text !== null ? { text: r.text } : {}),
    };
    yield out;
  }
}

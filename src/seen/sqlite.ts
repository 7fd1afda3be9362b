/**
 * The SQLite file behind `--index` and `threadsift index`, through better-sqlite3: an optional package
 * (a native module compiled at install), loaded only by runs that use an index. Every failure of the
 * file is one line naming it: busy (another run is writing), not an index, cannot be opened or written.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { InputError, OutputError, UsageError } from '../errors.js';

export type Database = BetterSqlite3.Database;

/** How long a run waits for another run's write to finish before giving up (THREADSIFT_INDEX_WAIT overrides it). */
const DEFAULT_WAIT_SECONDS = 30;

/** Seconds to wait for the write lock: THREADSIFT_INDEX_WAIT when it is a number ≥ 0, else the default. */
export function waitSeconds(env: Record<string, string | undefined>): number {
  const given = Number(env.THREADSIFT_INDEX_WAIT);
  return env.THREADSIFT_INDEX_WAIT !== undefined && env.THREADSIFT_INDEX_WAIT.trim() !== '' && Number.isFinite(given) && given >= 0 ? given : DEFAULT_WAIT_SECONDS;
}

let loaded: typeof BetterSqlite3 | undefined;

/** better-sqlite3's constructor; a one-line usage error when the package is not installed. */
function sqlite(): typeof BetterSqlite3 {
  if (loaded) return loaded;
  try {
    loaded = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    return loaded;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((err as Error).message).includes('better-sqlite3')) {
      throw new UsageError('an index needs the optional package better-sqlite3, which is not installed', 'npm install better-sqlite3@12 beside threadsift');
    }
    throw err;
  }
}

/** A SQLite error's code ("SQLITE_BUSY"), or undefined for any other error. */
const sqliteCode = (err: unknown): string | undefined => {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
};

/**
 * The known error a failure of the index file stands for, or the error itself when it is a bug. `wait`
 * is what a busy file was waited for.
 */
export function indexError(file: string, err: unknown, wait: number): unknown {
  const code = sqliteCode(err);
  if (!code) {
    // better-sqlite3 checks the folder itself, before SQLite could say SQLITE_CANTOPEN.
    if (/directory does not exist/i.test(String((err as Error)?.message))) return new OutputError(`cannot open index ${file}`, 'check that its folder exists and can be written');
    // The native module is there but was built for another Node version.
    if (/bindings file|NODE_MODULE_VERSION|invalid ELF/i.test(String((err as Error)?.message))) {
      return new UsageError(`better-sqlite3 is installed but its native module cannot be loaded (${(err as Error).message.split('\n')[0]})`, 'reinstall it: npm rebuild better-sqlite3');
    }
    return err;
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new OutputError(
      `index ${file} is busy: another threadsift run is writing to it (waited ${wait} s)`,
      'run again when it has finished, or wait longer with THREADSIFT_INDEX_WAIT=<seconds>',
    );
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return new InputError(file, 'is not a threadsift index, or it is damaged', undefined, 'give a new file name to start an index');
  if (code.startsWith('SQLITE_CANTOPEN')) return new OutputError(`cannot open index ${file}`, 'check that its folder exists and can be written');
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) return new OutputError(`cannot write index ${file} (${code})`);
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) return new OutputError(`cannot write index ${file} (${code}: ${(err as Error).message})`);
  return err;
}

/**
 * Open (`create`: or create) the index file. WAL lets readers go on while one run writes; a second writer
 * waits up to `wait` seconds for the lock. NORMAL synchronisation keeps the file intact when a run is
 * killed (a committed transaction survives a crash of the process; only a power cut may lose the last one).
 */
export function openDatabase(file: string, options: { create: boolean; readonly?: boolean; wait: number }): Database {
  const Sqlite = sqlite();
  try {
    const db = new Sqlite(file, { fileMustExist: !options.create, readonly: Boolean(options.readonly), timeout: Math.round(options.wait * 1000) });
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Enough page cache to keep the band tables' upper levels and a run's new pages in memory.
    db.pragma('cache_size = -65536');
    // Reads through a memory map (up to 1 GB of the file): a probe of the band keys lands on a random page
    // of a large B-tree, and a mapped page is read without a system call or a copy into the cache. Mapped
    // pages count in the process's resident size, but they are the OS's file cache, not the heap's.
    db.pragma('mmap_size = 1073741824');
    return db;
  } catch (err) {
    if (!options.create && (sqliteCode(err) === 'SQLITE_CANTOPEN' || (err as Error).message?.includes('does not exist'))) {
      throw new InputError(file, 'is not there: no index has been made at this path', undefined, 'scan with --index FILE to make one');
    }
    throw indexError(file, err, options.wait);
  }
}

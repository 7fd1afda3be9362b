/**
 * `threadsift sketch`: every comment's sketch as a row of Parquet, for clustering in a SQL engine (sql.ts)
 * instead of in this process. A row holds the comment key (thread key and comment id) with the thread's
 * source and id, its page (samePage: its address, or its title and article text; null when neither), the
 * 64-bit text hash, the LSH band keys as a list of (band number, key), the word-hash set
 * and a display excerpt. Comments under minWords keep their key and hash, with no bands or hashes.
 *
 * Rows are staged as JSON lines in a temporary folder while the inputs are read (reading is synchronous),
 * then DuckDB turns each part of up to PART_COMMENTS rows into one Parquet file. The sketch settings go
 * into each file's key-value metadata, so `clusters --sketches` uses the settings the bands were made with.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { excerpt } from '../corpus/index.js';
import type { Sketcher } from '../corpus/sketch.js';
import { OutputError } from '../errors.js';
import { sketcher, type SketchSettings } from '../corpus/sketch-settings.js';
import type { Thread } from '../types.js';
import { samePage } from '../util/page.js';
import { connect, literal } from './duckdb.js';

/** Comments per Parquet file: a unit of work for a cluster's tasks (~200 MB of Parquet). */
const PART_COMMENTS = 1_000_000;
/** Staged text is written in pieces of about this many characters. */
const WRITE_CHARS = 1 << 20;

/** What a sketch run wrote. */
export interface Sketched {
  files: string[];
  comments: number;
  threads: number;
}

/** The metadata key under which a sketch file's settings are kept. */
export const METADATA_KEY = 'threadsift';

/** A sketch file's settings, with the number of threads whose comments start in it. */
export interface SketchMetadata extends SketchSettings {
  threads: number;
}

export class SketchWriter {
  private readonly sketcher: Sketcher;
  private readonly keys: Uint32Array;
  private readonly staging: string;
  private readonly parts: Array<{ path: string; comments: number; threads: number }> = [];
  private fd = -1;
  private pending: string[] = [];
  private pendingChars = 0;
  private comments = 0;
  private threads = 0;

  /** `name`: what the files are called (sketch-<name>-00000.parquet ...). */
  constructor(
    private readonly dir: string,
    private readonly name: string,
    private readonly settings: SketchSettings,
  ) {
    this.sketcher = sketcher(settings);
    this.keys = new Uint32Array(settings.bands);
    // The folder is made before any input is read: a folder that cannot be made fails the run at once.
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch (err) {
      throw new OutputError(`cannot make the folder ${this.dir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    this.staging = mkdtempSync(join(tmpdir(), 'threadsift-sketch-'));
  }

  /** The file of part `i` of this run's name. */
  private fileOf(i: number): string {
    return join(this.dir, `sketch-${this.name}-${String(i).padStart(5, '0')}.parquet`);
  }

  /** Threads sketched so far. */
  get threadsRead(): number {
    return this.threads;
  }

  /** A name for the files of a run over `inputs`: the same inputs write (and replace) the same files. */
  static nameFor(inputs: readonly string[], cwd: string): string {
    return createHash('sha256')
      .update(inputs.map((i) => (i === '-' ? i : resolve(cwd, i))).join('\0'))
      .digest('hex')
      .slice(0, 8);
  }

  /** Sketch a thread's comments; `key` is its run-wide thread key. */
  add(key: string, thread: Thread): void {
    this.threads++;
    this.part().threads++;
    const shingler = this.sketcher.shingler;
    const page = samePage(thread) ?? null;
    for (const c of thread.comments) {
      if (this.part().comments >= PART_COMMENTS) this.nextPart();
      const n = this.sketcher.shingle(c.text);
      let bands: number[] | null = null;
      let hashes: number[] | null = null;
      if (n > 0) {
        this.sketcher.keys(this.keys, 0);
        bands = Array.from(this.keys, (k) => k | 0);
        hashes = Array.from(shingler.shingles.subarray(0, n), (h) => h | 0);
      }
      // The hash's high half with its top bit flipped, as a signed number: signed order is then unsigned order.
      const row = {
        thread: key,
        source: thread.source,
        thread_id: thread.id,
        page,
        comment: c.id,
        hi: (shingler.textHi ^ 0x80000000) | 0,
        lo: shingler.textLo >>> 0,
        bands,
        hashes,
        excerpt: n > 0 ? excerpt(c.text) : null,
      };
      this.write(`${JSON.stringify(row)}\n`);
      this.part().comments++;
      this.comments++;
    }
  }

  private part(): { path: string; comments: number; threads: number } {
    if (this.parts.length === 0) this.nextPart();
    return this.parts[this.parts.length - 1]!;
  }

  private nextPart(): void {
    this.flush();
    if (this.fd >= 0) closeSync(this.fd);
    const path = join(this.staging, `part-${this.parts.length}.jsonl`);
    this.fd = openSync(path, 'w');
    this.parts.push({ path, comments: 0, threads: 0 });
  }

  private write(line: string): void {
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= WRITE_CHARS) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }

  /**
   * Turn the staged parts into Parquet files in the output folder; the staging folder is removed. Each
   * part is written under a temporary name and the run's files replace the previous run's only once all
   * are written; parts of an earlier, larger run of the same name are removed, so a glob over the folder
   * never reads a comment twice.
   */
  async finish(): Promise<Sketched> {
    const temporary = (file: string) => join(this.dir, `.${basename(file)}.${process.pid}.tmp`);
    const files: string[] = [];
    try {
      this.part();
      this.flush();
      closeSync(this.fd);
      const db = await connect('threadsift sketch');
      try {
        for (const [i, part] of this.parts.entries()) {
          const file = this.fileOf(i);
          files.push(file);
          await db.connection.run(copyStatement(part.path, temporary(file), { ...this.settings, threads: part.threads }));
        }
      } catch (err) {
        throw new OutputError(`cannot write the sketches to ${this.dir} (${String((err as Error).message).split('\n')[0]})`);
      } finally {
        db.close();
      }
      for (const file of files) renameSync(temporary(file), file);
      const mine = new RegExp(`^sketch-${this.name}-(\\d{5})\\.parquet$`);
      for (const f of readdirSync(this.dir)) {
        const m = mine.exec(f);
        if (m && Number(m[1]) >= files.length) rmSync(join(this.dir, f), { force: true });
      }
      return { files, comments: this.comments, threads: this.threads };
    } catch (err) {
      for (const file of files) rmSync(temporary(file), { force: true });
      throw err;
    } finally {
      rmSync(this.staging, { recursive: true, force: true });
    }
  }

  /** Remove the staged rows without writing anything (a run that failed). */
  abandon(): void {
    if (this.fd >= 0) closeSync(this.fd);
    rmSync(this.staging, { recursive: true, force: true });
  }

  /** Bytes of the files written. */
  static bytes(files: readonly string[]): number {
    return files.reduce((n, f) => n + statSync(f).size, 0);
  }
}

/** DuckDB's COPY of one staged part into a Parquet file, with the settings as key-value metadata. */
function copyStatement(staged: string, file: string, metadata: SketchMetadata): string {
  const columns = "{thread: 'VARCHAR', source: 'VARCHAR', thread_id: 'VARCHAR', page: 'VARCHAR', comment: 'VARCHAR', hi: 'INTEGER', lo: 'BIGINT', bands: 'INTEGER[]', hashes: 'INTEGER[]', excerpt: 'VARCHAR'}";
  return `COPY (
  SELECT thread, source, thread_id, page, comment,
         CAST(hi AS BIGINT) * 4294967296 + lo AS text_hash,
         list_transform(bands, lambda k, i: {'band': CAST(i - 1 AS INTEGER), 'key': k}) AS bands,
         hashes, excerpt
  FROM read_json(${literal(staged)}, format = 'newline_delimited', columns = ${columns})
) TO ${literal(file)} (FORMAT parquet, KV_METADATA {${METADATA_KEY}: ${literal(JSON.stringify(metadata))}})`;
}

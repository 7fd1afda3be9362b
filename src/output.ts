/**
 * Writing a report: to stdout, or to a file given with -o ("-" is stdout). Every failure to write is one
 * line and exit 2 (an OutputError); a reader that goes away (`threadsift … | head`) ends the writing
 * quietly. A file is written to a temporary file beside it and renamed into place once complete, so an
 * interrupted or failed run leaves the previous report as it was, never a truncated one.
 */
import { closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OutputError } from './errors.js';
import { writeAll } from './output-fd.js';
import { stripControls } from './text/sanitize.js';

/** Where a report goes and how: the parts of CliIO that output needs. */
export interface OutputIO {
  stdout: (text: string) => void;
  /** Bytes to stdout, when the output can take them (large reports are encoded in batches). */
  stdoutBytes?: (bytes: Uint8Array) => void;
  /**
   * The real stdout's descriptor, -1 when stdout was closed. Written with writeSync, so a failed write is
   * known at once (a full disk, a closed descriptor) instead of surfacing later as an uncaught stream error.
   */
  stdoutFd?: number;
}

/** Bytes encoded per write when a report comes in parts. */
const BATCH_BYTES = 1 << 20;

/** True when `output` names stdout: no -o, or "-o -". */
export const toStdout = (output: string | undefined): boolean => output === undefined || output === '' || output === '-';

/** The code of a failed system call, or its message. */
const reason = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/** The reader of stdout went away; what remains of the report is dropped quietly. */
class ReaderGone extends Error {}

/**
 * Encodes a report's parts as UTF-8 in batches and hands each full batch to `sink`. One large string
 * would have to be encoded whole, and slowly once it holds a single character beyond Latin-1. Parts are
 * whole JSON texts or ASCII punctuation, so no part ends inside a surrogate pair: the bytes are those of
 * the parts joined. `fresh` asks for a new buffer after each batch (a sink that queues what it is given).
 */
class BatchEncoder {
  private batch: Buffer;
  private used = 0;

  constructor(
    private readonly sink: (bytes: Uint8Array, length: number) => void,
    batchBytes: number,
    private readonly fresh: boolean,
  ) {
    this.batch = Buffer.allocUnsafe(batchBytes);
  }

  push(part: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit; a part larger than a batch is written on its own.
    if (this.used + 3 * part.length > this.batch.length) this.flush();
    if (3 * part.length > this.batch.length) {
      const bytes = Buffer.from(part);
      this.sink(bytes, bytes.length);
    } else this.used += this.batch.write(part, this.used);
  }

  flush(): void {
    if (this.used === 0) return;
    this.sink(this.batch, this.used);
    if (this.fresh) this.batch = Buffer.allocUnsafe(this.batch.length);
    this.used = 0;
  }
}

let temporaries = 0;

/** A temporary name beside `target`, hidden, unique to this process (opened with "wx": never an existing file). */
function temporaryBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${Date.now().toString(36)}-${temporaries++}.tmp`);
}

/** An error from a system call (it has an errno code), as opposed to a bug in making the report. */
const isSystemError = (err: unknown) => typeof (err as NodeJS.ErrnoException)?.code === 'string' && typeof (err as NodeJS.ErrnoException).syscall === 'string';

/**
 * A report written part by part, as its parts are made: a streamed report is never whole in memory.
 * Nothing is opened before the first part (or the commit), so a run that fails first reports that.
 */
export interface ReportWriter {
  /** Write the next part; false once stdout's reader has gone away (the part is dropped, as are the rest). */
  write(part: string): boolean;
  /** Finish: a file is flushed to disk and renamed over its target. False when stdout's reader went away. */
  commit(): boolean;
  /** Give up: a file's target is left as it was and the temporary file removed. Never throws. */
  abort(): void;
}

/**
 * Writes to a file atomically: into a temporary file in the same folder (so the rename cannot cross file
 * systems), flushed to disk, then renamed over the target, keeping the target's permissions. A target
 * that exists and is not a regular file (/dev/null, a FIFO, a terminal) is written directly: renaming
 * over it would replace the device or pipe itself.
 */
class FileWriter implements ReportWriter {
  private fd = -1;
  /** The temporary file, while it exists; none when the target is written directly. */
  private temp: string | undefined;
  private target: string;
  private readonly encoder: BatchEncoder;

  constructor(
    private readonly output: string,
    batchBytes: number,
  ) {
    this.target = output;
    this.encoder = new BatchEncoder((bytes, length) => this.guard(() => writeAll(this.fd, bytes, length)), batchBytes, false);
  }

  write(part: string): boolean {
    if (this.fd < 0) this.open();
    this.encoder.push(part);
    return true;
  }

  commit(): boolean {
    if (this.fd < 0) this.open();
    this.encoder.flush();
    const fd = this.fd;
    this.fd = -1;
    if (this.temp === undefined) {
      this.guard(() => closeSync(fd));
      return true;
    }
    try {
      this.guard(() => fsyncSync(fd));
    } finally {
      closeSync(fd);
    }
    this.guard(() => renameSync(this.temp!, this.target));
    this.temp = undefined;
    return true;
  }

  abort(): void {
    if (this.fd >= 0) {
      try {
        closeSync(this.fd);
      } catch {
        // Closing a descriptor whose writes failed may fail again: the file is being given up anyway.
      }
      this.fd = -1;
    }
    if (this.temp === undefined) return;
    try {
      unlinkSync(this.temp);
    } catch {
      // Already gone: nothing was left behind.
    }
    this.temp = undefined;
  }

  /** Runs a system call on the report's file; its failure is one line naming the file. */
  private guard<T>(call: () => T): T {
    try {
      return call();
    } catch (err) {
      throw isSystemError(err) ? new OutputError(`cannot write ${this.output} (${reason(err)})`) : err;
    }
  }

  private open(): void {
    let mode: number | undefined;
    let direct = false;
    try {
      const st = statSync(this.output);
      direct = !st.isFile();
      // A link keeps pointing where it did: the file it names is replaced.
      if (!direct) {
        this.target = realpathSync(this.output);
        mode = st.mode & 0o7777;
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new OutputError(`cannot write ${this.output} (${reason(err)})`);
    }
    if (direct) {
      this.fd = this.guard(() => openSync(this.output, 'w'));
      return;
    }
    const temp = temporaryBeside(this.target);
    this.fd = this.guard(() => openSync(temp, 'wx', mode ?? 0o666));
    this.temp = temp;
    if (mode !== undefined) this.guard(() => fchmodSync(this.fd, mode));
  }
}

/** Writes to stdout: the real descriptor when known, else the bytes or strings the output takes. */
class StdoutWriter implements ReportWriter {
  private gone = false;
  private readonly encoder: BatchEncoder | undefined;

  constructor(
    private readonly io: OutputIO,
    batchBytes: number,
  ) {
    const fd = io.stdoutFd;
    const bytes = io.stdoutBytes;
    if (fd !== undefined) {
      this.encoder = new BatchEncoder(
        (chunk, length) => {
          // A negative descriptor stands for a stdout that was closed when the process started.
          if (fd < 0) throw new OutputError('cannot write the report to stdout (EBADF)');
          try {
            writeAll(fd, chunk, length);
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'EPIPE') throw new ReaderGone();
            throw new OutputError(`cannot write the report to stdout (${reason(err)})`);
          }
        },
        batchBytes,
        false,
      );
    }
    // A batch handed to a stream may still be queued when the next is filled: each batch is a new buffer.
    else if (bytes) this.encoder = new BatchEncoder((chunk, length) => bytes(chunk.subarray(0, length)), batchBytes, true);
  }

  write(part: string): boolean {
    if (this.io.stdoutFd !== undefined && this.io.stdoutFd < 0) throw new OutputError('cannot write the report to stdout (EBADF)');
    return this.whileReading(() => (this.encoder ? this.encoder.push(part) : this.io.stdout(part)));
  }

  commit(): boolean {
    if (this.io.stdoutFd !== undefined && this.io.stdoutFd < 0) throw new OutputError('cannot write the report to stdout (EBADF)');
    return this.whileReading(() => this.encoder?.flush());
  }

  abort(): void {}

  private whileReading(write: () => void): boolean {
    if (this.gone) return false;
    try {
      write();
    } catch (err) {
      if (!(err instanceof ReaderGone)) throw err;
      this.gone = true;
    }
    return !this.gone;
  }
}

/** A writer for a report to stdout or to the file `output` (see ReportWriter). */
export function openReport(output: string | undefined, io: OutputIO, batchBytes = BATCH_BYTES): ReportWriter {
  return toStdout(output) ? new StdoutWriter(io, batchBytes) : new FileWriter(output!, batchBytes);
}

/**
 * Write a report (one string, or parts to write one after another) to stdout or to the file `output`.
 * Throws OutputError, one line naming the target and the system's reason, when it cannot be written.
 * Returns false when stdout's reader went away before the end (nothing more can be shown; not an error).
 */
export function writeReport(report: string | Iterable<string>, output: string | undefined, io: OutputIO, batchBytes = BATCH_BYTES): boolean {
  const writer = openReport(output, io, batchBytes);
  try {
    for (const part of typeof report === 'string' ? [report] : report) if (!writer.write(part)) return false;
    return writer.commit();
  } catch (err) {
    writer.abort();
    throw err;
  }
}

/**
 * Whether a run that read nothing leaves the report file `output` as it was (said on stderr): replacing
 * it with a report of errors alone would lose the last good one. A report to stdout is always written.
 */
export function keepPrevious(output: string | undefined, io: { stderr: (text: string) => void }, readSomething: boolean): boolean {
  if (readSomething || toStdout(output)) return false;
  io.stderr(`threadsift: no input could be read; ${stripControls(output!)} was left as it was\n`);
  return true;
}

/** Write a command's report with writeReport, unless the run read nothing and a previous file is kept (keepPrevious). */
export function emitReport(report: string | Iterable<string>, output: string | undefined, io: OutputIO & { stderr: (text: string) => void }, readSomething = true): void {
  if (!keepPrevious(output, io, readSomething)) writeReport(report, output, io);
}

/**
 * Writing a report: to stdout, or to a file given with -o ("-" is stdout). Every failure to write is one
 * line and exit 2 (an OutputError); a reader that goes away (`threadsift … | head`) ends the writing
 * quietly. A file is written to a temporary file beside it and renamed into place once complete, so an
 * interrupted or failed run leaves the previous report as it was, never a truncated one.
 */
import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OutputError } from './errors.js';
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

/** Blocks the thread briefly: stdout may be a non-blocking pipe whose reader is slower than we are. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The reader of stdout went away; what remains of the report is dropped quietly. */
class ReaderGone extends Error {}

/** Write all `length` bytes to `fd` (a write may take fewer), waiting while a non-blocking pipe is full. */
function writeAll(fd: number, bytes: Uint8Array, length: number): void {
  for (let done = 0; done < length; ) {
    try {
      done += writeSync(fd, bytes, done, length - done);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      pause(2);
    }
  }
}

/**
 * Node replaces a closed stdout (`threadsift … >&-`) with /dev/null opened for reading and writing
 * before any JavaScript runs; a shell's `> /dev/null` opens it for writing only. Linux only (/proc).
 */
export function stdoutWasClosed(fd = 1): boolean {
  try {
    const info = readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8');
    const flags = /^flags:\s*([0-7]+)/m.exec(info);
    if (!flags || (parseInt(flags[1]!, 8) & 3) !== 2) return false;
    return statSync('/dev/null').rdev === statSync(`/proc/self/fd/${fd}`).rdev && realpathSync(`/proc/self/fd/${fd}`) === '/dev/null';
  } catch {
    return false;
  }
}

/**
 * Feed the report's parts, encoded as UTF-8 in batches, to `sink`. One large string would have to be
 * encoded whole, and slowly once it holds a single character beyond Latin-1. Parts are whole JSON texts
 * or ASCII punctuation, so no part ends inside a surrogate pair: the bytes are those of the parts joined.
 * `fresh` asks for a new buffer after each batch (a sink that queues what it is given).
 */
function encodeInBatches(parts: Iterable<string>, sink: (bytes: Uint8Array, length: number) => void, batchBytes: number, fresh: boolean): void {
  let batch = Buffer.allocUnsafe(batchBytes);
  let used = 0;
  const flush = () => {
    if (used === 0) return;
    sink(batch, used);
    if (fresh) batch = Buffer.allocUnsafe(batchBytes);
    used = 0;
  };
  for (const part of parts) {
    // UTF-8 takes at most 3 bytes per UTF-16 unit; a part larger than a batch is written on its own.
    if (used + 3 * part.length > batch.length) flush();
    if (3 * part.length > batch.length) {
      const bytes = Buffer.from(part);
      sink(bytes, bytes.length);
    } else used += batch.write(part, used);
  }
  flush();
}

let temporaries = 0;

/** A temporary name beside `target`, hidden, unique to this process (opened with "wx": never an existing file). */
function temporaryBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${Date.now().toString(36)}-${temporaries++}.tmp`);
}

/**
 * Write to a file atomically: into a temporary file in the same folder (so the rename cannot cross file
 * systems), flushed to disk, then renamed over the target, keeping the target's permissions. A target
 * that exists and is not a regular file (/dev/null, a FIFO, a terminal) is written directly: renaming
 * over it would replace the device or pipe itself.
 */
function writeFile(output: string, parts: Iterable<string>, batchBytes: number): void {
  const cannot = (err: unknown) => new OutputError(`cannot write ${output} (${reason(err)})`);
  let target = output;
  let mode: number | undefined;
  try {
    const st = statSync(output);
    if (!st.isFile()) {
      writeDirect(output, parts, batchBytes);
      return;
    }
    // A link keeps pointing where it did: the file it names is replaced.
    target = realpathSync(output);
    mode = st.mode & 0o7777;
  } catch (err) {
    if (err instanceof OutputError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw cannot(err);
  }
  const temp = temporaryBeside(target);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', mode ?? 0o666);
  } catch (err) {
    throw cannot(err);
  }
  let renamed = false;
  try {
    try {
      if (mode !== undefined) fchmodSync(fd, mode);
      encodeInBatches(parts, (bytes, length) => writeAll(fd, bytes, length), batchBytes, false);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    renamed = true;
  } catch (err) {
    throw err instanceof OutputError ? err : isSystemError(err) ? cannot(err) : err;
  } finally {
    if (!renamed) {
      try {
        unlinkSync(temp);
      } catch {
        // Already gone: nothing was left behind.
      }
    }
  }
}

/** An error from a system call (it has an errno code), as opposed to a bug in making the report. */
const isSystemError = (err: unknown) => typeof (err as NodeJS.ErrnoException)?.code === 'string' && typeof (err as NodeJS.ErrnoException).syscall === 'string';

function writeDirect(output: string, parts: Iterable<string>, batchBytes: number): void {
  const cannot = (err: unknown) => new OutputError(`cannot write ${output} (${reason(err)})`);
  let fd: number;
  try {
    fd = openSync(output, 'w');
  } catch (err) {
    throw cannot(err);
  }
  try {
    encodeInBatches(
      parts,
      (bytes, length) => {
        try {
          writeAll(fd, bytes, length);
        } catch (err) {
          throw cannot(err);
        }
      },
      batchBytes,
      false,
    );
  } finally {
    closeSync(fd);
  }
}

function writeStdout(parts: Iterable<string>, io: OutputIO, batchBytes: number): void {
  const fd = io.stdoutFd;
  // A negative descriptor stands for a stdout that was closed when the process started.
  if (fd !== undefined && fd < 0) throw new OutputError('cannot write the report to stdout (EBADF)');
  if (fd !== undefined) {
    encodeInBatches(
      parts,
      (bytes, length) => {
        try {
          writeAll(fd, bytes, length);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'EPIPE') throw new ReaderGone();
          throw new OutputError(`cannot write the report to stdout (${reason(err)})`);
        }
      },
      batchBytes,
      false,
    );
  } else if (io.stdoutBytes) {
    const sink = io.stdoutBytes;
    // A batch handed to a stream may still be queued when the next is filled: each batch is a new buffer.
    encodeInBatches(parts, (bytes, length) => sink(bytes.subarray(0, length)), batchBytes, true);
  } else for (const part of parts) io.stdout(part);
}

/**
 * Write a report (one string, or parts to write one after another) to stdout or to the file `output`.
 * Throws OutputError, one line naming the target and the system's reason, when it cannot be written.
 * Returns false when stdout's reader went away before the end (nothing more can be shown; not an error).
 */
export function writeReport(report: string | Iterable<string>, output: string | undefined, io: OutputIO, batchBytes = BATCH_BYTES): boolean {
  const parts = typeof report === 'string' ? [report] : report;
  if (!toStdout(output)) {
    writeFile(output!, parts, batchBytes);
    return true;
  }
  try {
    writeStdout(parts, io, batchBytes);
    return true;
  } catch (err) {
    if (err instanceof ReaderGone) return false;
    throw err;
  }
}

/**
 * Write a command's report with writeReport. A run that read nothing leaves a previous report file as it
 * was: replacing it with a report of errors alone would lose the last good one.
 */
export function emitReport(report: string | Iterable<string>, output: string | undefined, io: OutputIO & { stderr: (text: string) => void }, readSomething = true): void {
  if (!readSomething && !toStdout(output)) {
    io.stderr(`threadsift: no input could be read; ${stripControls(output!)} was left as it was\n`);
    return;
  }
  writeReport(report, output, io);
}

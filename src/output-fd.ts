/**
 * Low-level writing to a file descriptor: every byte written, also to a non-blocking pipe whose reader is
 * slower than we are, and whether stdout was closed before the process started.
 */
import { readFileSync, realpathSync, statSync, writeSync } from 'node:fs';

/** Blocks the thread briefly: stdout may be a non-blocking pipe whose reader is slower than we are. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Write all `length` bytes to `fd` (a write may take fewer), waiting while a non-blocking pipe is full. */
export function writeAll(fd: number, bytes: Uint8Array, length: number): void {
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

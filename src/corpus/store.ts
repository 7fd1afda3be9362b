/**
 * Compact append-only storage for a million-comment corpus: typed arrays instead of an object per
 * comment, so the heap holds a few dozen large buffers that the garbage collector never has to trace.
 */

/** A Uint32Array that grows by half again when full (doubling would briefly hold 3× the data). */
export class GrowableU32 {
  data: Uint32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }

  /** Make room for `extra` more values. */
  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.data.length) return;
    const next = new Uint32Array(Math.max(need, Math.ceil(this.data.length * 1.5)));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }
}

/** Float64 counterpart of GrowableU32, for values that may exceed 2^32 (pool positions, sums). */
export class GrowableF64 {
  data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(Math.ceil(this.data.length * 1.5));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Bytes of one chunk of the pools below. 32 MB is glibc's largest mmap threshold on 64-bit: malloc serves
 * a buffer at least that large with its own mapping and unmaps it when the buffer is freed, whereas a
 * smaller one may come from the brk heap, whose freed memory stays resident while anything allocated
 * after it lives. With 4 MB chunks, the main thread of a scan kept its corpus index's few hundred MB
 * resident through the whole analysis after the index was collected (docs/scaling.md, "Figures"). Pages of
 * a chunk that are never written are never resident, so a small corpus does not pay for the size.
 */
const CHUNK_BYTES = 32 * 2 ** 20;
/** Values of a U32RunPool chunk. */
export const U32_CHUNK = CHUNK_BYTES / 4;

/**
 * Variable-length uint32 runs (each comment's sorted shingle set) packed into 32 MB chunks, so growing
 * never copies what is already stored. A run never straddles two chunks.
 */
export class U32RunPool {
  readonly chunks: Uint32Array[] = [];
  /** Where the last `append` put its run. */
  lastChunk = -1;
  lastStart = 0;
  private used = U32_CHUNK;

  /** Copy `src[from .. from + n)` in (a loop: for a few dozen values it beats allocating a subarray). */
  append(src: Uint32Array, from: number, n: number): void {
    if (this.used + n > (this.chunks[this.chunks.length - 1]?.length ?? 0)) {
      this.chunks.push(new Uint32Array(Math.max(U32_CHUNK, n)));
      this.used = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    for (let i = 0; i < n; i++) chunk[this.used + i] = src[from + i]!;
    this.lastChunk = this.chunks.length - 1;
    this.lastStart = this.used;
    this.used += n;
  }
}

const BYTE_CHUNK = CHUNK_BYTES;
const CANONICAL_INTEGER = /^(?:0|[1-9][0-9]*)$/;
const CHUNK_SPAN = 2 ** 32;

/**
 * Short strings (comment ids, excerpts) stored as UTF-8 in 32 MB Buffers behind a numeric handle.
 * Keeping them out of the JS heap matters twice: a slice of a comment's text would otherwise pin the
 * whole text in memory, and a million small strings slow every garbage collection.
 */
export class StringPool {
  private readonly chunks: Buffer[] = [];
  private used = BYTE_CHUNK;

  /** Store `s`; returns its handle. */
  add(s: string): number {
    // Comment ids are mostly positions ("1", "2", ...): those are kept in the handle itself.
    if (s.length <= 9 && CANONICAL_INTEGER.test(s)) return -1 - Number(s);
    // UTF-8 needs at most 3 bytes per UTF-16 code unit; 4 more bytes hold the length.
    const worst = 3 * s.length + 4;
    if (this.used + worst > (this.chunks[this.chunks.length - 1]?.length ?? 0)) {
      this.chunks.push(Buffer.alloc(Math.max(BYTE_CHUNK, worst)));
      this.used = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    const start = this.used;
    const bytes = chunk.write(s, start + 4, 'utf8');
    chunk.writeUInt32LE(bytes, start);
    this.used += 4 + bytes;
    return (this.chunks.length - 1) * CHUNK_SPAN + start;
  }

  get(handle: number): string {
    if (handle < 0) return String(-1 - handle);
    const chunk = this.chunks[Math.floor(handle / CHUNK_SPAN)]!;
    const start = handle % CHUNK_SPAN;
    return chunk.toString('utf8', start + 4, start + 4 + chunk.readUInt32LE(start));
  }
}

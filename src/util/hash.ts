/**
 * Fast non-cryptographic 32-bit hashing for the corpus engine and the tokenizer's word-form table.
 * Everything is built from two primitives: FNV-1a over UTF-16 code units (cheap per character) and the
 * murmur3 finaliser (`fmix32`), which gives FNV's weak low bits full avalanche. Both are plain integer
 * arithmetic, so a worker thread, a different chunking or a different machine produces the same values.
 */

/** FNV-1a 32-bit offset basis. */
export const FNV_OFFSET = 0x811c9dc5;
/** FNV-1a 32-bit prime. */
export const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 units of text.slice(start, end), as a signed 32-bit integer. */
export function fnv1a(text: string, start = 0, end = text.length): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** murmur3's 32-bit finaliser: a bijection on uint32 with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One murmur3 body round: folds a 32-bit word into a running hash, order-sensitively. */
export function mixInto(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** 16 lowercase hex digits for a 64-bit value given as two uint32 halves. */
export function hex64(hi: number, lo: number): string {
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

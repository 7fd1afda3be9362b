/**
 * A comment's words as the index keeps them: the top 16 bits of each 32-bit word hash, sorted and unique,
 * two bytes a word. Verification computes the Jaccard similarity of these fingerprint sets. It equals the
 * word sets' unless two different words of the two comments share a fingerprint (for near-duplicates, a
 * few differing words each: about one pair in ten thousand), and is then off by one word. Full hashes
 * would double the largest part of the file (see docs/index.md for the sizes).
 */

/** Sorted unique fingerprints of the sorted unique 32-bit hashes `hashes[0 .. n)`. */
export function fingerprints(hashes: Uint32Array, n: number): Uint16Array {
  const out = new Uint16Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    // Sorted by the whole value, the hashes are sorted by their top bits too: equal ones are adjacent.
    const f = hashes[i]! >>> 16;
    if (m === 0 || out[m - 1] !== f) out[m++] = f;
  }
  return out.subarray(0, m);
}

/** Little-endian bytes of a fingerprint set (the file reads the same on any machine). */
export function encodeWords(words: Uint16Array): Buffer {
  const out = Buffer.allocUnsafe(words.length * 2);
  for (let i = 0; i < words.length; i++) out.writeUInt16LE(words[i]!, i * 2);
  return out;
}

/** The fingerprint set stored as `bytes`. */
export function decodeWords(bytes: Uint8Array): Uint16Array {
  const out = new Uint16Array(bytes.length >>> 1);
  for (let i = 0; i < out.length; i++) out[i] = bytes[i * 2]! | (bytes[i * 2 + 1]! << 8);
  return out;
}

/** Jaccard similarity of two sorted unique sets. */
export function jaccard(a: Uint16Array, b: Uint16Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

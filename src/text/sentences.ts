/** Sentence boundaries, shared by the style measurements. */
import { isSpace } from './normalize.js';

const isTerminator = (c: number) => c === 46 || c === 33 || c === 63;

/**
 * The sentences of a text as [start, end] pairs, flat: what /[^.!?\n]+(?:[.!?]+(?=\s|$)|\n|$)/g
 * matches — a run without . ! ? or line break, ended by such a run followed by space or the end, by a
 * line break, or by the end — found in one pass (the expression retries every position of a run not
 * so ended, which is quadratic in the run's length).
 */
export function sentenceSpans(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  let p = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (isTerminator(c) || c === 10) {
      p++;
      continue;
    }
    let r = p + 1;
    while (r < n && !isTerminator(text.charCodeAt(r)) && text.charCodeAt(r) !== 10) r++;
    if (r === n) {
      out.push(p, n);
      break;
    }
    if (text.charCodeAt(r) === 10) {
      out.push(p, r + 1);
      p = r + 1;
      continue;
    }
    let s = r + 1;
    while (s < n && isTerminator(text.charCodeAt(s))) s++;
    // Ended by terminators and a space (or the end): a sentence. Otherwise no sentence starts before s.
    if (s === n || isSpace(text.charCodeAt(s))) out.push(p, s);
    p = s;
  }
  return out;
}

/**
 * A short phrase of everyday words ("I love this song so much", "thanks for sharing"): people write it
 * on their own, in many threads and at many times, so a few copies of it are weak evidence of a
 * campaign. The signals that count copies (near-duplicate in a thread, cross-thread across a run,
 * seen-before across runs) weaken their finding below EVERYDAY_COPIES copies. A name, a link or a rarer
 * word makes the text specific and the rule off.
 */
import type { Tokens } from './tokens.js';

/** At most this many words. */
const EVERYDAY_WORDS = 8;
/** Every word among this many commonest (data/common-words.txt). */
const EVERYDAY_RANK = 5000;
/** From this many copies (or threads) on, even an everyday phrase is a campaign. */
export const EVERYDAY_COPIES = 5;

/** A link, a web address or a handle: what makes a short text point somewhere. */
const POINTER = /\bhttps?:\/\/|\bwww\.|@\w|\b[a-z0-9-]+\.(?:com|net|org|be|ly|io|tv|me|co)\b/i;

/** Whether `text`, whose words are `tokens`, is a short phrase of everyday words pointing nowhere. */
export function everydayPhrase(text: string, tokens: Tokens): boolean {
  if (tokens.length === 0 || tokens.length > EVERYDAY_WORDS || POINTER.test(text)) return false;
  for (let k = 0; k < tokens.length; k++) if (!(tokens.rank(k) <= EVERYDAY_RANK)) return false;
  return true;
}

/** Said of a short everyday phrase in a reason's message (`args.everyday`). */
export const EVERYDAY_NOTE = ' — a short everyday phrase that people also write on their own';

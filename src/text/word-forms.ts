/** The table of word forms that tokens refer to by number (see tokens.ts). */
import { STOPWORDS } from '../data/stopwords.js';
import { fnv1a } from '../util/hash.js';
import { isNumeric, rareStem } from './stem.js';
import { commonRank, stemOfRank } from './word-frequency.js';

/** Bit flags of a word form. */
export const CONTENT = 1;
export const CAPITALIZED = 2;
export const NUMERIC = 4;

/**
 * Word forms as written ("The", "the", "U.S."), each stored once with its lower form, stem and flags.
 * A thread has ~150k words but ~15k forms: tokens refer to forms by number, so a comment's words cost
 * three integers instead of an object and two strings (which the garbage collector would copy).
 */
export class WordForms {
  /** The forms as written, by id. */
  private readonly raw: string[] = [];
  private readonly hashes: number[] = [];
  /** Open-addressing table of form ids (-1: empty) by fnv1a of the form, linear probing; at most half full. */
  private slots = new Int32Array(1 << 12).fill(-1);
  readonly lower: string[] = [];
  readonly stem: string[] = [];
  readonly flags: number[] = [];
  /** frequencyRank of each form's lower form. */
  private readonly ranks: number[] = [];

  get size(): number {
    return this.lower.length;
  }

  intern(raw: string): number {
    return this.internRange(raw, 0, raw.length, fnv1a(raw));
  }

  /**
   * The id of the form text.slice(start, end), whose fnv1a is `hash`: found by comparing characters
   * in place, so a form seen before costs no substring.
   */
  internRange(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    let slot = hash & mask;
    for (let id = this.slots[slot]!; id >= 0; slot = (slot + 1) & mask, id = this.slots[slot]!) {
      if (this.hashes[id] !== hash) continue;
      const form = this.raw[id]!;
      if (form.length !== length) continue;
      let k = 0;
      while (k < length && form.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === length) return id;
    }
    const id = this.add(start === 0 && end === text.length ? text : text.slice(start, end), hash);
    this.slots[slot] = id;
    if (2 * this.raw.length > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(2 * this.slots.length).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.hashes.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }

  private add(raw: string, hash: number): number {
    // A form already in lower case keeps one string, not two equal ones (a million distinct forms are
    // tens of MB of copies).
    let lower = raw.toLowerCase();
    if (lower === raw) lower = raw;
    if (lower.includes('.')) lower = lower.replace(/\./g, '');
    // Possessives name the same thing as the bare noun: "Russia's" is "Russia".
    if (lower.endsWith("'s")) lower = lower.slice(0, -2);
    const numeric = isNumeric(lower);
    const content = !STOPWORDS.has(lower) && (numeric ? lower.length >= 2 : lower.length >= 3);
    const first = raw[0]!;
    // One look-up gives the form's frequency rank and, for a common word, its stem (as stem() would).
    const rank = commonRank(lower);
    const id = this.lower.length;
    this.raw.push(raw);
    this.hashes.push(hash);
    this.lower.push(lower);
    const stemmed = !content || numeric ? lower : rank > 0 ? stemOfRank(rank) : rareStem(lower);
    this.stem.push(stemmed === lower ? lower : stemmed);
    this.flags.push((content ? CONTENT : 0) | (first !== first.toLowerCase() ? CAPITALIZED : 0) | (numeric ? NUMERIC : 0));
    this.ranks.push(rank || Number.POSITIVE_INFINITY);
    return id;
  }

  rank(id: number): number {
    return this.ranks[id]!;
  }

  written(id: number): string {
    return this.raw[id]!;
  }
}

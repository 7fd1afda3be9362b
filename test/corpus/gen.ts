/** Seeded synthetic comments for the corpus tests: no dataset needed, same texts on every run. */

import { rng } from '../helpers.js';

export { rng };

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'zi', 'pe', 'su', 'dra', 'gel', 'shu', 'ton', 'bri', 'fa'];

/** A vocabulary of `size` distinct pseudo-words. */
export function vocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    let w = '';
    const n = 1 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

/** A text of `length` words drawn Zipf-like (low indices common), with sentence punctuation. */
export function sentence(vocab: readonly string[], length: number, random: () => number): string {
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    const w = vocab[Math.floor(Math.pow(random(), 2) * vocab.length)]!;
    out.push(i > 0 && random() < 0.1 ? `${w}.` : w);
  }
  return `${out.join(' ')}.`;
}

/** `text` with round(share × words) substitutions, insertions and deletions. */
export function edit(text: string, share: number, vocab: readonly string[], random: () => number): string {
  const words = text.split(' ');
  const ops = Math.round(share * words.length);
  for (let k = 0; k < ops; k++) {
    const at = Math.floor(random() * words.length);
    const op = random();
    const w = vocab[Math.floor(random() * vocab.length)]!;
    if (op < 0.4) words[at] = w;
    else if (op < 0.7) words.splice(at, 0, w);
    else if (words.length > 1) words.splice(at, 1);
  }
  return words.join(' ');
}

/** A corpus: background texts plus families of edited copies (0–20 % edits), `n` texts in all. */
export function corpus(n: number, seed: number): string[] {
  const random = rng(seed);
  const vocab = vocabulary(3000, random);
  const texts: string[] = [];
  while (texts.length < n) {
    const base = sentence(vocab, 15 + Math.floor(random() * 50), random);
    texts.push(base);
    if (random() < 0.3) {
      const copies = 1 + Math.floor(random() * 4);
      const share = [0, 0.03, 0.06, 0.1, 0.2][Math.floor(random() * 5)]!;
      for (let c = 0; c < copies && texts.length < n; c++) texts.push(edit(base, share, vocab, random));
    }
  }
  return texts;
}

/** Fisher–Yates with a seed. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const random = rng(seed);
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STYLE_FEATURES } from '../../src/detector/features.js';
import { inSignedList } from '../../src/detector/words.js';
import { defaultDetector, loadDetector, type DetectorFile } from '../../src/detector/model.js';
import { fitDetector, measureTexts, type TrainingText } from '../../src/detector/train.js';
import { ROOT } from '../helpers.js';
import { join } from 'node:path';

const shipped = (): DetectorFile => JSON.parse(readFileSync(join(ROOT, 'data', 'machine-text.json'), 'utf8')) as DetectorFile;

const MACHINE = [
  'This development underscores the crucial importance of international cooperation. It will be essential to monitor how these dynamics evolve in the coming months.',
  'Excited to see our community come together for a brighter future! Every voice matters, so make sure yours is heard this election season.',
  'The decision reflects a broader shift in policy. However, it also raises important questions about funding, oversight, and long-term sustainability.',
];
const HUMAN = [
  "lol no way this is real, my cousin lives there and nobody's talking about it",
  'WHY does every single thread turn into this?? i just wanted the bus times smh',
  "Honestly I think the mayor's fine, he just cant talk to people. my neighbour met him once and said he was decent",
];

describe('the shipped detector (data/machine-text.json)', () => {
  it('loads, and every weight respects its measurement\'s sign: human habits only ever lower the score', () => {
    const file = shipped();
    expect(() => loadDetector(file, 'data/machine-text.json')).not.toThrow();
    const sign = new Map(STYLE_FEATURES.map((f) => [f.id, f.sign]));
    for (const s of file.style) {
      if (sign.get(s.id) === -1) expect(s.weight, s.id).toBeLessThanOrEqual(0);
      if (sign.get(s.id) === 1) expect(s.weight, s.id).toBeGreaterThanOrEqual(0);
      // Signed measurements count from zero: their absence is no evidence.
      if (sign.get(s.id) !== 0) expect(s.mean, s.id).toBe(0);
    }
  });

  it('a word of a list with a fixed direction (slang, profanity, hedges, pronouns…) has no weight of its own', () => {
    const words = Object.keys(shipped().words);
    expect(words.length).toBeGreaterThan(1000);
    expect(words.filter(inSignedList)).toEqual([]);
  });

  it('ranks assistant-style replies above casual human comments', () => {
    const detector = defaultDetector();
    const machine = MACHINE.map((t) => detector.predict(t).probability);
    const human = HUMAN.map((t) => detector.predict(t).probability);
    expect(Math.min(...machine)).toBeGreaterThan(Math.max(...human));
  });

  it('exclamation marks never count as machine evidence', () => {
    const detector = defaultDetector();
    for (const text of ['We use these tests all the time! Killer stuff!', 'This is a great chance for our town to come together and vote! Every voice matters!']) {
      const found = detector.predict(text).contributions.filter((c) => c.feature === 'exclamations');
      for (const c of found) expect(c.contribution, text).toBeLessThanOrEqual(0);
    }
    // Signed human: no fit can give them a machine weight (the sign test above checks the weights).
    expect(STYLE_FEATURES.find((f) => f.id === 'exclamations')!.sign).toBe(-1);
  });

  it('shouting, slang, profanity, typos and emoji only ever count against machine writing', () => {
    const detector = defaultDetector();
    const habits = new Set(['shouting', 'slang', 'profanity', 'typos', 'emoji', 'no-capitals', 'repeated-punctuation']);
    for (const text of [
      'The NEW SCHEDULE starts next week and the BUSES will run every ten minutes on weekdays!!',
      'lol the new schedule starts next week tbh and the buses will run every ten minutes on weekdays',
      'The new schedule starts next week and the damn buses will run every ten fucking minutes on weekdays.',
      'The new schedual starts next week and the buses will run every ten minuts on weekdays.',
      'the new schedule starts next week and the buses will run every ten minutes on weekdays 😂 :)',
    ]) {
      const found = detector.predict(text).contributions.filter((c) => habits.has(c.feature));
      expect(found.length, text).toBeGreaterThan(0);
      for (const c of found) expect(c.contribution, `${c.feature} in ${text}`).toBeLessThan(0);
    }
    // Shouting alone: the same words in capitals score no higher.
    const calm = 'Subscribe to my channel for more videos every week, thank you all so much for the support.';
    expect(detector.predict(calm.toUpperCase()).probability).toBeLessThanOrEqual(detector.predict(calm).probability);
  });

  it('does not judge texts shorter than its minimum, and names what raised a score', () => {
    const detector = defaultDetector();
    expect(detector.predict('Great point, well said.')).toMatchObject({ judged: false, probability: 0 });
    const p = detector.predict(MACHINE[0]!);
    expect(p.judged).toBe(true);
    expect(p.contributions[0]!.contribution).toBeGreaterThan(0);
    const words = p.contributions.filter((c) => c.kind === 'word');
    for (const w of words) expect(MACHINE[0]!.slice(w.spans![0]![0], w.spans![0]![1]).toLowerCase()).toBe(w.feature);
  });
});

describe('loadDetector', () => {
  const bad: Array<[string, (f: DetectorFile) => unknown, RegExp]> = [
    ['a wrong format', (f) => ({ ...f, format: 'x' }), /format must be "threadsift-machine-text"/],
    ['an unknown version', (f) => ({ ...f, version: 2 }), /version 2 is not supported/],
    ['an unknown measurement', (f) => ({ ...f, style: [{ ...f.style[0]!, id: 'nope' }] }), /style\[0\]\.id "nope" is not a style measurement/],
    ['a non-finite weight', (f) => ({ ...f, style: [{ ...f.style[0]!, weight: null }] }), /style\[0\]\.weight must be a finite number/],
    ['a zero scale', (f) => ({ ...f, style: [{ ...f.style[0]!, scale: 0 }] }), /style\[0\]\.scale must be above 0/],
    ['a word weight that is not a number', (f) => ({ ...f, words: { crucial: 'x' } }), /words\["crucial"\] must be a finite number/],
    ['a reversed band', (f) => ({ ...f, band: [60, 20] }), /band must be two word counts/],
  ];
  it.each(bad)('refuses %s, naming the field', (_, edit, message) => {
    expect(() => loadDetector(edit(shipped()), 'd.json')).toThrow(message);
  });

  it('a word such as "constructor" or "__proto__" is only a word', () => {
    const file = { ...shipped(), words: JSON.parse('{"__proto__": 1, "constructor": 2}') as Record<string, number> };
    const d = loadDetector(file, 'd.json');
    const p = d.predict('The constructor of this argument forgot the proto of every reasonable discussion here.');
    expect(p.contributions.filter((c) => c.kind === 'word').map((c) => c.feature)).toEqual(['constructor']);
    expect(Number.isFinite(p.logOdds)).toBe(true);
  });
});

describe('fitDetector', () => {
  const texts: TrainingText[] = [
    ...Array.from({ length: 40 }, (_, i) => ({ text: `${MACHINE[i % 3]!} Additionally, item ${i} is essential.`, label: true, group: 'a' })),
    ...Array.from({ length: 40 }, (_, i) => ({ text: `${HUMAN[i % 3]!} anyway lol ${i} idk`, label: false, group: 'a' })),
  ];
  it('is deterministic, and keeps every sign constraint', () => {
    const measured = measureTexts(texts);
    const a = fitDetector(measured, { l2: 0.001, iterations: 100, minDocumentFrequency: 2 });
    const b = fitDetector(measureTexts(texts), { l2: 0.001, iterations: 100, minDocumentFrequency: 2 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const sign = new Map(STYLE_FEATURES.map((f) => [f.id, f.sign]));
    for (const s of a.style) {
      if (sign.get(s.id) === -1) expect(s.weight).toBeLessThanOrEqual(0);
      if (sign.get(s.id) === 1) expect(s.weight).toBeGreaterThanOrEqual(0);
    }
    const d = loadDetector(a, 'fit');
    expect(d.predict(MACHINE[1]!).probability).toBeGreaterThan(d.predict(HUMAN[1]!).probability);
  });
});

import { describe, expect, it } from 'vitest';
import { measure, STYLE_FEATURES, styleIndex } from '../../src/detector/features.js';
import { isTypo } from '../../src/detector/words.js';

const value = (text: string, id: string) => measure(text).style[styleIndex(id)]!;

describe('style measurements', () => {
  it('every measurement has a unique id and a label; those of either direction say what a low value is', () => {
    const ids = STYLE_FEATURES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of STYLE_FEATURES) {
      expect(f.label).toBeTruthy();
      if (f.sign === 0) expect(f.low, f.id).toBeTruthy();
    }
  });

  it('human habits are measured: shouting, slang, profanity, typos, emoji and emoticons, sloppy casing', () => {
    expect(value('THIS IS SO WRONG and everyone knows it', 'shouting')).toBeCloseTo(2 / 8, 6);
    expect(value('lol idk tbh this was fine', 'slang')).toBeCloseTo(3 / 6, 6);
    expect(value('what the fuck is this shit', 'profanity')).toBeCloseTo(2 / 6, 6);
    expect(value('i recieve it becuase of the rules', 'typos')).toBeCloseTo(2 / 7, 6);
    expect(value('great show 😂😂 see you there :) xD', 'emoji')).toBeCloseTo(4 / 5, 6);
    expect(value('no capitals anywhere in here', 'no-capitals')).toBe(1);
    expect(value('first one. second one starts low.', 'lowercase-sentence-starts')).toBe(1);
    expect(value('Is it?? Really!! Wow', 'repeated-punctuation')).toBeCloseTo(2 / 4, 6);
  });

  it('an emoticon is not a colon; a time is not one either', () => {
    expect(value('see you at 1:57 :P', 'colons')).toBe(0);
    expect(value('Note: the vote is today', 'colons')).toBeCloseTo(1 / 5, 6);
  });

  it('edited prose is measured: capitals, a finished last sentence, commas, contractions', () => {
    const text = 'The plan is sound. However, it will take time, money, and patience.';
    expect(value(text, 'sentence-capitals')).toBe(1);
    expect(value(text, 'ends-with-punctuation')).toBe(1);
    expect(value(text, 'commas')).toBeCloseTo(3 / 12, 6);
    expect(value(text, 'no-contractions')).toBe(1);
    expect(value(text, 'hedged-balance')).toBeCloseTo(1 / 2, 6);
    expect(value("It's fine, we're done.", 'contractions')).toBeCloseTo(2 / 4, 6);
    // Emoji after the last full stop do not unfinish it.
    expect(value('Vote today! 🇺🇸🗳️', 'ends-with-punctuation')).toBe(1);
  });

  it('hedged balance is found in any case, also in text whose lower case changes its length', () => {
    expect(value('THE PLAN IS SOUND. HOWEVER, IT WILL TAKE TIME.', 'hedged-balance')).toBeCloseTo(1 / 2, 6);
    expect(value('It Is Important To see both sides here. On The Other Hand, nobody asked.', 'hedged-balance')).toBeCloseTo(2 / 2, 6);
    // "İ" lower-cases to two characters: the match must still be found, at its place in the text.
    const text = 'İstanbul is a large city. However, the traffic is slow.';
    const m = measure(text);
    expect(m.style[styleIndex('hedged-balance')]).toBeCloseTo(1 / 2, 6);
    const [span] = m.matches.get('hedged-balance')!;
    expect(text.slice(span![0], span![1])).toBe('However,');
  });

  it('word lists record where they matched, for the evidence', () => {
    const m = measure('This is a crucial and pivotal moment for the future.');
    expect(m.matches.get('assistant-vocabulary')!.map(([a, b]) => 'This is a crucial and pivotal moment for the future.'.slice(a, b))).toEqual(['crucial', 'pivotal']);
    expect(m.matches.get('rallying-vocabulary')).toEqual([[45, 51]]);
  });

  it('links, mentions and hashtags are not words of the comment', () => {
    const m = measure('@bob check https://x.co/abc #Vote2024 now');
    expect(m.words).toBe(2);
  });
});

describe('isTypo', () => {
  it.each(['recieve', 'becuase', 'definately', 'wich', 'goverment'])('%s is one edit from a common word', (w) => {
    expect(isTypo(w)).toBe(true);
  });
  it.each(['receive', 'because', 'zyxwv', 'photosynthesis', 'ok', 'Recieve'])('%s is not', (w) => {
    expect(isTypo(w)).toBe(false);
  });
  // Each kind of slip, at the first, a middle and the last letter: the ends are where an index of words
  // with a letter left out is easiest to get wrong.
  it.each([
    ['a letter missing', ['ecause', 'becuse', 'becaus']],
    ['a letter extra', ['xbecause', 'becxause', 'becausex']],
    ['a letter changed', ['xecause', 'bexause', 'becausx']],
    ['two letters swapped', ['ebcause', 'beacuse', 'becaues']],
  ])('%s', (_, words) => {
    for (const w of words) expect(isTypo(w), w).toBe(true);
  });
  it('two slips are not one', () => {
    for (const w of ['xbecausx', 'bxcaxse', 'qqcause', 'govrmnent']) expect(isTypo(w), w).toBe(false);
  });
});

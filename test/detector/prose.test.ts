import { describe, expect, it } from 'vitest';
import { proseOf } from '../../src/detector/prose.js';

const visible = (text: string) => proseOf(text).replace(/\u200b/g, '').replace(/\s+/g, ' ').trim();

describe('proseOf', () => {
  const cases: Array<[string, string, string]> = [
    ['links', 'Read this https://t.co/AbC123 and www.example.com/page now', 'Read this and now'],
    ['a retweet prefix and every @mention', 'RT @someone: @a @b_c thanks @dan for this', 'thanks for this'],
    ['hashtags, not a "#1" or an "&#39;" reference', 'We won #1 tonight #Election2020 #MAGA', 'We won #1 tonight'],
    ['quotes wrapping the whole text', '"Stay informed, everyone!"', 'Stay informed, everyone!'],
    ['nested wrapping quotes', '“"Vote early!"”', 'Vote early!'],
    ['HTML character references', 'Cats &amp; dogs don&#39;t agree &lt;3', "Cats & dogs don't agree <3"],
  ];
  it.each(cases)('blanks %s', (_, text, expected) => {
    expect(visible(text)).toBe(expected);
  });

  it('keeps the length, so offsets in the prose are offsets in the comment', () => {
    for (const [, text] of cases) expect(proseOf(text).length).toBe(text.length);
  });

  it('leaves plain prose and inner quotations alone', () => {
    const text = 'He said "no way" and left. It\'s fine, isn\'t it?';
    expect(proseOf(text)).toBe(text);
    // A single quote opening the text is an apostrophe when another one is inside.
    expect(proseOf("'Twas the night, wasn't it'")).toBe("'Twas the night, wasn't it'");
  });

  it('a character reference to a control or a surrogate half reads as a space', () => {
    expect(visible('a&#27;b &#xD800;c &#0;d')).toBe('a b c d');
  });
});

import { describe, expect, it } from 'vitest';
import { samePage } from '../../src/util/page.js';
import type { Thread } from '../../src/types.js';

const ARTICLE = 'The council voted on Tuesday to expand the ferry terminal at Pier 9, ending a two-year dispute with residents. '.repeat(3);
const thread = (over: Partial<Thread>): Thread => ({ id: '1', source: 'a.txt', title: 'Ferry terminal', body: ARTICLE, comments: [], ...over });

describe('samePage', () => {
  it('is the address when the export gives one, whatever the article says', () => {
    expect(samePage(thread({ url: 'https://news.example/ferry' }))).toBe('url https://news.example/ferry');
    expect(samePage(thread({ url: 'https://news.example/ferry', body: '' }))).toBe('url https://news.example/ferry');
  });

  it('is the title and article text otherwise, read past line wrapping and spacing, in any file', () => {
    const page = samePage(thread({}));
    expect(page).toMatch(/^text /);
    expect(samePage(thread({ source: 'b.txt', id: '7', body: `\n  ${ARTICLE.replaceAll(' ', '\n ')}  ` }))).toBe(page);
    expect(samePage(thread({ title: 'Bridge closure' }))).not.toBe(page);
    expect(samePage(thread({ body: `${ARTICLE} A correction was added.` }))).not.toBe(page);
  });

  it('is nothing for a thread without a long enough article: two videos\' comment tables are not one page', () => {
    expect(samePage(thread({ body: '' }))).toBeUndefined();
    expect(samePage(thread({ body: 'Short teaser text.' }))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { PROMO } from '../../src/data/promo.js';
import { promo } from '../../src/signals/promo.js';
import { makeThread, on, runSignal, spanText } from '../helpers.js';

describe('promo', () => {
  const invalid: Array<{ text: string; codes: string[]; entries: string[]; spans: string[] }> = [
    {
      text: 'Hey guys check out my new channel, subscribe to me!',
      codes: ['PROMO_SELF', 'PROMO_SELF'],
      entries: ['check-out-mine', 'subscribe-to-me'],
      spans: ['check out my new channel', 'subscribe to me'],
    },
    { text: 'great song http://www.example.com/deal?ref=abc123', codes: ['PROMO_LINK'], entries: ['url'], spans: ['http://www.example.com/deal?ref=abc123'] },
    { text: 'visit mysite . com for more', codes: ['PROMO_LINK'], entries: ['bare-domain'], spans: ['mysite . com'] },
    { text: 'sub 4 sub anyone? I will sub back', codes: ['PROMO_SELF', 'PROMO_SELF'], entries: ['sub-for-sub', 'sub-for-sub'], spans: ['sub 4 sub', 'I will sub back'] },
    { text: 'Like and share if you agree', codes: ['PROMO_CALL_TO_ACTION'], entries: ['like-and-subscribe'], spans: ['Like and share'] },
    { text: 'Earn easy money working from home, ask me how', codes: ['PROMO_MONEY', 'PROMO_MONEY'], entries: ['earn-money', 'work-from-home'], spans: ['Earn easy money', 'working from home'] },
    { text: 'Free gift cards for everyone in the giveaway', codes: ['PROMO_MONEY', 'PROMO_MONEY'], entries: ['free-goods', 'giveaway'], spans: ['Free gift cards', 'giveaway'] },
    { text: 'write to deals.team@example.org or call 555-123-4567', codes: ['PROMO_CONTACT', 'PROMO_CONTACT'], entries: ['email-address', 'phone-number'], spans: ['deals.team@example.org', '555-123-4567'] },
    { text: 'message me on whatsapp', codes: ['PROMO_CONTACT', 'PROMO_CONTACT'], entries: ['contact-me', 'messaging-app'], spans: ['message me', 'whatsapp'] },
    { text: 'Follow me on insta: @dancer_jo', codes: ['PROMO_SELF', 'PROMO_CONTACT'], entries: ['follow-me', 'platform-handle'], spans: ['Follow me', 'insta: @dancer_jo'] },
  ];
  it.each(invalid)('flags promotion: $text', ({ text, codes, entries, spans }) => {
    const thread = makeThread([text]);
    const findings = runSignal(promo, thread);
    expect(findings.map((f) => f.reason.code)).toEqual(codes);
    expect(findings.map((f) => f.reason.args.entry)).toEqual(entries);
    expect(findings.map((f) => spanText(thread, f))).toEqual(spans);
    for (const f of findings) {
      expect(f.reason.args.note).toBeTruthy();
      expect(f.reason.args.source).toBeTruthy();
      expect(f.strength).toBeGreaterThan(0);
      expect(f.strength).toBeLessThanOrEqual(1);
    }
  });

  const valid = [
    'The bridge at 2:10 is the best part of the song.',
    'I subscribed to the newspaper in 1998 and still read it every morning.',
    'My grandfather had this record; we played it at his 80th birthday.',
    'Check the numbers again: the report says 4.6 billion, not 46.',
    // An @reply or a platform's own photo link alone is ordinary.
    '@maria_k agreed, the video quality is much better than the live version',
    'what a night https://t.co/AbC123xyz',
  ];
  it.each(valid)('leaves ordinary comments alone: %s', (text) => {
    expect(runSignal(promo, makeThread([text]))).toEqual([]);
  });

  it('an @handle or platform link counts beside other promotion', () => {
    const findings = runSignal(promo, makeThread(['subscribe to my channel @dancer_jo']));
    expect(findings.map((f) => f.reason.args.entry)).toEqual(['subscribe-to-me', 'at-handle']);
  });

  it('a link with a long argument around it is weaker evidence than a bare link', () => {
    const bare = runSignal(promo, makeThread(['http://example.com/a']))[0]!;
    const argued = runSignal(promo, makeThread([
      'The figures in the budget do not add up, because the deficit was revised twice this year and the ministry never explained what changed in the second revision, see http://example.com/a',
    ]))[0]!;
    expect(argued.strength).toBeLessThan(bare.strength);
  });

  it('several constructions are stronger than one, and one repeated counts once', () => {
    const one = runSignal(promo, makeThread(['check out my channel']))[0]!;
    const repeated = runSignal(promo, makeThread(['check out my channel. check out my channel.']))[0]!;
    const two = runSignal(promo, makeThread(['check out my channel, earn easy money']))[0]!;
    expect(repeated.strength).toBe(one.strength);
    expect(two.strength).toBeGreaterThan(one.strength);
  });

  it('ignores promotion inside quoted material', () => {
    expect(runSignal(promo, makeThread(['> subscribe to my channel\nNo, that is spam and I reported it.']))).toEqual([]);
  });

  it('links one author posting near-identical comments, with related ids', () => {
    const thread = makeThread([
      { text: 'Please watch the whole video before you judge', author: 'Kim' },
      { text: 'Nice one', author: 'Lee' },
      { text: 'Please watch the whole video before you judge!', author: 'kim ' },
      { text: 'Please watch the whole video before judging', author: 'Max' },
    ]);
    const repeats = runSignal(promo, thread).filter((f) => f.reason.code === 'PROMO_AUTHOR_REPEAT');
    expect(repeats.map((f) => [f.commentId, f.related])).toEqual([['1', ['3']], ['3', ['1']]]);
    expect(repeats[0]!.reason.args).toMatchObject({ partner: '3', copies: 2 });
  });

  it('three copies by one author are stronger than two; short repeats ("lol") are not evidence', () => {
    const two = runSignal(promo, makeThread([{ text: 'first time here, loving this channel', author: 'a' }, { text: 'first time here, loving this channel', author: 'a' }]));
    const three = runSignal(promo, makeThread([1, 2, 3].map(() => ({ text: 'first time here, loving this channel', author: 'a' }))));
    expect(on(three, '1')[0]!.strength).toBeGreaterThan(on(two, '1')[0]!.strength);
    expect(on(three, '1')[0]!.related).toEqual(['2', '3']);
    expect(runSignal(promo, makeThread([{ text: 'lol', author: 'a' }, { text: 'lol', author: 'a' }]))).toEqual([]);
  });

  it('a prolific author (over 300 comments) is checked for exact repeats only', () => {
    const texts = Array.from({ length: 301 }, (_, i) => ({ text: `comment number ${'x'.repeat(i % 7)} about topic ${i}`, author: 'busy' }));
    texts.push({ text: 'the very same words again and again', author: 'busy' }, { text: 'the very same words again and again', author: 'busy' });
    const repeats = runSignal(promo, makeThread(texts)).filter((f) => f.reason.code === 'PROMO_AUTHOR_REPEAT');
    expect(repeats.map((f) => f.commentId)).toEqual(['302', '303']);
    // Under the limit the near-identical numbered comments would link too.
    const few = runSignal(promo, makeThread(texts.slice(0, 20))).filter((f) => f.reason.code === 'PROMO_AUTHOR_REPEAT');
    expect(few.length).toBeGreaterThan(0);
  });

  it('the list: unique ids, every entry with a note, a source and a weight, every regex safe', () => {
    const ids = PROMO.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of PROMO) {
      expect(e.note, e.id).toBeTruthy();
      expect(e.source, e.id).toBeTruthy();
      expect(e.weight, e.id).toBeGreaterThan(0);
      expect(e.weight, e.id).toBeLessThanOrEqual(1);
      expect(() => new RegExp(e.pattern, 'giu'), e.id).not.toThrow();
      // The same nested-quantifier rule user phrase files must pass (src/config.ts).
      expect(/\([^)]*[+*][^)]*\)[+*{]/.test(e.pattern), e.id).toBe(false);
    }
  });
});

describe('promo links in Markdown', () => {
  it('a [text](url) link yields the address without brackets or the closing parenthesis', () => {
    const thread = makeThread(['See [my video](https://www.youtube.com/watch?v=abc123XYZ) and https://example.org/page.']);
    const links = runSignal(promo, thread).filter((f) => f.reason.args.kind === 'link').map((f) => f.reason.args.text);
    expect(links).toEqual(['https://www.youtube.com/watch?v=abc123XYZ', 'https://example.org/page']);
  });
});

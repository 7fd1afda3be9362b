import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { DEFAULT_THRESHOLD, defaultConfig } from '../../src/config.js';
import { LINK_MARKS, PROMO, PROMO_MESSAGES, REFERENCE_SITES } from '../../src/data/promo.js';
import { formatReason } from '../../src/reasons.js';
import { promo } from '../../src/signals/promo.js';
import { linkTarget, siteOf } from '../../src/signals/promo-read.js';
import { hasNestedQuantifier } from '../../src/text/regex-safety.js';
import type { Finding, Thread } from '../../src/types.js';
import { parseFile, parseText, realExport } from '../parsers/support.js';
import { makeThread, on, ROOT, runSignal, spanText } from '../helpers.js';

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
    { text: 'Like and share if you agree', codes: ['PROMO_CALL_TO_ACTION'], entries: ['like-and-share'], spans: ['Like and share'] },
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
    const repeats = (findings: Finding[], id: string) => on(findings, id).filter((f) => f.reason.code === 'PROMO_AUTHOR_REPEAT');
    const promotion = 'first time here, subscribe to my channel for daily beats';
    const two = runSignal(promo, makeThread([1, 2].map(() => ({ text: promotion, author: 'a' }))));
    const three = runSignal(promo, makeThread([1, 2, 3].map(() => ({ text: promotion, author: 'a' }))));
    expect(repeats(three, '1')[0]!.strength).toBeGreaterThan(repeats(two, '1')[0]!.strength);
    expect(repeats(three, '1')[0]!.related).toEqual(['2', '3']);
    expect(runSignal(promo, makeThread([{ text: 'lol', author: 'a' }, { text: 'lol', author: 'a' }]))).toEqual([]);
  });

  it('says when copies differ in their links, as a bot posting one text with a fresh short link each time does', () => {
    const text = (id: string) => ({ text: `November 17th https://t.co/${id}`, author: 'jaden' });
    const fresh = runSignal(promo, makeThread([text('1lNMkcZVuW'), text('Gcd8r2AOsV'), text('x2LmZjRTPL')])).filter((f) => f.reason.code === 'PROMO_AUTHOR_REPEAT');
    expect(fresh).toHaveLength(3);
    for (const f of fresh) expect(f.reason.args.linksOrQuotesDiffer).toBe(true);
    expect(promo.messages.PROMO_AUTHOR_REPEAT(fresh[0]!.reason.args)).toBe('“jaden” posted this 3 times (100% the same as #2, with other links or quoted lines)');
    const same = runSignal(promo, makeThread([text('1lNMkcZVuW'), text('1lNMkcZVuW'), text('1lNMkcZVuW')])).filter((f) => f.reason.code === 'PROMO_AUTHOR_REPEAT');
    expect(promo.messages.PROMO_AUTHOR_REPEAT(same[0]!.reason.args)).toBe('“jaden” posted this 3 times (100% the same as #2)');
    // Alike in characters ("email", "e-mail"), with no link at all: nothing to say of links.
    const spelled = ['Win a free phone, email me today for the details', 'Win a free phone, email me today for the details', 'Win a free phone, e-mail me today for the details'];
    const bob = runSignal(promo, makeThread(spelled.map((text) => ({ text, author: 'bob' })))).filter((f) => f.reason.code === 'PROMO_AUTHOR_REPEAT');
    expect(bob).toHaveLength(3);
    for (const f of bob) expect(f.reason.args.linksOrQuotesDiffer).toBeUndefined();
  });

  it('a double post that promotes nothing is no promotion (near-duplicate reports it); three copies are a campaign', () => {
    const plain = 'first time here, loving this channel and the comments';
    expect(runSignal(promo, makeThread([1, 2].map(() => ({ text: plain, author: 'a' }))))).toEqual([]);
    expect(runSignal(promo, makeThread([1, 2, 3].map(() => ({ text: plain, author: 'a' })))).map((f) => f.reason.code)).toEqual(Array(3).fill('PROMO_AUTHOR_REPEAT'));
    // A reference link is a citation, not promotion: its double post is not repeated promotion either.
    const cited = 'The grant only covers construction. Who pays for maintenance? Source: https://en.wikipedia.org/wiki/Bike_lane';
    const findings = runSignal(promo, makeThread([1, 2].map(() => ({ text: cited, author: 'a' }))));
    expect(findings.map((f) => f.reason.code)).toEqual(['PROMO_REFERENCE_LINK', 'PROMO_REFERENCE_LINK']);
  });

  it('a prolific author (over 300 comments) is checked for exact repeats only', () => {
    const texts = Array.from({ length: 301 }, (_, i) => ({ text: `comment number ${'x'.repeat(i % 7)} about topic ${i}`, author: 'busy' }));
    texts.push(...[1, 2, 3].map(() => ({ text: 'the very same words again and again', author: 'busy' })));
    const repeats = runSignal(promo, makeThread(texts)).filter((f) => f.reason.code === 'PROMO_AUTHOR_REPEAT');
    expect(repeats.map((f) => f.commentId)).toEqual(['302', '303', '304']);
    // Under the limit the near-identical numbered comments would link too.
    const few = runSignal(promo, makeThread(texts.slice(0, 20))).filter((f) => f.reason.code === 'PROMO_AUTHOR_REPEAT');
    expect(few.length).toBeGreaterThan(0);
  });

  it('the lists: unique ids across both, every entry with a note, a source and a weight, every regex safe', () => {
    const ids = [...PROMO, ...PROMO_MESSAGES].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of [...PROMO, ...PROMO_MESSAGES]) {
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

describe('promo links glued to the next word', () => {
  it('a YouTube address ends after its 11-character video id: letters glued past it are the next word', () => {
    const text = 'The other side of the story.https://www.youtube.com/watch?v=FfB9TpVG1IkYou will never see this here!';
    const thread = makeThread([text]);
    const links = runSignal(promo, thread).filter((f) => f.reason.args.kind === 'link');
    expect(links.map((f) => [f.reason.args.text, spanText(thread, f)])).toEqual([['https://www.youtube.com/watch?v=FfB9TpVG1Ik', 'https://www.youtube.com/watch?v=FfB9TpVG1Ik']]);
    // With a time after it, or a digit past the eleven characters (not a word), the address is left as written.
    for (const kept of ['https://www.youtube.com/watch?v=FfB9TpVG1Ik&t=42s', 'https://www.youtube.com/watch?v=FfB9TpVG1Ik1']) {
      const found = runSignal(promo, makeThread([`Listen: ${kept} now`])).filter((f) => f.reason.args.kind === 'link');
      expect(found.map((f) => f.reason.args.text), kept).toEqual([kept]);
    }
  });
});

describe('promo links in Markdown', () => {
  it('a [text](url) link yields the address without brackets or the closing parenthesis', () => {
    const thread = makeThread(['See [my video](https://www.youtube.com/watch?v=abc123XYZ) and https://example.org/page.']);
    const links = runSignal(promo, thread).filter((f) => f.reason.args.kind === 'link').map((f) => f.reason.args.text);
    expect(links).toEqual(['https://www.youtube.com/watch?v=abc123XYZ', 'https://example.org/page']);
  });

  it('an address written as its own link text ([url](url)) is one link: one finding, and two are not a flood', () => {
    const text = 'I learned from the book [https://doc.rust-lang.org/book/](https://doc.rust-lang.org/book/) and [https://github.com/rust-lang/rustlings](https://github.com/rust-lang/rustlings).';
    const thread = makeThread([text, 'Same here.']);
    const findings = runSignal(promo, thread);
    expect(findings.map((f) => [f.reason.code, spanText(thread, f)])).toEqual([
      ['PROMO_LINK', 'https://doc.rust-lang.org/book/'],
      ['PROMO_LINK', 'https://github.com/rust-lang/rustlings'],
    ]);
    expect(text.indexOf('https://doc')).toBe(findings[0]!.span![0]);
    expect(flagged(thread)).toBe(false);
    // A link pasted again elsewhere in the comment is pasted again: three times is a pile of links.
    const pasted = makeThread(['Join: http://www.example.org/join/V3Ve http://www.example.org/join/V3Ve http://www.example.org/join/V3Ve']);
    expect(runSignal(promo, pasted).map((f) => f.reason.code)).toEqual(['PROMO_LINK', 'PROMO_LINK', 'PROMO_LINK', 'PROMO_LINK_FLOOD']);
  });

  it('a full stop, a space and a capitalised word is a sentence break, not a spaced-out address', () => {
    const prose = makeThread(['The bill guarantees neutrality. Net neutrality rules protect small companies. Visit mysite . com today']);
    expect(runSignal(promo, prose).map((f) => spanText(prose, f))).toEqual(['mysite . com']);
  });
});

/** The comment's promo strength: the same on every promo finding of a comment. */
const strengthOf = (findings: Finding[], id = '1') => Math.max(0, ...on(findings, id).filter((f) => f.reason.code !== 'PROMO_AUTHOR_REPEAT').map((f) => f.strength));
/** Whether the default configuration flags a comment of a thread (all signals, default threshold). */
const flagged = (thread: Thread, id = '1') => analyze([thread], defaultConfig()).threads[0]!.comments.find((c) => c.id === id)!.flagged;
const withUrl = (thread: Thread, url: string): Thread => ({ ...thread, url });
const CAP = promo.defaultOptions.singleCueCap;

describe('promo false-positive controls: one cue alone never flags', () => {
  it('issue #11: a citation of a government page is weak evidence and is not flagged', () => {
    const thread = parseText('{"title":"B","body":"","comments":[{"text":"Source: https://www.budget.canada.ca/2024/x.html"}]}', 'one-link.json').threads[0]!;
    const findings = runSignal(promo, thread);
    expect(findings.map((f) => [f.reason.code, f.reason.args.reference])).toEqual([['PROMO_REFERENCE_LINK', 'government']]);
    expect(findings[0]!.reason.args).toMatchObject({ text: 'https://www.budget.canada.ca/2024/x.html', note: expect.stringContaining('government') });
    expect(findings[0]!.strength).toBeLessThan(0.15);
    expect(flagged(thread)).toBe(false);
  });

  it('a double post (one author, the same comment twice, with a citation) is a cluster of copies, not a flag', () => {
    const [thread] = parseFile(join(ROOT, 'test', 'fixtures', 'cli', 'double-post.json')).threads;
    const report = analyze([thread!], defaultConfig()).threads[0]!;
    for (const id of ['2', '3']) {
      const comment = report.comments.find((c) => c.id === id)!;
      expect(comment.reasons.map((r) => r.code), id).not.toContain('PROMO_AUTHOR_REPEAT');
      expect(comment.reasons.map((r) => r.code), id).toContain('DOUBLE_POST');
      expect(comment.flagged, id).toBe(false);
    }
    expect(report.clusters.map((c) => c.commentIds)).toEqual([['2', '3']]);
  });

  it('issue #11: a Reddit comment linking another Reddit thread is not flagged (real export)', () => {
    const [thread] = parseFile(realExport('reddit', 'thoughts_on_openai_o1.json')).threads;
    const report = analyze([thread!], defaultConfig()).threads[0]!;
    const comment = report.comments.find((c) => c.id === 'lmvt5or')!;
    expect(comment.text).toContain('https://www.reddit.com/r/ExperiencedDevs/');
    expect(comment.reasons.filter((r) => r.signal === 'promo').map((r) => r.code)).toEqual(['PROMO_LINK']);
    expect(comment.flagged).toBe(false);
    // A link to a video shared with a word of thanks is one cue too.
    expect(report.comments.find((c) => c.id === 'lucsg4p')!.flagged).toBe(false);
  });

  const single = [
    'http://example.com/a',
    'www.example.com/some/page',
    'please vote',
    'check this out',
    'my new song',
    'call me on 555-123-4567 or 555-765-4321',
    'message me on whatsapp',
    'reply STOP to end',
    'she won the raffle, you won your battles, and those earning $400,000 a year pay more',
  ];
  it.each(single)('one kind of cue is capped under the threshold: %s', (text) => {
    const findings = runSignal(promo, makeThread([text]));
    expect(strengthOf(findings)).toBeLessThanOrEqual(CAP);
    expect(flagged(makeThread([text]))).toBe(false);
  });

  const double = [
    ['a link and a call to action', 'check this out http://example.com/a'],
    ['a link and self-promotion', 'my new song http://example.com/a'],
    ['a call to action and a handle', 'follow me, insta: @dancer_jo'],
    ['a price and an opt-out', 'weekly ringtones 150p/msg, reply STOP to end'],
    ['two different calls to action', 'please check it out and subscribe'],
  ];
  it.each(double)('two kinds of cue flag: %s', (_, text) => {
    expect(strengthOf(runSignal(promo, makeThread([text])))).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(flagged(makeThread([text]))).toBe(true);
  });

  const patterns = [
    ['the poster pointing at themselves', "Check me out! I'm kyle, I rap so yeah", 'check-me-out'],
    ['a plea for subscribers', 'subscribe please', 'subscribe-please'],
    ['a plea for subscribers, the other way round', 'pls subscribe, thanks everyone', 'subscribe-please'],
    ['a pile of links', 'look http://a.example.com/1 http://b.example.com/2 http://c.example.com/3', 'link-flood'],
  ];
  it.each(patterns)('a spam pattern flags alone: %s', (_, text, entry) => {
    const findings = runSignal(promo, makeThread([text]));
    expect(findings.map((f) => f.reason.args.entry)).toContain(entry);
    expect(flagged(makeThread([text]))).toBe(true);
  });

  it('a link flood names how many links, and the first', () => {
    const thread = makeThread(['look http://a.example.com/1 http://b.example.com/2 http://c.example.com/3']);
    const flood = runSignal(promo, thread).find((f) => f.reason.code === 'PROMO_LINK_FLOOD')!;
    expect(flood.reason.args.links).toBe(3);
    expect(spanText(thread, flood)).toBe('http://a.example.com/1');
  });

  it('a cue beside a reference link stays one cue: a citation is not a second cue', () => {
    const thread = makeThread(['check it out: https://en.wikipedia.org/wiki/Budget and https://doi.org/10.1000/182']);
    const findings = runSignal(promo, thread);
    expect(findings.filter((f) => f.reason.code === 'PROMO_REFERENCE_LINK').map((f) => f.reason.args.reference)).toEqual(['encyclopedia', 'scholarly']);
    expect(strengthOf(findings)).toBeLessThanOrEqual(CAP);
  });

  it.each([
    ['https://arxiv.org/abs/2401.00001', 'scholarly'],
    ['https://www.nytimes.com/2024/01/01/world/x.html', 'news'],
    ['https://www.gov.uk/guidance/x', 'government'],
    ['https://datatracker.ietf.org/doc/html/rfc9110', 'standards'],
    ['https://history.stanford.edu/people', 'scholarly'],
  ])('%s is a reference link (%s)', (url, kind) => {
    const findings = runSignal(promo, makeThread([`see ${url}`]));
    expect(findings.map((f) => [f.reason.code, f.reason.args.reference])).toEqual([['PROMO_REFERENCE_LINK', kind]]);
  });

  it("a link to the article itself is weak evidence; another page of the article's site is an ordinary link", () => {
    const article = 'https://www.example-news.com/2024/budget-story/';
    const thread = withUrl(makeThread(['as the article says http://example-news.com/2024/budget-story', 'more here: https://example-news.com/2024/other']), article);
    const findings = runSignal(promo, thread);
    expect(on(findings, '1').map((f) => [f.reason.code, f.reason.args.reference])).toEqual([['PROMO_REFERENCE_LINK', 'article']]);
    expect(on(findings, '2').map((f) => f.reason.code)).toEqual(['PROMO_LINK']);
    // Two comments linking the article's own site are not a campaign.
    expect(findings.some((f) => f.reason.code === 'PROMO_REPEATED_SITE')).toBe(false);
  });

  it('a link to another video beside self-promotion is the classic spam and stays strong', () => {
    const thread = withUrl(makeThread(['my new song, take a listen https://www.youtube.com/watch?v=abc123XYZ']), 'https://www.youtube.com/watch?v=zzz999');
    const findings = runSignal(promo, thread);
    expect(findings.map((f) => f.reason.args.entry)).toEqual(['my-work', 'take-a-listen', 'url']);
    expect(strengthOf(findings)).toBeGreaterThanOrEqual(0.7);
    expect(flagged(thread)).toBe(true);
    // The same video as the thread's: the article itself.
    const self = withUrl(makeThread(['at 1:20 https://www.youtube.com/watch?v=zzz999']), 'https://www.youtube.com/watch?v=zzz999');
    expect(runSignal(promo, self).map((f) => f.reason.args.reference)).toEqual(['article']);
  });

  it('the same link in two comments is a spam pattern, referral ids aside, with the other comments as related', () => {
    const thread = makeThread(['great video', 'http://deals.example.com/offer?ref=111', 'lol', 'wow http://deals.example.com/offer?ref=222']);
    const findings = runSignal(promo, thread);
    const repeated = findings.filter((f) => f.reason.code === 'PROMO_REPEATED_LINK');
    expect(repeated.map((f) => [f.commentId, f.related, f.reason.args.comments])).toEqual([['2', ['4'], 2], ['4', ['2'], 2]]);
    expect(strengthOf(findings, '2')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    // The quoted address is this comment's; the message says the others are not written alike.
    expect(promo.messages.PROMO_REPEATED_LINK(repeated[0]!.reason.args)).toBe(
      'link “http://deals.example.com/offer?ref=111” posted in 2 comments (some with other referral or tracking ids): the same link is posted in other comments of this thread: links are advertised by repetition',
    );
    const alike = runSignal(promo, makeThread(['http://deals.example.com/offer', 'lol', 'http://deals.example.com/offer'])).find((f) => f.reason.code === 'PROMO_REPEATED_LINK')!;
    expect(alike.reason.args).not.toHaveProperty('variants');
    expect(promo.messages.PROMO_REPEATED_LINK(alike.reason.args)).toMatch(/^link “http:\/\/deals\.example\.com\/offer” posted in 2 comments: /);
    // Each link is also a referral link: its note says so.
    expect(on(findings, '2').find((f) => f.reason.code === 'PROMO_LINK')!.reason.args.marks).toEqual([expect.objectContaining({ entry: 'tracking-parameter', role: 'pattern' })]);
  });

  it('links to one site from several comments are a second cue beside each link', () => {
    const thread = makeThread(['http://shop.example.org/item/1', 'nice', 'http://www.example.org/item/2']);
    const findings = runSignal(promo, thread);
    expect(findings.filter((f) => f.reason.code === 'PROMO_REPEATED_SITE').map((f) => [f.commentId, f.reason.args.site, f.related])).toEqual([
      ['1', 'example.org', ['3']],
      ['3', 'example.org', ['1']],
    ]);
    expect(strengthOf(findings, '1')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    // One such link alone is one cue.
    expect(strengthOf(runSignal(promo, makeThread(['http://shop.example.org/item/1', 'nice'])))).toBeLessThanOrEqual(CAP);
  });

  it('a cut-off address ("http://t…") is a link but never the same link as another cut-off one', () => {
    const thread = makeThread(['RT so true http://t&#8230;', 'RT no way http://t&#8230;']);
    expect(runSignal(promo, thread).some((f) => f.reason.code.startsWith('PROMO_REPEATED'))).toBe(false);
  });

  it('singleCueCap is an option: a site where a bare link is always spam may let one cue flag', () => {
    const thread = makeThread(['http://example.com/a']);
    expect(strengthOf(runSignal(promo, thread, { singleCueCap: 0.5 }))).toBe(0.5);
    expect(strengthOf(runSignal(promo, thread))).toBe(CAP);
  });
});

describe('promo: kinds of video-comment spam that are two cues or a known pattern (issue #11)', () => {
  // Written for these tests in the manner of each kind; none is a row of a data set. Each kind has a
  // near-miss a viewer or reader would write, which stays unflagged.
  const spam: Array<[string, string, string[]]> = [
    ['a call to subscribe to a named account', 'subscribe to +DanceWithJo for more tutorials', ['subscribe-to-handle']],
    ['a call to subscribe to a named account, with @', 'sub to @jo_dances', ['subscribe-to-handle']],
    ['a subscription request spread apart by dots', 'SUBSCRIBE ..... to ..... my ..... channel', ['subscribe-to-me']],
    ['a subscription request with a double space', 'Subscribe  to me, thank you', ['subscribe-to-me']],
    ['a subscription asked for oneself', 'first comment! subscribe for me', ['subscribe-to-me']],
    ['the stock call the other way round', 'subscribe and like for more videos', ['like-and-subscribe']],
    ['a plea for subscribers, as a noun', 'subscribers please!!', ['subscribe-please']],
    ['asking to be subscribed to', 'please become my first subscriber', ['audience-goal']],
    ['counting the subscribers wanted', 'help me get 500 subscribers before summer', ['audience-goal']],
    ['asking for some subscribers', 'it would be nice if i got some subs', ['audience-goal']],
    ['a channel as the thing to look at', 'check out this channel for epic gaming videos', ['check-out-channel']],
    ['a named channel as the thing to look at', 'check out jo_dances channel', ['check-out-channel']],
    ["the poster's own work, looked at in the past tense", 'it would mean a lot if you checked out some of my remixes', ['check-out-mine']],
    ["a creator's new single", 'check my new single, out today', ['check-out-mine']],
    ['a first-person cover beside a call to action', 'I did a cover of this song, check it out', ['my-work', 'check-out']],
    ['new work beside a plea for a moment', 'we made a new video, please take a second to watch it', ['my-work', 'spare-a-moment']],
    ["a platform's share text, its name cut off", 'Check out this video on YouTu', ['platform-share-text']],
    ['a subscription request spread apart by dots and spaces', '...subscribe....  ....to my....  ....channel....', ['subscribe-to-me']],
    ['the poster pointing at themselves, in the progressive', 'help me out by checking me out?', ['check-me-out']],
    ['money for simple tasks', 'you can earn money by doing simple tasks, sign up free', ['earn-money']],
  ];
  it.each(spam)('flags %s', (_, text, entries) => {
    const findings = runSignal(promo, makeThread([text]));
    expect(findings.map((f) => f.reason.args.entry)).toEqual(expect.arrayContaining(entries));
    for (const f of findings) expect(f.reason.args.note && f.reason.args.source).toBeTruthy();
    expect(flagged(makeThread([text]))).toBe(true);
  });

  const human = [
    'check out the article, it explains the budget well',
    'subscribe to the newsletter of the Times if you want the full story',
    'I subscribed to the Times in 1998 and still read it',
    'I subscribed. To my surprise the paper came the next day',
    'I subscribed and liked it, great video',
    'check out the History Channel documentary on this',
    'check out their channel, they deserve more views',
    'this channel got 3m subscribers in a year',
    'I became a subscriber in 2010',
    'I made a video of my cat doing this',
    'we recorded a song for my grandmother once',
    'take a moment to check the figures before you reply',
    'subscribe',
    'thumbs up if you are watching in 2015',
    '@jo_dances subscribed, keep it up',
    'follow @city_transit for the detour updates',
    'I earn money by doing what I love',
    'checking out the new library this weekend',
  ];
  it.each(human)('leaves a near-miss alone: %s', (text) => {
    expect(strengthOf(runSignal(promo, makeThread([text])))).toBeLessThanOrEqual(CAP);
    expect(flagged(makeThread([text]))).toBe(false);
  });

  it('reads "like if" and "follow me" as orders only where they are, "on autopilot" and "donate" as money bait only with money', () => {
    const entries = (text: string) => runSignal(promo, makeThread([text])).map((f) => f.reason.args.entry);
    for (const order of ['Like if you agree', 'great song.. thumbs up if you are watching in 2015', 'Who is here in 2015? Like if you are!']) {
      expect(entries(order), order).toContain('like-if');
    }
    for (const comparison of ["It's like if you were to put a blanket over a stereo", 'my arm felt like if I had dislocated my elbow']) {
      expect(entries(comparison), comparison).not.toContain('like-if');
    }
    expect(entries('I generate free leads on auto pilot & you can too')).toContain('work-from-home');
    expect(entries('Make money on autopilot with this one trick')).toContain('work-from-home');
    expect(entries('Birds keep flying on autopilot while half the brain sleeps')).not.toContain('work-from-home');
    for (const plea of ['if you could donate some money to me', 'Donate please.', 'donate £2.50 to the fund by texting DONATE to 864233']) {
      expect(entries(plea), plea).toContain('fundraising');
    }
    for (const order of ['Follow me and catch one of my streams', 'retweet this for me & follow me so I can reach my goal']) {
      expect(entries(order), order).toContain('follow-request');
    }
    for (const prose of ['then I will still follow my native State', 'this myth will follow me to the grave', "these answers didn't follow our rules"]) {
      expect(entries(prose), prose).not.toContain('follow-request');
    }
    // "please donate" is please-act's (the first entry wins an overlap).
    expect(entries('please donate to help my dog')).toContain('please-act');
    for (const gift of ['I donate blood every month', 'people looking to donate items should call first', 'donate appreciated assets to a fund']) {
      expect(entries(gift), gift).not.toContain('fundraising');
    }
  });
});

describe('promo: what a link address shows (issue #11)', () => {
  const marked: Array<[string, string, string]> = [
    ['an Amazon Associates store id', 'great read https://www.amazon.com/dp/B00X1Y2Z3A?tag=jobooks-20', 'affiliate-tag'],
    ['an eBay Partner Network campaign', 'http://rover.ebay.com/rover/1/710-1/1?campid=5337555197&toolid=10001', 'affiliate-tag'],
    ['a referral id in the path', 'easiest money ever https://www.example-rewards.com/ref/jo1999', 'tracking-parameter'],
    ["an advert's click-tracking address", 'http://www.googleadservices.com/pagead/aclk?sa=L&ai=CSy0', 'ad-click'],
  ];
  it.each(marked)('%s is a known spam pattern', (_, text, mark) => {
    const findings = runSignal(promo, makeThread([text]));
    const link = findings.find((f) => f.reason.code === 'PROMO_LINK')!;
    expect(link.reason.args.marks).toEqual([expect.objectContaining({ entry: mark, role: 'pattern' })]);
    expect(flagged(makeThread([text]))).toBe(true);
  });

  it.each([
    ["a shop's own page reference (/ref=...), not a referral", 'https://www.amazon.com/Some-Book/dp/B00X1Y2Z3A/ref=sr_1_7'],
    ['a tag that is no store id', 'https://www.example.com/posts?tag=budget-2024'],
    ['a Reddit subreddit path', 'https://www.reddit.com/r/ExperiencedDevs/comments/abc'],
  ])('%s is an ordinary link', (_, text) => {
    const findings = runSignal(promo, makeThread([text]));
    expect(findings.flatMap((f) => (f.reason.args.marks as unknown[] | undefined) ?? [])).toEqual([]);
    expect(flagged(makeThread([text]))).toBe(false);
  });
});

describe('promo: text-message spam families', () => {
  // Written for these tests in the manner of each family; none is a row of a data set.
  const spam: Array<[string, string, string[]]> = [
    ['prize and claim bait', 'Congratulations! You have won a £750 prize. To claim, call 09011122233 today', ['prize-won', 'cash-prize-amount', 'selected-to-receive']],
    ['a premium-rate short code', 'Fancy a weekly quiz? Text QUIZ to 81234 now', ['short-code-keyword']],
    ['a selection notice', 'Your number has been selected to receive a bonus of £200', ['selected-to-receive']],
    ['small print of a paid service', 'New tones each week 300p/wk. Send STOP to end. T&Cs apply, PO Box 12', ['price-per-message', 'opt-out', 'terms-apply', 'po-box']],
    ['a premium-rate callback', 'I am waiting for you, ring now 09055566677 hot chat', ['call-premium-number']],
  ];
  it.each(spam)('flags %s', (_, text, entries) => {
    const findings = runSignal(promo, makeThread([text]));
    for (const e of entries) expect(findings.map((f) => f.reason.args.entry)).toContain(e);
    expect(flagged(makeThread([text]))).toBe(true);
  });

  const ham = [
    "I'll call you later, text me when you're free",
    'We won 3-1 last night!! drinks at 8?',
    'Can you ring me on 07123456789 when you land',
    'The bus was late again, 20 mins, cost me 2 quid for a coffee',
    'have you been selected for the team? text me the news',
    'Call me now pls, urgent',
    'my ringtone is that song from the advert lol',
  ];
  it.each(ham)('leaves an ordinary message alone: %s', (text) => {
    expect(flagged(makeThread([text]))).toBe(false);
  });
});

describe('promo reasons', () => {
  it('every code promo emits has its own wording, naming the matched text', () => {
    const thread = withUrl(
      makeThread([
        'my new song, take a listen http://a.example.com/x?ref=abc123 please subscribe, 150p/msg, reply STOP, T&Cs apply, free entry, you have won a £500 prize, call 555-123-4567',
        'source: https://en.wikipedia.org/wiki/Budget',
        'again http://a.example.com/x and http://b.example.com/y',
        'more http://c.example.com/z',
        'and http://c.example.com/w',
      ]),
      'https://news.example.net/story',
    );
    const findings = runSignal(promo, thread).filter((f) => f.reason.code !== 'PROMO_AUTHOR_REPEAT');
    const codes = new Set(findings.map((f) => f.reason.code));
    expect([...codes].sort()).toEqual(['PROMO_CALL_TO_ACTION', 'PROMO_CONTACT', 'PROMO_LINK', 'PROMO_MONEY', 'PROMO_OFFER', 'PROMO_PRICE', 'PROMO_REFERENCE_LINK', 'PROMO_REPEATED_LINK', 'PROMO_REPEATED_SITE', 'PROMO_SELF', 'PROMO_TERMS']);
    for (const f of findings) {
      const message = formatReason(f.reason);
      expect(message, f.reason.code).not.toBe(f.reason.code);
      expect(message, f.reason.code).toContain(String(f.reason.args.text));
    }
  });
});

describe('promo helpers', () => {
  it.each([
    ['https://www.Example.com/a/b/?x=1#top', 'example.com', '/a/b/?x=1'],
    ['m.facebook.com/pages/x', 'facebook.com', '/pages/x'],
    ['mysite . com', 'mysite.com', ''],
    ['site(dot)net/path/', 'site.net', '/path'],
  ])('linkTarget(%s)', (text, host, path) => {
    expect(linkTarget(text)).toEqual({ host, path });
  });

  it.each([
    ['m.facebook.com', 'facebook.com'],
    ['a.b.example.co.uk', 'example.co.uk'],
    ['example.com.au', 'example.com.au'],
    ['sub.example.org', 'example.org'],
  ])('siteOf(%s) is %s', (host, site) => {
    expect(siteOf(host)).toBe(site);
  });

  it('link marks and reference sites: unique ids, a note and a source, every pattern safe', () => {
    for (const list of [LINK_MARKS, REFERENCE_SITES]) {
      const ids = list.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    for (const e of LINK_MARKS) {
      expect(hasNestedQuantifier(e.pattern), e.id).toBe(false);
      expect(e.note && e.source, e.id).toBeTruthy();
    }
    for (const site of REFERENCE_SITES) {
      expect(hasNestedQuantifier(site.hosts), site.id).toBe(false);
      expect(() => new RegExp(`^(?:${site.hosts})$`, 'u'), site.id).not.toThrow();
      expect(site.note && site.source, site.id).toBeTruthy();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { echoReply } from '../../src/signals/echo-reply.js';
import { makeThread, runSignal, spanText } from '../helpers.js';

const PARENT = 'The new stadium deal hands the owners forty million in tax breaks with no local hiring rules.';

describe('echo-reply', () => {
  const invalid: Array<{ reply: string; opener: string; code: string }> = [
    { reply: 'Absolutely. Forty million in tax breaks for the owners, and no local hiring rules at all.', opener: 'Absolutely.', code: 'ECHO_REPLY_RESTATES' },
    { reply: 'You’re right, the stadium tax breaks with no hiring rules are a problem.', opener: 'You’re right', code: 'ECHO_REPLY_RESTATES' },
    { reply: 'Excellent point. The owners get tax breaks while locals get nothing.', opener: 'Excellent point', code: 'ECHO_REPLY_RESTATES' },
    { reply: 'Agreed. This will be a key challenge for everyone going forward.', opener: 'Agreed.', code: 'ECHO_REPLY' },
    { reply: 'Indeed, a significant counterweight to everything else.', opener: 'Indeed,', code: 'ECHO_REPLY' },
    { reply: 'You make a fair point. Careful management by all parties is required.', opener: 'You make a fair point', code: 'ECHO_REPLY' },
  ];
  it.each(invalid)('flags "$opener" replying to the comment before', ({ reply, opener, code }) => {
    const thread = makeThread([PARENT, reply]);
    const findings = runSignal(echoReply, thread);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.commentId).toBe('2');
    expect(f.reason.code).toBe(code);
    expect(f.related).toEqual(['1']);
    expect(spanText(thread, f)).toBe(opener);
  });

  it('restating the parent is stronger evidence than agreeing alone', () => {
    const restates = runSignal(echoReply, makeThread([PARENT, invalid[0]!.reply]))[0]!;
    const bare = runSignal(echoReply, makeThread([PARENT, invalid[3]!.reply]))[0]!;
    expect(restates.strength).toBeGreaterThan(bare.strength);
    expect(restates.reason.args.sharedTerms).toEqual(expect.arrayContaining(['forty', 'million', 'tax']));
  });

  it("does not count the opener's own words as a restatement", () => {
    // The parent says "absolutely"; the reply repeats it only inside its agreeing opener.
    const parent = 'The council is absolutely wrong to close the library branch.';
    const [f] = runSignal(echoReply, makeThread([parent, 'You are absolutely correct. My kids use it every weekend for homework.']));
    expect(f!.reason.code).toBe('ECHO_REPLY');
    expect(f!.reason.args.sharedTerms).toEqual([]);
  });

  it('uses the recorded parent when the export has parent ids', () => {
    const thread = makeThread([
      { id: 'a', text: PARENT },
      { id: 'b', text: 'Parking downtown is impossible on game days already.' },
      { id: 'c', parentId: 'a', text: 'Agreed, forty million in tax breaks and no hiring rules is outrageous.' },
    ]);
    const findings = runSignal(echoReply, thread);
    expect(findings.map((f) => [f.commentId, f.related, f.reason.code])).toEqual([['c', ['a'], 'ECHO_REPLY_RESTATES']]);
  });

  const valid = [
    'Absolutely not. The deal was voted down twice and they brought it back anyway.',
    'I agree with nothing in this article, and here is why: the numbers are from 2012.',
    'The stadium will open in 2027 according to the city.',
    'Agreedment is not a word, but the deal is still bad.',
  ];
  it.each(valid)('no finding: %s', (reply) => {
    expect(runSignal(echoReply, makeThread([PARENT, reply]))).toEqual([]);
  });

  it('a first comment has nothing to echo', () => {
    expect(runSignal(echoReply, makeThread(['Absolutely. Great stuff.']))).toEqual([]);
  });
});

describe('echo-reply in threaded exports', () => {
  it('a top-level comment in an export with parent ids answers nobody', () => {
    const thread = makeThread([
      { id: 'a', text: PARENT },
      { id: 'b', parentId: 'a', text: 'The owners lobbied for years for this.' },
      { id: 'c', text: 'Absolutely. Forty million in tax breaks for the owners, and no local hiring rules at all.' },
    ]);
    expect(runSignal(echoReply, thread)).toEqual([]);
  });
});

describe('echo-reply: a comment that names itself as its parent (issue #12, item 10)', () => {
  it('is no echo of itself', () => {
    const thread = makeThread([PARENT, { id: 'x', text: 'Absolutely. Forty million in tax breaks for the owners.', parentId: 'x' }]);
    expect(runSignal(echoReply, thread)).toEqual([]);
  });
});

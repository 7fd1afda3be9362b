import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { defaultConfig } from '../../src/config.js';
import { SELF_DECLARED_BOT } from '../../src/data/self-declared-bot.js';
import { topLevelAlternatives } from '../../src/text/regex-safety.js';
import { selfDeclaredBot } from '../../src/signals/self-declared-bot.js';
import { parseFile, realExport } from '../parsers/support.js';
import { makeThread, runSignal, spanText } from '../helpers.js';

describe('self-declared-bot', () => {
  const invalid: Array<{ text: string; entries: string[]; spans: string[] }> = [
    {
      text: 'Your post was removed for breaking rule 3.\n\n*I am a bot, and this action was performed automatically. Please contact the moderators if you have questions.*',
      entries: ['i-am-a-bot', 'action-performed-automatically'],
      spans: ['I am a bot', 'this action was performed automatically'],
    },
    { text: "I'm a bot, beep boop | Downvote to remove", entries: ['i-am-a-bot', 'beep-boop'], spans: ["I'm a bot", 'beep boop'] },
    { text: '----\n^^I\'m ^^a ^^bot, ^^beep ^^boop ^^| ^^[Info](https://np.reddit.com/r/sneakpeekbot/)', entries: ['i-am-a-bot', 'beep-boop'], spans: ["I'm ^^a ^^bot", 'beep ^^boop'] },
    { text: 'Here is the converted timestamp: 5 PM UTC. ^(I am a bot that converts times)', entries: ['i-am-a-bot'], spans: ['I am a bot'] },
    { text: 'I’m just a bot. Reply "delete" to remove this comment.', entries: ['i-am-a-bot'], spans: ['I’m just a bot'] },
    { text: 'Summary: the bill passed 52-48. This comment was generated automatically.', entries: ['generated-automatically'], spans: ['This comment was generated automatically'] },
    { text: 'This is an automated message: your submission is awaiting approval.', entries: ['automated-message'], spans: ['This is an automated message'] },
  ];
  it.each(invalid)('finds the declaration: $text', ({ text, entries, spans }) => {
    const thread = makeThread([text]);
    const findings = runSignal(selfDeclaredBot, thread);
    expect(findings.map((f) => f.reason.code)).toEqual(entries.map(() => 'SELF_DECLARED_BOT'));
    expect(findings.map((f) => f.reason.args.entry)).toEqual(entries);
    expect(findings.map((f) => spanText(thread, f))).toEqual(spans);
    for (const f of findings) expect(f.reason.args.phrase).toBe(spanText(thread, f));
  });

  const valid = [
    'am I a bot?',
    'Am I a bot? Honestly some days I wonder.',
    "I'm not a bot, I just type fast.",
    'I am not a bot and I resent the question.',
    "Do you think I'm a bot?",
    "People keep saying I'm a bot because I post a lot.",
    "So now I'm a bot? Grow up.",
    'If I am a bot, then so are you.',
    'Good bot.',
    'bad bot',
    'Is this a bot? It replied in two seconds.',
    "I'm a botanist, not a bot hunter.",
    'Every reply here reads like a bot wrote it.',
    '> I am a bot, and this action was performed automatically.\n\nThe automod removed my post for no reason.',
  ];
  it.each(valid)('leaves people alone: %s', (text) => {
    expect(runSignal(selfDeclaredBot, makeThread([text]))).toEqual([]);
  });

  it('"beep boop" alone is weak evidence; with "I\'m a bot" it is full', () => {
    const alone = runSignal(selfDeclaredBot, makeThread(['beep boop, I love this song']));
    expect(alone.map((f) => [f.reason.args.entry, f.strength])).toEqual([['beep-boop', 0.4]]);
    const both = runSignal(selfDeclaredBot, makeThread(["I'm a bot, beep boop"]));
    expect(both.every((f) => f.strength === 1)).toBe(true);
  });

  it('the real sneakpeekbot reply in a Reddit export is flagged at the default threshold, and only it', () => {
    const { threads } = parseFile(realExport('reddit', 'thoughts_on_openai_o1.json'));
    const report = analyze(threads, defaultConfig()).threads[0]!;
    const declared = report.comments.filter((c) => c.reasons.some((r) => r.signal === 'self-declared-bot'));
    expect(declared.map((c) => [c.id, c.author, c.flagged])).toEqual([['lmwk734', 'sneakpeekbot', true]]);
    expect(declared[0]!.score).toBeGreaterThanOrEqual(0.9);
    expect(declared[0]!.reasons.filter((r) => r.signal === 'self-declared-bot').map((r) => r.args.entry)).toEqual(['i-am-a-bot', 'beep-boop']);
  });

  it('no comment of the other real Reddit export declares itself a bot', () => {
    const { threads } = parseFile(realExport('reddit', 'openai_o1_vs_recent_leetcode_questions.json'));
    expect(runSignal(selfDeclaredBot, threads[0]!)).toEqual([]);
  });
});

describe('self-declared-bot: the quick test before the phrase scan', () => {
  it('every entry needs "bot", "automat", "beep" or "bleep", so the quick test skips no match', () => {
    for (const entry of SELF_DECLARED_BOT) expect(entry.pattern, entry.id).toMatch(/bot|automat|beep|bleep/);
    for (const entry of SELF_DECLARED_BOT) {
      for (const alternative of topLevelAlternatives(entry.pattern)) expect(alternative, entry.id).toMatch(/bot|automat|beep|bleep/);
    }
  });
});

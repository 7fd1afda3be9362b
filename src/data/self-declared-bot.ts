/**
 * How bots declare themselves: Reddit's AutoModerator footer, the "I'm a bot, beep boop" of helper bots,
 * "this comment was generated automatically". Narrow on purpose: a person asking "am I a bot?", saying
 * "I'm not a bot", "people think I'm a bot" or "good bot" must not match (test/signals/self-declared-bot.test.ts).
 * "I'm a bot" counts only where a sentence or a footer starts, and not as a question. Carets of Reddit
 * superscript ("^^I'm ^^a ^^bot") are read as spaces by the signal.
 */
import type { PhraseEntry } from './types.js';

const REDDIT = 'Reddit bot footers: AutoModerator ("I am a bot, and this action was performed automatically"), helper bots such as sneakpeekbot ("I\'m a bot, beep boop")';
const AUTOMATED = 'automated-reply notices of comment and support bots';

/** Where a declaration may start: the text's start, or after sentence or footer punctuation (and markup). */
const STARTS = "(?<=^|[.!?:;|()*_>~\\n\\u2014\\u2013-]\\s{0,3})";

export const SELF_DECLARED_BOT: readonly PhraseEntry[] = [
  {
    id: 'i-am-a-bot',
    pattern: `${STARTS}i(?:'m|\\s+am)\\s+(?:just\\s+|only\\s+)?a\\s+(?:friendly\\s+|simple\\s+|helpful\\s+|little\\s+)?bot(?=\\s*(?:$|[,.!;:|)(*_\\u2014\\u2013-]|and\\b|that\\b|beep\\b|bleep\\b))`,
    note: 'the comment says it was written by a bot',
    source: REDDIT,
    weight: 1,
  },
  {
    id: 'action-performed-automatically',
    pattern: '\\bthis action was performed automatically\\b',
    note: "AutoModerator's footer: the comment was posted by a moderation bot",
    source: REDDIT,
    weight: 1,
  },
  {
    id: 'generated-automatically',
    pattern:
      '\\b(?:this|the above) (?:comment|reply|message|post|response) (?:was|is|has been) (?:automatically (?:generated|posted|written|created)|(?:generated|posted|written|created) (?:automatically|by a bot))\\b',
    note: 'the comment says it was generated automatically',
    source: AUTOMATED,
    weight: 1,
  },
  {
    id: 'automated-message',
    pattern: '\\bthis (?:is|was) an (?:automated|automatic) (?:message|reply|response|comment|post)\\b',
    note: 'the comment calls itself automated',
    source: AUTOMATED,
    weight: 0.9,
  },
  {
    id: 'beep-boop',
    pattern: '\\b(?:beep|bleep),?\\s+(?:beep,?\\s+)?(?:boop|bloop|bop)\\b',
    note: 'the bot sign-off "beep boop"; people joke with it too, so alone it is weak',
    source: REDDIT,
    weight: 0.4,
  },
];

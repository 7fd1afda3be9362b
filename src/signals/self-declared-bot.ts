import { SELF_DECLARED_BOT } from '../data/self-declared-bot.js';
import { threadFeatures } from '../text/features.js';
import { combineWeights, DEFAULT_PHRASE_WEIGHT, matchPhrases } from '../text/phrases.js';
import type { Finding, Signal } from '../types.js';
import { quote } from './wording.js';

/** The reason codes this signal emits; each has its sentence in `messages`. */
export type SelfDeclaredBotCode = 'SELF_DECLARED_BOT';

/** Every entry needs one of these words; one native test spares the phrase scan for nearly every comment. */
const MAY_DECLARE = /bot|automat|beep|bleep/i;

/**
 * A comment that says it is a bot ("I am a bot, and this action was performed automatically", "I'm a bot,
 * beep boop"). One finding per declaration; strength combines them like boilerplate's phrases.
 *
 * Weight 0.9, so that one clear declaration (strength 1) scores 0.9 and is flagged at the default
 * threshold 0.45: nobody has better evidence than the bot's own word, and the patterns are narrow enough
 * that people asking "am I a bot?" or saying "I'm not a bot" do not match (src/data/self-declared-bot.ts).
 * "beep boop" alone (strength 0.4) scores 0.36 and is not flagged: people joke with it.
 *
 * Language-neutral: the declarations are English, but a match means the same under a comment in any
 * language (bots often sign in English), and no match claims nothing.
 */
export const selfDeclaredBot: Signal<object, SelfDeclaredBotCode> = {
  id: 'self-declared-bot',
  description: 'Comments that say they are a bot ("I am a bot, and this action was performed automatically", "beep boop")',
  weight: 0.9,
  defaultOptions: {},
  optionsSchema: {},
  messages: {
    SELF_DECLARED_BOT: (a) => `says it is a bot: ${quote(a.phrase)} (${String(a.note)})`,
  },
  meanings: {
    SELF_DECLARED_BOT:
      'The comment says it is automated ("I am a bot", "this action was performed automatically", "beep boop"): `args.phrase` is the matched words, `args.note` the list entry\'s note.',
  },
  analyze(thread) {
    const features = threadFeatures(thread);
    const findings: Finding<SelfDeclaredBotCode>[] = [];
    thread.comments.forEach((comment, i) => {
      if (!MAY_DECLARE.test(comment.text)) return;
      // Reddit superscript (^^I'm ^^a ^^bot) read as spaces: same length, so spans still point into the text.
      const text = comment.text.includes('^') ? comment.text.replace(/\^/g, ' ') : comment.text;
      // A person quoting a bot ("> I am a bot...") is not one.
      const quotes = features.comments[i]!.quotes;
      const matches = matchPhrases(text, SELF_DECLARED_BOT).filter((m) => !quotes.some(([s, e]) => m.span[0] < e && s < m.span[1]));
      if (matches.length === 0) return;
      const strength = combineWeights(matches.map((m) => m.entry.weight ?? DEFAULT_PHRASE_WEIGHT));
      for (const m of matches) {
        findings.push({
          signal: 'self-declared-bot',
          commentId: comment.id,
          strength,
          reason: {
            code: 'SELF_DECLARED_BOT',
            args: { phrase: comment.text.slice(m.span[0], m.span[1]), entry: m.entry.id, note: m.entry.note, source: m.entry.source },
          },
          span: m.span,
        });
      }
    });
    return findings;
  },
};

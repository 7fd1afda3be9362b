import type { Anchor } from '../text/article.js';
import { threadFeatures } from '../text/features.js';
import { lemmaRank } from '../text/word-frequency.js';
import type { Finding, Signal } from '../types.js';
import { whole } from '../options.js';
import { list } from './wording.js';

/** The reason codes this signal emits; each has its sentence in `messages`. */
export type UngroundedCode = 'UNGROUNDED' | 'WEAKLY_GROUNDED';

export interface UngroundedOptions {
  /** Comments with fewer content words than this are too short to judge. */
  minContentWords: number;
  /** Distinct article specifics a comment must mention to count as engaging with the article. */
  minAnchors: number;
}

/**
 * A comment that engages with nothing specific to the article: no name, number, rare term or phrase
 * from the body beyond its title and lede. Naming what the article is about ("China and Russia") is not
 * engagement. Silent when the thread has no article text to compare against.
 */
/**
 * Strength of a comment that names too few of the article's specifics: the share of the required
 * specifics it misses, scaled by its length. Longer text that still says nothing particular is stronger
 * evidence than a short aside: 0.4 of the strength at no content words, full from 15 content words.
 */
const SHORT_FACTOR = 0.4;
const FULL_LENGTH_WORDS = 25;
function ungroundedStrength(matched: number, minAnchors: number, contentWords: number): number {
  const lengthFactor = Math.min(1, SHORT_FACTOR + contentWords / FULL_LENGTH_WORDS);
  return (1 - matched / minAnchors) * lengthFactor;
}

const withoutPossessive = (text: string) => text.replace(/['’]s$/u, '');

/**
 * Examples of the article's specifics for the moderator: its rarest names (then terms), as written
 * (possessive dropped). A name the article writes beside another ("Yuri Ushakov", "Abu Dhabi") is shown
 * whole, once, not as two names.
 */
function articleExamples(anchors: ReadonlyMap<string, Anchor>): string[] {
  const singles = [...anchors]
    .filter(([, a]) => a.kind === 'name' || a.kind === 'term')
    .map(([stem, a], order) => ({ stem, name: a.kind === 'name', text: withoutPossessive(a.text), rank: lemmaRank(withoutPossessive(a.text).toLowerCase()), order }))
    .sort((a, b) => Number(b.name) - Number(a.name) || b.rank - a.rank || a.order - b.order);
  const examples: string[] = [];
  const shown = new Set<string>();
  for (const single of singles) {
    if (examples.length === 4) break;
    if (shown.has(single.stem)) continue;
    shown.add(single.stem);
    const whole = single.name ? wholeName(anchors, single.stem) : undefined;
    if (whole) shown.add(whole.other);
    examples.push(whole ? withoutPossessive(whole.text) : single.text);
  }
  return examples;
}

/** The article's phrase of name `stem` and a name written next to it, if there is one. */
function wholeName(anchors: ReadonlyMap<string, Anchor>, stem: string): { text: string; other: string } | undefined {
  for (const [key, a] of anchors) {
    if (a.kind !== 'phrase') continue;
    const space = key.indexOf(' ');
    const [first, second] = [key.slice(0, space), key.slice(space + 1)];
    const other = first === stem ? second : second === stem ? first : undefined;
    // Two capitalised words side by side ("Beijing by British" is two names, not one).
    if (other !== undefined && anchors.get(other)?.kind === 'name' && /^\p{Lu}\S* \p{Lu}\S*$/u.test(a.text)) return { text: a.text, other };
  }
  return undefined;
}

export const ungrounded: Signal<UngroundedOptions, UngroundedCode> = {
  id: 'ungrounded',
  description: "Comments that mention none of the article's specifics (names, numbers, terms, phrases) and could sit under any article on the topic",
  weight: 0.35,
  // Finds the article's specifics in a comment by English stems and word frequencies.
  languages: ['eng'],
  defaultOptions: { minContentWords: 6, minAnchors: 2 },
  // minAnchors divides: at least 1.
  optionsSchema: { minContentWords: whole(1, 1000), minAnchors: whole(1, 1000) },
  messages: {
    UNGROUNDED: (a) =>
      `mentions nothing specific to the article${(a.topicTerms as unknown[]).length ? ` beyond its topic (${list(a.topicTerms)})` : ''}; the article's specifics include ${list(a.articleSpecifics)}`,
    WEAKLY_GROUNDED: (a) =>
      `mentions only one specific of the article (${list(a.specificsMentioned)}); the rest could sit under any article on the topic`,
  },
  meanings: {
    UNGROUNDED:
      "A comment long enough to say something (`minContentWords`) that mentions none of the article's specifics (names, numbers, distinctive terms): it could sit under any article on the topic.",
    WEAKLY_GROUNDED:
      "Mentions only one of the article's specifics where `minAnchors` are expected: mostly generic, weaker evidence than UNGROUNDED.",
  },
  analyze(thread, ctx) {
    const features = threadFeatures(thread);
    const { article } = features;
    if (!article.judgeable) return [];
    const examples = articleExamples(article.anchors);
    // First words of the article's phrase specifics: a word pair can only be one if it starts with one.
    const phraseStarts = new Set([...article.anchors.keys()].filter((key) => key.includes(' ')).map((key) => key.slice(0, key.indexOf(' '))));
    const findings: Finding<UngroundedCode>[] = [];
    thread.comments.forEach((comment, i) => {
      const f = features.comments[i]!;
      if (f.content.length < ctx.options.minContentWords) return;
      const matched = new Map<string, string>();
      const content = f.content;
      for (let k = 0; k < content.length; k++) {
        const stem = content.stem(k);
        if (article.anchors.has(stem)) matched.set(stem, comment.text.slice(content.start(k), content.end(k)));
      }
      const pairs = f.pairs;
      for (let p = 0; p < pairs.length; p++) {
        const k = pairs[p]!;
        if (!phraseStarts.has(content.stem(k - 1))) continue;
        const key = `${content.stem(k - 1)} ${content.stem(k)}`;
        if (article.anchors.has(key)) matched.set(key, comment.text.slice(content.start(k - 1), content.end(k)));
      }
      if (matched.size >= ctx.options.minAnchors) return;
      const topicMentions: string[] = [];
      for (let k = 0; k < content.length; k++) {
        if (article.topicStems.has(content.stem(k)) && !topicMentions.includes(content.lower(k))) topicMentions.push(content.lower(k));
      }
      const strength = ungroundedStrength(matched.size, ctx.options.minAnchors, f.content.length);
      findings.push({
        signal: 'ungrounded',
        commentId: comment.id,
        strength,
        reason: {
          code: matched.size === 0 ? 'UNGROUNDED' : 'WEAKLY_GROUNDED',
          args: {
            topicTerms: topicMentions.slice(0, 5),
            specificsMentioned: [...matched.values()],
            articleSpecifics: examples,
          },
        },
      });
    });
    return findings;
  },
};

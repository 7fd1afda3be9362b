import type { PromoKind } from '../data/promo.js';
import { threadFeatures } from '../text/features.js';
import type { Finding, Signal } from '../types.js';
import { unit, whole } from '../options.js';
import { linkContext, readComment, type Read } from './promo-read.js';
import { authorRepeats } from './promo-repeats.js';
import { commentStrength, LINK_FLOOD, LINK_FLOOD_LINKS, linkCount, REPEATED_LINK, REPEATED_SITE } from './promo-strength.js';
import { otherLinks, pct, quote } from './wording.js';

/** The reason codes this signal emits; each has its sentence in `messages`. */
export type PromoCode = 'PROMO_LINK' | 'PROMO_SELF' | 'PROMO_CALL_TO_ACTION' | 'PROMO_MONEY' | 'PROMO_CONTACT' | 'PROMO_OFFER' | 'PROMO_PRICE' | 'PROMO_TERMS' | 'PROMO_REFERENCE_LINK' | 'PROMO_LINK_FLOOD' | 'PROMO_REPEATED_LINK' | 'PROMO_REPEATED_SITE' | 'PROMO_AUTHOR_REPEAT';

/** Options of the promo signal. */
export interface PromoOptions {
  /** Two comments by one author at least this similar (character Dice of folded text) are repeats. */
  repeatSimilarity: number;
  /** Folded texts shorter than this ("lol", "omg") repeat by chance and are not evidence. */
  minRepeatChars: number;
  /**
   * A link or handle with more than this many words of the commenter's own around it is more likely a
   * citation or a reply than an advert: its evidence is scaled down in proportion.
   */
  pointerContextWords: number;
  /**
   * Above this many words, any promotional wording is a smaller part of what the comment says, and its
   * evidence is scaled down in proportion.
   */
  longCommentWords: number;
  /**
   * The most a comment can score from one kind of cue alone (one link, one handle, one call to action),
   * with no spam pattern and no repeated link beside it. Under the threshold, a single cue never flags
   * a comment; a site whose comments are seldom links at all (a video site) may raise it.
   */
  singleCueCap: number;
}

const CODES: Record<PromoKind, PromoCode> = {
  link: 'PROMO_LINK',
  'self-promotion': 'PROMO_SELF',
  'call-to-action': 'PROMO_CALL_TO_ACTION',
  money: 'PROMO_MONEY',
  offer: 'PROMO_OFFER',
  price: 'PROMO_PRICE',
  terms: 'PROMO_TERMS',
  contact: 'PROMO_CONTACT',
};

/**
 * At most this many other comments are named as related to a repeated link or site: a link posted in
 * hundreds of comments would otherwise name every other one on each, quadratic in the thread's size.
 * The count of comments is in the reason's arguments.
 */
const MAX_RELATED = 10;

/** The first MAX_RELATED comment indices of `posters` other than `i`. */
function othersThan(posters: readonly number[], i: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < posters.length && out.length < MAX_RELATED; k++) if (posters[k] !== i) out.push(posters[k]!);
  return out;
}

/**
 * Promotional spam: links, self-promotion, calls to action, money and prize bait, paid-service offers
 * and their small print, contact handles (one finding per match, codes by kind), links repeated across
 * the thread, and the same author posting near-identical comments. A comment needs a spam pattern, two
 * kinds of cue or a repeated link to score above singleCueCap; links to the article or to a reference
 * site are weak evidence.
 */
export const promo: Signal<PromoOptions, PromoCode> = {
  id: 'promo',
  description: 'Promotional spam: "check out my channel", prize and premium-rate bait, links with a call to action, links repeated across comments, contact handles, one author repeating a comment',
  weight: 1,
  // singleCueCap 0.3: under the default threshold (0.45) at any promo weight up to 1, with room to spare,
  // so one cue flags neither alone nor beside weak evidence of another signal (a contribution under 0.21).
  defaultOptions: { repeatSimilarity: 0.8, minRepeatChars: 12, pointerContextWords: 20, longCommentWords: 60, singleCueCap: 0.3 },
  optionsSchema: {
    repeatSimilarity: unit(),
    minRepeatChars: whole(1, 100_000),
    pointerContextWords: whole(1, 100_000),
    longCommentWords: whole(1, 100_000),
    singleCueCap: unit(),
  },
  messages: {
    PROMO_LINK: (a) => {
      const marks = (a.marks as Array<{ note: string }> | undefined) ?? [];
      return `link ${quote(a.text)}: ${[String(a.note), ...marks.map((m) => m.note)].join('; ')}`;
    },
    PROMO_SELF: (a) => `self-promotion ${quote(a.text)}: ${String(a.note)}`,
    PROMO_CALL_TO_ACTION: (a) => `call to action ${quote(a.text)}: ${String(a.note)}`,
    PROMO_MONEY: (a) => `money bait ${quote(a.text)}: ${String(a.note)}`,
    PROMO_CONTACT: (a) => `contact handle ${quote(a.text)}: ${String(a.note)}`,
    PROMO_OFFER: (a) => `offer ${quote(a.text)}: ${String(a.note)}`,
    PROMO_PRICE: (a) => `price ${quote(a.text)}: ${String(a.note)}`,
    PROMO_TERMS: (a) => `small print ${quote(a.text)}: ${String(a.note)}`,
    PROMO_REFERENCE_LINK: (a) => `reference link ${quote(a.text)}: ${String(a.note)} (weak evidence)`,
    PROMO_LINK_FLOOD: (a) => `${String(a.links)} links, the first ${quote(a.text)}: ${String(a.note)}`,
    PROMO_REPEATED_LINK: (a) =>
      `link ${quote(a.text)} posted in ${String(a.comments)} comments${a.variants ? ' (some with other referral or tracking ids)' : ''}: ${String(a.note)}`,
    PROMO_REPEATED_SITE: (a) => `link ${quote(a.text)} to ${String(a.site)}, linked from ${String(a.comments)} comments: ${String(a.note)}`,
    PROMO_AUTHOR_REPEAT: (a) =>
      `${quote(a.author)} posted this ${Number(a.copies) > 2 ? `${String(a.copies)} times` : 'twice'} (${pct(a.similarity)} the same as #${String(a.partner)}${otherLinks(a)})`,
  },
  meanings: {
    PROMO_LINK:
      'A link in the comment, with what its address shows (a shortener, a shop, a social profile: `args.marks`). Alone a cue, capped under the threshold; with another cue, evidence of promotion.',
    PROMO_SELF:
      'Self-promotion: the commenter points readers at their own channel, music, profile or work (`args.note` says which kind).',
    PROMO_CALL_TO_ACTION:
      'Asks readers to act: click, visit, subscribe, download, message (`args.text` is the match).',
    PROMO_MONEY:
      'Money bait: easy earnings, free goods, giveaways and prizes to claim, fundraising, crypto and investment pitches, wallet addresses.',
    PROMO_CONTACT:
      'A way to take the conversation elsewhere: an e-mail address, a phone number, a messenger, a platform handle, "contact me".',
    PROMO_OFFER:
      'A commercial offer: something free for a reply or a call, ringtones and subscriptions, phone contracts, loans, stock tips, adult services.',
    PROMO_PRICE: 'A price per message, minute or week, a charge notice, or a premium-rate number: how paid text services bill.',
    PROMO_TERMS: 'Small print of a paid text service: opt-out instructions, "T&Cs apply", an age limit, a PO box.',
    PROMO_REFERENCE_LINK:
      "A link to a reference site (an encyclopedia, a news site, the thread's own article): weak evidence, never a cue on its own.",
    PROMO_LINK_FLOOD: 'Many links in one comment (`args.links`): link dumping.',
    PROMO_REPEATED_LINK:
      'The same link posted in several comments of the thread (`args.comments`): a campaign pushing one address. Addresses that differ only in referral or tracking parameters (`ref=`, `utm_…`, `r=`…) are the same link; `args.variants` says the comments wrote it differently.',
    PROMO_REPEATED_SITE:
      'Links to one site from several comments (`args.site`, `args.comments`), even where the addresses differ.',
    PROMO_AUTHOR_REPEAT:
      'One author posted the same (or nearly the same) comment three or more times, or a promotional one twice (`args.copies`, `args.similarity`): repetition for reach. A double post of a comment that promotes nothing is not promotion (near-duplicate reports an exact copy, or a near copy long enough to compare). Similarity compares what the author wrote, links and quoted lines left out; `args.linksOrQuotesDiffer` says the copies differ in their links or quoted lines.',
  },
  analyze(thread, ctx) {
    const o = ctx.options;
    const features = threadFeatures(thread);
    const context = linkContext(thread.url);
    const comments = thread.comments;
    // Indexed loops and shared empty reads: this runs for every comment, mostly before V8 has optimised
    // it, and most comments hold no promotion.
    const reads: Array<readonly Read[]> = new Array(comments.length);
    // Which comments post each link, and each site: one Map over the thread, so repetition costs one pass.
    const linkComments = new Map<string, number[]>();
    // Each link's address as written, or null once two comments wrote it differently (another referral id).
    const linkWritten = new Map<string, string | null>();
    const siteComments = new Map<string, number[]>();
    for (let i = 0; i < comments.length; i++) {
      const list = readComment(comments[i]!.text, features.comments[i]!.quotes, context);
      reads[i] = list;
      for (let k = 0; k < list.length; k++) {
        const r = list[k]!;
        if (r.linkKey !== undefined) {
          addPoster(linkComments, r.linkKey, i);
          const written = linkWritten.get(r.linkKey);
          if (written === undefined) linkWritten.set(r.linkKey, r.match.text);
          else if (written !== null && written !== r.match.text) linkWritten.set(r.linkKey, null);
        }
        if (r.site !== undefined) addPoster(siteComments, r.site, i);
      }
    }
    const findings: Finding<PromoCode>[] = [];
    // Comments that promote something themselves: a double post of one is promotion repeated.
    const promotes = new Uint8Array(comments.length);
    for (let i = 0; i < comments.length; i++) {
      const list = reads[i]!;
      for (let k = 0; k < list.length && !promotes[i]; k++) if (list[k]!.entry.role !== 'supporting' && !list[k]!.reference) promotes[i] = 1;
      let supportingOnly = true;
      for (let k = 0; k < list.length && supportingOnly; k++) supportingOnly = list[k]!.entry.role === 'supporting';
      if (supportingOnly) continue;
      let repeated: Read | undefined;
      let sameSite: Read | undefined;
      for (let k = 0; k < list.length && !repeated; k++) {
        const r = list[k]!;
        if (r.linkKey !== undefined && linkComments.get(r.linkKey)!.length > 1) repeated = r;
        else if (!sameSite && r.site !== undefined && siteComments.get(r.site)!.length > 1) sameSite = r;
      }
      if (repeated) sameSite = undefined;
      const strength = commentStrength(list, features.comments[i]!.tokens, repeated !== undefined, sameSite !== undefined, o);
      const id = comments[i]!.id;
      for (let k = 0; k < list.length; k++) findings.push(matchFinding(list[k]!, id, strength, list.length));
      if (repeated) {
        const posters = linkComments.get(repeated.linkKey!)!;
        findings.push({
          signal: 'promo',
          commentId: id,
          strength,
          reason: {
            code: 'PROMO_REPEATED_LINK',
            args: {
              text: repeated.match.text,
              entry: REPEATED_LINK.entry,
              kind: 'link',
              role: 'pattern',
              note: REPEATED_LINK.note,
              source: REPEATED_LINK.source,
              comments: posters.length,
              // The comments wrote the address differently (another referral id or tracking parameter):
              // the quoted one is this comment's, so the report says the others are not character for character.
              ...(linkWritten.get(repeated.linkKey!) === null ? { variants: true } : {}),
            },
          },
          span: repeated.match.span,
          related: othersThan(posters, i).map((j) => comments[j]!.id),
        });
      }
      const links = linkCount(list);
      if (links >= LINK_FLOOD_LINKS) {
        const first = list.find((r) => r.entry.kind === 'link' && r.entry.role !== 'supporting' && !r.reference)!;
        findings.push({
          signal: 'promo',
          commentId: id,
          strength,
          reason: {
            code: 'PROMO_LINK_FLOOD',
            args: { text: first.match.text, entry: LINK_FLOOD.entry, kind: 'link', role: 'pattern', note: LINK_FLOOD.note, source: LINK_FLOOD.source, links },
          },
          span: first.match.span,
        });
      }
      if (sameSite) {
        const posters = siteComments.get(sameSite.site!)!;
        findings.push({
          signal: 'promo',
          commentId: id,
          strength,
          reason: {
            code: 'PROMO_REPEATED_SITE',
            args: { text: sameSite.match.text, site: sameSite.site, entry: REPEATED_SITE.entry, kind: 'link', role: 'cue', note: REPEATED_SITE.note, source: REPEATED_SITE.source, comments: posters.length },
          },
          span: sameSite.match.span,
          related: othersThan(posters, i).map((j) => comments[j]!.id),
        });
      }
    }
    // One by one: spread into push, the findings of a very large thread overflow the stack.
    for (const f of authorRepeats(thread, o, (i) => promotes[i] === 1)) findings.push(f);
    return findings;
  },
};

/** Notes that comment `i` posts `key` (once per comment: comments come in order). */
function addPoster(map: Map<string, number[]>, key: string, i: number): void {
  const posters = map.get(key);
  if (!posters) map.set(key, [i]);
  else if (posters[posters.length - 1] !== i) posters.push(i);
}

/** The finding of one match: its text, entry, note and source (a reference link's kind and note). */
function matchFinding(r: Read, commentId: string, strength: number, matches: number): Finding<PromoCode> {
  const { match: m, entry } = r;
  const args = r.reference
    ? { text: m.text, entry: entry.id, kind: entry.kind, role: entry.role, reference: r.reference.id, note: r.reference.note, source: r.reference.source, matches }
    : r.marks
      ? { text: m.text, entry: entry.id, kind: entry.kind, role: entry.role, note: entry.note, source: entry.source, matches, marks: r.marks.map((k) => ({ entry: k.id, role: k.role, note: k.note, source: k.source })) }
      : { text: m.text, entry: entry.id, kind: entry.kind, role: entry.role, note: entry.note, source: entry.source, matches };
  return { signal: 'promo', commentId, strength, reason: { code: r.reference ? 'PROMO_REFERENCE_LINK' : CODES[entry.kind], args }, span: m.span };
}

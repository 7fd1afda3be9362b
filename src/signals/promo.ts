import type { PromoKind } from '../data/promo.js';
import { threadFeatures } from '../text/features.js';
import { combineWeights, DEFAULT_PHRASE_WEIGHT } from '../text/phrases.js';
import type { Tokens } from '../text/tokens.js';
import type { Finding, Signal } from '../types.js';
import { unit, whole } from '../options.js';
import { linkContext, readComment, type Read } from './promo-read.js';
import { authorRepeats } from './promo-repeats.js';
import { pct, quote } from './wording.js';

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

/** Long comments keep at least this share of their promo evidence. */
const MIN_LENGTH_FACTOR = 0.4;
/** Kinds that only point somewhere; what the comment says around them decides how promotional they are. */
const POINTERS: ReadonlySet<PromoKind> = new Set(['link', 'contact']);
/** A link to the article itself or to a well-known reference: a citation, weak evidence. */
const REFERENCE_WEIGHT = 0.1;
/** The same link in two or more comments of a thread: a campaign, or one poster returning to advertise. */
const REPEATED_LINK_WEIGHT = 0.6;
const REPEATED_LINK = {
  entry: 'repeated-link',
  note: 'the same link is posted in other comments of this thread: links are advertised by repetition',
  source: 'YouTube Community Guidelines, "Spam, deceptive practices & scams": the same content posted repeatedly',
};
/** Links to one site from two or more comments: the site is being pushed, though each link may differ. */
const REPEATED_SITE_WEIGHT = 0.45;
const REPEATED_SITE = {
  entry: 'repeated-site',
  note: 'other comments of this thread link the same site: a site pushed by several comments',
  source: 'threadsift maintainers: reading of moderation queues of video and news comment sections',
};
/**
 * A comment that pastes this many links (citations aside) is a link flood: written to be clicked, not
 * read. One link alone never flags, however bare the comment around it.
 */
const LINK_FLOOD_LINKS = 3;
const LINK_FLOOD = {
  entry: 'link-flood',
  note: 'a pile of links in one comment: written to be clicked, not read',
  source: 'TubeSpam (Alberto, Lochter & Almeida, ICMLA 2015): link spam in video comments',
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

/** `limit / words`, at most 1 and at least `floor`: evidence diluted by the text around it. */
const dilution = (words: number, limit: number, floor: number) => (words <= limit ? 1 : Math.max(floor, limit / words));

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
    PROMO_REPEATED_LINK: (a) => `link ${quote(a.text)} posted in ${String(a.comments)} comments: ${String(a.note)}`,
    PROMO_REPEATED_SITE: (a) => `link ${quote(a.text)} to ${String(a.site)}, linked from ${String(a.comments)} comments: ${String(a.note)}`,
    PROMO_AUTHOR_REPEAT: (a) =>
      `${quote(a.author)} posted this ${Number(a.copies) > 2 ? `${String(a.copies)} times` : 'twice'} (${pct(a.similarity)} the same as #${String(a.partner)})`,
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
      'The same link posted in several comments of the thread (`args.comments`): a campaign pushing one address.',
    PROMO_REPEATED_SITE:
      'Links to one site from several comments (`args.site`, `args.comments`), even where the addresses differ.',
    PROMO_AUTHOR_REPEAT:
      'One author posted the same (or nearly the same) comment more than once (`args.copies`, `args.similarity`): repetition for reach.',
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
    const siteComments = new Map<string, number[]>();
    for (let i = 0; i < comments.length; i++) {
      const list = readComment(comments[i]!.text, features.comments[i]!.quotes, context);
      reads[i] = list;
      for (let k = 0; k < list.length; k++) {
        const r = list[k]!;
        if (r.linkKey !== undefined) addPoster(linkComments, r.linkKey, i);
        if (r.site !== undefined) addPoster(siteComments, r.site, i);
      }
    }
    const findings: Finding<PromoCode>[] = [];
    for (let i = 0; i < comments.length; i++) {
      const list = reads[i]!;
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
            args: { text: repeated.match.text, entry: REPEATED_LINK.entry, kind: 'link', role: 'pattern', note: REPEATED_LINK.note, source: REPEATED_LINK.source, comments: posters.length },
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
    for (const f of authorRepeats(thread, o)) findings.push(f);
    return findings;
  },
};

/** Notes that comment `i` posts `key` (once per comment: comments come in order). */
function addPoster(map: Map<string, number[]>, key: string, i: number): void {
  const posters = map.get(key);
  if (!posters) map.set(key, [i]);
  else if (posters[posters.length - 1] !== i) posters.push(i);
}

/**
 * A comment's promo evidence, 0..1: its constructions (each counted once) combined as independent
 * evidence, diluted by the words of its own around them. One kind of cue alone is capped at
 * singleCueCap (before dilution, so a link inside an argument stays weaker than a bare link).
 */
function commentStrength(list: readonly Read[], tokens: Tokens, repeated: boolean, sameSite: boolean, o: PromoOptions): number {
  // Each construction counts once, however often it repeats ("plz plz plz").
  const pointers = new Map<string, number>();
  const pitches = new Map<string, number>();
  // Independent cues: all links are one cue, all contact handles one; every other construction its own.
  const cueKinds = new Set<string>();
  let pattern = false;
  for (let k = 0; k < list.length; k++) {
    const r = list[k]!;
    const weight = r.reference ? REFERENCE_WEIGHT : (r.entry.weight ?? DEFAULT_PHRASE_WEIGHT);
    (POINTERS.has(r.entry.kind) ? pointers : pitches).set(r.reference ? `reference:${r.reference.id}` : r.entry.id, weight);
    if (r.reference) continue;
    if (r.entry.role === 'pattern') pattern = true;
    else if (r.entry.role === 'cue') cueKinds.add(POINTERS.has(r.entry.kind) ? r.entry.kind : r.entry.id);
    const marks = r.marks ?? [];
    for (let m = 0; m < marks.length; m++) {
      pointers.set(marks[m]!.id, marks[m]!.weight ?? DEFAULT_PHRASE_WEIGHT);
      if (marks[m]!.role === 'pattern') pattern = true;
    }
  }
  if (repeated) pointers.set(REPEATED_LINK.entry, REPEATED_LINK_WEIGHT);
  // Other comments linking the same site is evidence from the thread, not from this comment's words:
  // a cue of its own beside the link.
  if (sameSite) {
    pointers.set(REPEATED_SITE.entry, REPEATED_SITE_WEIGHT);
    cueKinds.add('campaign');
  }
  const words = ownWords(list, tokens);
  if (linkCount(list) >= LINK_FLOOD_LINKS) pattern = true;
  const pointer = combineWeights([...pointers.values()]);
  const evidence = combineWeights([pointer, ...pitches.values()]);
  const diluted = combineWeights([pointer * dilution(words, o.pointerContextWords, MIN_LENGTH_FACTOR), ...pitches.values()]) * dilution(words, o.longCommentWords, MIN_LENGTH_FACTOR);
  const single = !pattern && !repeated && cueKinds.size < 2;
  return single && evidence > o.singleCueCap ? o.singleCueCap * (diluted / evidence) : diluted;
}

/** How many links a comment pastes, citations and a platform's own short links aside. */
function linkCount(list: readonly Read[]): number {
  let links = 0;
  for (let k = 0; k < list.length; k++) {
    const r = list[k]!;
    if (r.entry.kind === 'link' && r.entry.role !== 'supporting' && !r.reference) links++;
  }
  return links;
}

/** Words of the comment outside its promo matches (the words of a URL are not words the commenter wrote). */
function ownWords(list: readonly Read[], tokens: Tokens): number {
  let words = 0;
  for (let k = 0; k < tokens.length; k++) {
    const start = tokens.start(k);
    let inside = false;
    for (let m = 0; m < list.length && !inside; m++) inside = start >= list[m]!.match.span[0] && start < list[m]!.match.span[1];
    if (!inside) words++;
  }
  return words;
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

import { LINK_MARKS, PROMO, PROMO_MESSAGES, REFERENCE_SITES, type PromoEntry, type PromoKind, type ReferenceSite } from '../data/promo.js';
import { threadFeatures } from '../text/features.js';
import { combineWeights, DEFAULT_PHRASE_WEIGHT, matchPhrases, type PhraseMatch } from '../text/phrases.js';
import { dice } from '../text/similarity.js';
import type { Tokens } from '../text/tokens.js';
import type { Finding, Signal, Thread } from '../types.js';
import { unit, whole } from '../options.js';

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

const CODES: Record<PromoKind, string> = {
  link: 'PROMO_LINK',
  'self-promotion': 'PROMO_SELF',
  'call-to-action': 'PROMO_CALL_TO_ACTION',
  money: 'PROMO_MONEY',
  offer: 'PROMO_OFFER',
  price: 'PROMO_PRICE',
  terms: 'PROMO_TERMS',
  contact: 'PROMO_CONTACT',
};

/** One repeat: the same author posting the same text again; often a double post, so weak alone. */
const REPEAT_STRENGTH = 0.3;
/** Three or more copies by one author is a campaign, not a double post. */
const REPEATS_STRENGTH = 0.6;
/** Authors with more comments than this in one thread are checked for exact repeats only. */
const MAX_FUZZY_AUTHOR_COMMENTS = 300;
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
const ARTICLE_LINK: ReferenceSite = {
  id: 'article',
  hosts: '',
  note: 'a link to the article itself',
  source: 'the thread (its url)',
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

interface Target {
  host: string;
  /** Path with query, without fragment or trailing slash. */
  path: string;
}

/**
 * Where a matched link points: host (lower-case, without "www." or "m.") and path. Links written to
 * dodge filters ("site . com", "site(dot)com") are read as the address they spell.
 */
export function linkTarget(text: string): Target {
  let t = text.toLowerCase();
  // Most links are written whole: only a spaced-out or "(dot)" address needs rewriting.
  if (/[\s([]/.test(t)) t = t.replace(/\s{0,2}(?:\(dot\)|\[dot\])\s{0,2}/g, '.').replace(/\s/g, '');
  t = t.replace(/^[a-z][a-z0-9+.-]{0,15}:\/\//, '').replace(/^(?:www\d?|m|mobile)\./, '');
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  const cut = t.search(/[/?]/);
  const host = (cut < 0 ? t : t.slice(0, cut)).replace(/:\d{1,5}$/, '').replace(/\.$/, '');
  const path = (cut < 0 ? '' : t.slice(cut)).replace(/\/$/, '');
  return { host, path };
}

const HOST = /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}$/;

const markRegexes = LINK_MARKS.map((entry) => ({ entry, re: new RegExp(entry.pattern, 'iu') }));

// The query parameters that name who posted a link, not what it shows: the same page with another
// referrer's id is the same link, repeated.
const REFERRAL_PARAMETER = /^(?:ref|aff|affiliate|affiliateid|affid|referral|referrer|refid|friend|invite|r|utm_\w{1,20}|fref|pnref|si|feature|src|source|tag|campaign|partner)=/;

/** A path with its referral and tracking parameters removed. */
function withoutReferral(path: string): string {
  const q = path.indexOf('?');
  if (q < 0) return path;
  const kept = path.slice(q + 1).split('&').filter((p) => p && !REFERRAL_PARAMETER.test(p));
  const base = path.slice(0, q).replace(/\/$/, '');
  return kept.length ? `${base}?${kept.join('&')}` : base;
}

// Second-level labels under which registrations sit one level lower (example.co.uk, example.com.au).
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ne', 'or', 'go', 'gob', 'gouv']);

/** The registrable domain of a host ("m.facebook.com" -> "facebook.com", "a.b.co.uk" -> "b.co.uk"). */
export function siteOf(host: string): string {
  const labels = host.split('.');
  const n = labels.length;
  const keep = n >= 3 && labels[n - 1]!.length === 2 && SECOND_LEVEL.has(labels[n - 2]!) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

const referenceHosts = REFERENCE_SITES.map((site) => ({ site, re: new RegExp(`^(?:${site.hosts})$`, 'u') }));

/** The reference kind a link points at: the article itself (same page as thread.url) or a well-known reference site. */
function referenceOf(target: Target, article: Target | undefined): ReferenceSite | undefined {
  if (!target.host) return undefined;
  if (article && target.host === article.host && samePage(target.path, article.path)) return ARTICLE_LINK;
  for (const { site, re } of referenceHosts) if (re.test(target.host)) return site;
  return undefined;
}

/** Same path, ignoring the query, except a video id (?v=) which names the page on video sites. */
function samePage(a: string, b: string): boolean {
  const [pathA, queryA = ''] = a.split('?', 2);
  const [pathB, queryB = ''] = b.split('?', 2);
  const video = (q: string) => /(?:^|&)v=([\w-]+)/.exec(q)?.[1];
  return pathA === pathB && video(queryA) === video(queryB);
}

/** Most comments hold no promotion: they share one empty list of reads. */
const NO_READS: readonly Read[] = Object.freeze([]);

/** Matches of both promo lists in text order; where one of PROMO_MESSAGES overlaps one of PROMO, PROMO's wins. */
function promoMatches(text: string): readonly PhraseMatch[] {
  const comments = matchPhrases(text, PROMO);
  const messages = matchPhrases(text, PROMO_MESSAGES);
  if (messages.length === 0) return comments;
  const kept = messages.filter((m) => !comments.some((c) => m.span[0] < c.span[1] && c.span[0] < m.span[1]));
  return [...comments, ...kept].sort((a, b) => a.span[0] - b.span[0]);
}

/** A comment's matches, read: each match with its entry and, for links, where they point. */
interface Read {
  match: PhraseMatch;
  entry: PromoEntry;
  reference?: ReferenceSite;
  /** Key of a link that is not a reference, for finding the same link in other comments. */
  linkKey?: string;
  /** The site of that link (its registrable domain), unless it is the thread's own site. */
  site?: string;
  /** What the link's own address shows (a referral id, a paid shortener): LINK_MARKS that match it. */
  marks?: PromoEntry[];
}

/**
 * Promotional spam: links, self-promotion, calls to action, money and prize bait, paid-service offers
 * and their small print, contact handles (one finding per match, codes by kind), links repeated across
 * the thread, and the same author posting near-identical comments. A comment needs a spam pattern, two
 * kinds of cue or a repeated link to score above singleCueCap; links to the article or to a reference
 * site are weak evidence.
 */
export const promo: Signal<PromoOptions> = {
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
  analyze(thread, ctx) {
    const o = ctx.options;
    const features = threadFeatures(thread);
    const article = thread.url ? linkTarget(thread.url) : undefined;
    const context: LinkContext = { article, articleSite: article && HOST.test(article.host) ? siteOf(article.host) : undefined };
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
    const findings: Finding[] = [];
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
    findings.push(...authorRepeats(thread, o));
    return findings;
  },
};

/** Where the thread's own article is: links there, and to its site, are read against it. */
interface LinkContext {
  article: Target | undefined;
  /** The article's site, unless its address names no host. */
  articleSite: string | undefined;
}

/** Notes that comment `i` posts `key` (once per comment: comments come in order). */
function addPoster(map: Map<string, number[]>, key: string, i: number): void {
  const posters = map.get(key);
  if (!posters) map.set(key, [i]);
  else if (posters[posters.length - 1] !== i) posters.push(i);
}

/** A comment's promo matches outside quoted material, read: links with where they point and what they show. */
function readComment(text: string, quotes: ReadonlyArray<[number, number]>, context: LinkContext): readonly Read[] {
  const matches = promoMatches(text);
  if (matches.length === 0) return NO_READS;
  const list: Read[] = [];
  for (let k = 0; k < matches.length; k++) {
    const match = matches[k]!;
    let quoted = false;
    for (let q = 0; q < quotes.length && !quoted; q++) quoted = match.span[0] < quotes[q]![1] && quotes[q]![0] < match.span[1];
    if (quoted) continue;
    const entry = match.entry as PromoEntry;
    // A platform's own short link (an attached photo, a shared post) is not advertised by repeating it.
    if (entry.kind !== 'link' || entry.role === 'supporting') {
      list.push({ match, entry });
      continue;
    }
    const target = linkTarget(match.text);
    const reference = referenceOf(target, context.article);
    if (reference) {
      list.push({ match, entry, reference });
      continue;
    }
    const read: Read = { match, entry };
    // A cut-off or garbled address ("http://t…") names no page: it cannot be repeated.
    if (HOST.test(target.host)) {
      read.linkKey = target.host + withoutReferral(target.path);
      const site = siteOf(target.host);
      if (site !== context.articleSite) read.site = site;
    } else if (!target.host && target.path) read.linkKey = target.path;
    for (let m = 0; m < markRegexes.length; m++) if (markRegexes[m]!.re.test(match.text)) (read.marks ??= []).push(markRegexes[m]!.entry);
    list.push(read);
  }
  return list;
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
function matchFinding(r: Read, commentId: string, strength: number, matches: number): Finding {
  const { match: m, entry } = r;
  const args = r.reference
    ? { text: m.text, entry: entry.id, kind: entry.kind, role: entry.role, reference: r.reference.id, note: r.reference.note, source: r.reference.source, matches }
    : r.marks
      ? { text: m.text, entry: entry.id, kind: entry.kind, role: entry.role, note: entry.note, source: entry.source, matches, marks: r.marks.map((k) => ({ entry: k.id, role: k.role, note: k.note, source: k.source })) }
      : { text: m.text, entry: entry.id, kind: entry.kind, role: entry.role, note: entry.note, source: entry.source, matches };
  return { signal: 'promo', commentId, strength, reason: { code: r.reference ? 'PROMO_REFERENCE_LINK' : CODES[entry.kind], args }, span: m.span };
}

/** Comments whose author posted a near-identical comment elsewhere in the thread. */
function authorRepeats(thread: Thread, o: PromoOptions): Finding[] {
  const features = threadFeatures(thread);
  const byAuthor = new Map<string, number[]>();
  thread.comments.forEach((c, i) => {
    const author = c.author?.trim().toLowerCase();
    if (!author || features.comments[i]!.folded.length < o.minRepeatChars) return;
    const list = byAuthor.get(author);
    if (list) list.push(i);
    else byAuthor.set(author, [i]);
  });
  const findings: Finding[] = [];
  for (const indices of byAuthor.values()) {
    if (indices.length < 2) continue;
    // A prolific author makes all-pairs comparison quadratic: beyond the limit only exact copies count.
    const fuzzy = indices.length <= MAX_FUZZY_AUTHOR_COMMENTS;
    const sameText = new Map<string, number[]>();
    if (!fuzzy) {
      for (const i of indices) {
        const key = features.comments[i]!.folded;
        const list = sameText.get(key);
        if (list) list.push(i);
        else sameText.set(key, [i]);
      }
    }
    for (const i of indices) {
      const mine = features.comments[i]!;
      const copies = (fuzzy ? indices : sameText.get(mine.folded)!)
        .filter((j) => j !== i)
        .map((j) => {
          const theirs = features.comments[j]!;
          return { j, similarity: mine.folded === theirs.folded ? 1 : dice(mine.profile, theirs.profile) };
        })
        .filter((x) => x.similarity >= o.repeatSimilarity)
        .sort((a, b) => b.similarity - a.similarity || a.j - b.j);
      if (copies.length === 0) continue;
      findings.push({
        signal: 'promo',
        commentId: thread.comments[i]!.id,
        strength: copies.length >= 2 ? REPEATS_STRENGTH : REPEAT_STRENGTH,
        reason: {
          code: 'PROMO_AUTHOR_REPEAT',
          args: {
            author: thread.comments[i]!.author,
            partner: thread.comments[copies[0]!.j]!.id,
            similarity: Math.round(copies[0]!.similarity * 1000) / 1000,
            copies: copies.length + 1,
          },
        },
        related: copies.map((x) => thread.comments[x.j]!.id),
      });
    }
  }
  return findings;
}

/**
 * Promo's reading of a comment: the matches of its phrase lists outside quoted material, and for each
 * link where it points: the address it spells (also when written to dodge filters), its registrable
 * site, its path without referral parameters, whether it is the article itself or a well-known
 * reference, and what its own address shows.
 */
import { LINK_MARKS, PROMO, PROMO_MESSAGES, REFERENCE_SITES, type PromoEntry, type ReferenceSite } from '../data/promo.js';
import { matchPhrases, type PhraseMatch } from '../text/phrases.js';

/** A link to the thread's own article: read as a citation. */
const ARTICLE_LINK: ReferenceSite = {
  id: 'article',
  hosts: '',
  note: 'a link to the article itself',
  source: 'the thread (its url)',
};

export interface Target {
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

/** A full stop, a space, and a capitalised word: where a sentence ends, whatever the words spell. */
const SENTENCE_BREAK = /\.\s+\p{Lu}\p{Ll}/u;

/**
 * A YouTube video's id is 11 characters: letters past them, at the end of a watch or youtu.be address
 * ("…watch?v=FfB9TpVG1IkYou will never see…"), are the next word, written without a space.
 */
const GLUED_AFTER_VIDEO_ID = /^(?:https?:\/\/)?(?:www\.|m\.)?(?:youtube\.com\/watch\?v=|youtu\.be\/)[\w-]{11}(?=\p{L}+$)/iu;

/** A link match without a word glued to its end (GLUED_AFTER_VIDEO_ID); any other match as it is. */
function unglued(match: PhraseMatch): PhraseMatch {
  const link = GLUED_AFTER_VIDEO_ID.exec(match.text);
  if (!link) return match;
  const end = match.span[0] + link[0].length;
  return { ...match, span: [match.span[0], end], text: match.text.slice(0, link[0].length) };
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
export interface Read {
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

/** Where the thread's own article is: links there, and to its site, are read against it. */
export interface LinkContext {
  article: Target | undefined;
  /** The article's site, unless its address names no host. */
  articleSite: string | undefined;
}

/** Where the thread's article is, from its url (absent: no link is read as the article). */
export function linkContext(url: string | undefined): LinkContext {
  const article = url ? linkTarget(url) : undefined;
  return { article, articleSite: article && HOST.test(article.host) ? siteOf(article.host) : undefined };
}

/** A comment's promo matches outside quoted material, read: links with where they point and what they show. */
export function readComment(text: string, quotes: ReadonlyArray<[number, number]>, context: LinkContext): readonly Read[] {
  const matches = promoMatches(text);
  if (matches.length === 0) return NO_READS;
  const list: Read[] = [];
  // Markdown's "[https://x.org/a](https://x.org/a)" writes an address twice: one link, so that two links so
  // written are not a pile of four. The same link pasted again elsewhere in the comment still counts.
  let linkEnds: Map<string, number> | undefined;
  for (let k = 0; k < matches.length; k++) {
    const entry = matches[k]!.entry as PromoEntry;
    const match = entry.kind === 'link' ? unglued(matches[k]!) : matches[k]!;
    let quoted = false;
    for (let q = 0; q < quotes.length && !quoted; q++) quoted = match.span[0] < quotes[q]![1] && quotes[q]![0] < match.span[1];
    if (quoted) continue;
    // A platform's own short link (an attached photo, a shared post) is not advertised by repeating it.
    if (entry.kind !== 'link' || entry.role === 'supporting') {
      list.push({ match, entry });
      continue;
    }
    // "neutrality. Net neutrality…" is a sentence ending and the next beginning, not a spaced-out address.
    if (SENTENCE_BREAK.test(match.text)) continue;
    const target = linkTarget(match.text);
    const page = `${target.host}/${target.path}`;
    const end = linkEnds?.get(page);
    (linkEnds ??= new Map()).set(page, match.span[1]);
    if (end !== undefined && match.span[0] === end + 2 && text.startsWith('](', end)) continue;
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

/**
 * How strong a comment's promo evidence is: its constructions combined as independent evidence, diluted
 * by the comment's own words around them, one kind of cue alone capped, and the thread's evidence (a link
 * repeated, a site pushed) added.
 */
import type { PromoKind } from '../data/promo.js';
import { combineWeights, DEFAULT_PHRASE_WEIGHT } from '../text/phrases.js';
import type { Tokens } from '../text/tokens.js';
import type { Read } from './promo-read.js';

/** The promo options the strength reads. */
export interface StrengthOptions {
  pointerContextWords: number;
  longCommentWords: number;
  singleCueCap: number;
}

/** Long comments keep at least this share of their promo evidence. */
const MIN_LENGTH_FACTOR = 0.4;
/** Kinds that only point somewhere; what the comment says around them decides how promotional they are. */
const POINTERS: ReadonlySet<PromoKind> = new Set(['link', 'contact']);
/** A link to the article itself or to a well-known reference: a citation, weak evidence. */
const REFERENCE_WEIGHT = 0.1;
/** The same link in two or more comments of a thread: a campaign, or one poster returning to advertise. */
const REPEATED_LINK_WEIGHT = 0.6;
export const REPEATED_LINK = {
  entry: 'repeated-link',
  note: 'the same link is posted in other comments of this thread: links are advertised by repetition',
  source: 'YouTube Community Guidelines, "Spam, deceptive practices & scams": the same content posted repeatedly',
};
/** Links to one site from two or more comments: the site is being pushed, though each link may differ. */
const REPEATED_SITE_WEIGHT = 0.45;
export const REPEATED_SITE = {
  entry: 'repeated-site',
  note: 'other comments of this thread link the same site: a site pushed by several comments',
  source: 'threadsift maintainers: reading of moderation queues of video and news comment sections',
};
/**
 * A comment that pastes this many links (citations aside) is a link flood: written to be clicked, not
 * read. One link alone never flags, however bare the comment around it.
 */
export const LINK_FLOOD_LINKS = 3;
export const LINK_FLOOD = {
  entry: 'link-flood',
  note: 'a pile of links in one comment: written to be clicked, not read',
  source: 'TubeSpam (Alberto, Lochter & Almeida, ICMLA 2015): link spam in video comments',
};
/** `limit / words`, at most 1 and at least `floor`: evidence diluted by the text around it. */
const dilution = (words: number, limit: number, floor: number) => (words <= limit ? 1 : Math.max(floor, limit / words));

/**
 * A comment's promo evidence, 0..1: its constructions (each counted once) combined as independent
 * evidence, diluted by the words of its own around them. One kind of cue alone is capped at
 * singleCueCap (before dilution, so a link inside an argument stays weaker than a bare link).
 */
export function commentStrength(list: readonly Read[], tokens: Tokens, repeated: boolean, sameSite: boolean, o: StrengthOptions): number {
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
export function linkCount(list: readonly Read[]): number {
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

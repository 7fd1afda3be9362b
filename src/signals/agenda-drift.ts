import { BOILERPLATE } from '../data/boilerplate.js';
import { contentPairs, threadFeatures } from '../text/features.js';
import { visibleText } from '../text/normalize.js';
import { matchPhrases } from '../text/phrases.js';
import type { Finding, Signal } from '../types.js';
import { whole, unit } from '../options.js';
import { quote } from './wording.js';

/** The reason codes this signal emits; each has its sentence in `messages`. */
export type AgendaDriftCode = 'AGENDA_TERM';

export interface AgendaDriftOptions {
  /** A term must recur in at least this many comments. */
  minComments: number;
  /** ...and in at least this share of the thread's comments. */
  minShare: number;
  /** Single words at least this common in English (SUBTLEX rank) are too generic to be an agenda. */
  minWordRank: number;
}

/** Related ids listed per finding. */
const MAX_RELATED = 20;

/** How many comments use a candidate term (`last`: the latest comment counted). */
interface Tally {
  key: string;
  comments: number;
  last: number;
}

interface TermStat {
  key: string;
  words: number;
  surface: string;
  comments: Set<number>;
  spans: Map<number, [number, number]>;
}

/**
 * Terms repeated across several comments that the article never mentions: a coordinated push of an
 * off-article topic. Words inside boilerplate phrases do not count (they are filler, not topic).
 * Silent when the thread has no article text to compare against.
 */
/**
 * Strength of an agenda term by the share of the thread's comments that push it: 0.3 for a term in a
 * handful of comments, rising by 0.02 per percent of the thread, full at 35%. A term in many comments
 * is an agenda; one in three is the minimum the signal reports at all (minComments).
 */
const AGENDA_BASE = 0.3;
const AGENDA_PER_SHARE = 2;
const agendaStrength = (share: number) => Math.min(1, AGENDA_BASE + AGENDA_PER_SHARE * share);

export const agendaDrift: Signal<AgendaDriftOptions, AgendaDriftCode> = {
  id: 'agenda-drift',
  description: 'Terms repeated across 3 or more comments that the article never mentions (an off-article topic being pushed)',
  weight: 0.35,
  // Terms are English content words (stopwords, stems): another language's function words would look pushed.
  languages: ['eng'],
  defaultOptions: { minComments: 3, minShare: 0.02, minWordRank: 2000 },
  optionsSchema: { minComments: whole(2, 1_000_000), minShare: unit(), minWordRank: whole(0, 1_000_000) },
  gathers: 'agenda-terms',
  messages: {
    AGENDA_TERM: (a) => `pushes ${quote(a.term)}, repeated in ${String(a.comments)} comments but absent from the article`,
  },
  meanings: {
    AGENDA_TERM:
      'A term the article never mentions, repeated across `minComments` or more comments (`args.term`, `args.comments`): an off-article topic being pushed in the thread.',
  },
  analyze(thread, ctx) {
    const f = threadFeatures(thread);
    if (!f.article.judgeable) return [];
    const n = thread.comments.length;
    // In a large thread a handful of comments sharing a word is conversation, not a push.
    const min = Math.max(ctx.options.minComments, Math.ceil(ctx.options.minShare * n));
    // Pass 1 records every candidate in flat arrays (its tally, word count and span; where each comment's
    // candidates begin) and counts, per term, the comments that use it: one lookup per candidate. Only
    // terms that recur enough get records in pass 2.
    const tallies = new Map<string, Tally>();
    const candidateTally: Tally[] = [];
    const candidateWords: number[] = [];
    const candidateSpans: number[] = [];
    const firstCandidate = new Int32Array(n + 1);
    const record = (ci: number, key: string, words: number, start: number, end: number) => {
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = { key, comments: 0, last: -1 }));
      if (tally.last !== ci) {
        tally.last = ci;
        tally.comments++;
      }
      candidateTally.push(tally);
      candidateWords.push(words);
      candidateSpans.push(start, end);
    };
    // A term can recur in no more comments than each of its words is in (docFreq): most words are in
    // fewer than `min` and are passed over before any counting.
    const frequent = (stem: string) => (f.docFreq.get(stem) ?? 0) >= min;
    for (let ci = 0; ci < n; ci++) {
      firstCandidate[ci] = candidateTally.length;
      // Candidate terms: off-article words (not everyday ones) and off-article word pairs.
      const comment = thread.comments[ci]!;
      const filler = matchPhrases(comment.text, BOILERPLATE).map((m) => m.span);
      const all = f.comments[ci]!.content;
      const content = filler.length ? all.filter((k) => !filler.some(([s, e]) => all.start(k) >= s && all.start(k) < e)) : all;
      for (let k = 0; k < content.length; k++) {
        const stem = content.stem(k);
        if (!frequent(stem) || f.article.stems.has(stem) || content.isNumeric(k)) continue;
        if (content.rank(k) <= ctx.options.minWordRank) continue;
        record(ci, stem, 1, content.start(k), content.end(k));
      }
      const pairs = filler.length ? contentPairs(comment.text, content) : f.comments[ci]!.pairs;
      for (let p = 0; p < pairs.length; p++) {
        const k = pairs[p]!;
        const a = content.stem(k - 1);
        const b = content.stem(k);
        if (a === b || !frequent(a) || !frequent(b) || f.article.topicStems.has(a) || f.article.topicStems.has(b)) continue;
        const key = `${a} ${b}`;
        if (!f.article.bigrams.has(key)) record(ci, key, 2, content.start(k - 1), content.end(k));
      }
    }
    firstCandidate[n] = candidateTally.length;
    const terms = new Map<string, TermStat>();
    for (let ci = 0; ci < n; ci++) {
      for (let c = firstCandidate[ci]!; c < firstCandidate[ci + 1]!; c++) {
        const tally = candidateTally[c]!;
        if (tally.comments < min) continue;
        const key = tally.key;
        const start = candidateSpans[2 * c]!;
        const end = candidateSpans[2 * c + 1]!;
        let t = terms.get(key);
        if (!t) terms.set(key, (t = { key, words: candidateWords[c]!, surface: visibleText(thread.comments[ci]!.text.slice(start, end)).text.toLowerCase(), comments: new Set(), spans: new Map() }));
        t.comments.add(ci);
        if (!t.spans.has(ci)) t.spans.set(ci, [start, end]);
      }
    }
    let recurring = [...terms.values()];
    // A word that only recurs inside a recurring phrase is reported as the phrase.
    const phrasesByWord = new Map<string, TermStat[]>();
    for (const p of recurring) {
      if (p.words < 2) continue;
      for (const w of p.key.split(' ')) phrasesByWord.set(w, [...(phrasesByWord.get(w) ?? []), p]);
    }
    recurring = recurring.filter((t) => t.words > 1 || !(phrasesByWord.get(t.key) ?? []).some((p) => sameSet(p.comments, t.comments)));
    // Overlapping phrases over the same comments ("global commodity" / "commodity markets") merge.
    recurring = mergeOverlapping(recurring, thread.comments.map((c) => c.text));
    const findings: Finding<AgendaDriftCode>[] = [];
    for (const term of recurring.sort((a, b) => b.comments.size - a.comments.size || a.key.localeCompare(b.key))) {
      const ids = [...term.comments].sort((a, b) => a - b).map((i) => thread.comments[i]!.id);
      // A term used by hundreds of comments lists the first few as related; the finding's args carry
      // the count and the thread's agendaTerms every comment (as near-duplicate does for large clusters).
      const listed = ids.slice(0, MAX_RELATED + 1);
      const strength = agendaStrength(term.comments.size / Math.max(n, 1));
      for (const ci of [...term.comments].sort((a, b) => a - b)) {
        const id = thread.comments[ci]!.id;
        findings.push({
          signal: 'agenda-drift',
          commentId: id,
          strength,
          reason: { code: 'AGENDA_TERM', args: { term: term.surface, comments: term.comments.size } },
          span: term.spans.get(ci)!,
          related: listed.filter((x) => x !== id).slice(0, MAX_RELATED),
        });
      }
    }
    return findings;
  },
};

function sameSet(a: Set<number>, b: Set<number>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function mergeOverlapping(terms: TermStat[], texts: string[]): TermStat[] {
  const out = terms.filter((t) => t.words === 1);
  // Only phrases over exactly the same comments can merge, so group them by that set first.
  const bySet = new Map<string, TermStat[]>();
  for (const t of terms) {
    if (t.words === 1) continue;
    const key = [...t.comments].sort((a, b) => a - b).join(',');
    bySet.set(key, [...(bySet.get(key) ?? []), t]);
  }
  for (const phrases of bySet.values()) {
    const used = new Set<TermStat>();
    for (const p of phrases) {
      if (used.has(p)) continue;
      let merged = p;
      for (const q of phrases) {
        if (q === p || used.has(q)) continue;
        const spans = new Map<number, [number, number]>();
        let overlapping = true;
        for (const ci of merged.comments) {
          const [s1, e1] = merged.spans.get(ci)!;
          const [s2, e2] = q.spans.get(ci)!;
          if (s2 >= e1 || s1 >= e2) overlapping = false;
          spans.set(ci, [Math.min(s1, s2), Math.max(e1, e2)]);
        }
        if (!overlapping) continue;
        const first = [...merged.comments].sort((a, b) => a - b)[0]!;
        const [s, e] = spans.get(first)!;
        merged = { ...merged, key: `${merged.key}|${q.key}`, words: merged.words + 1, surface: visibleText(texts[first]!.slice(s, e)).text.toLowerCase(), spans };
        used.add(q);
      }
      used.add(p);
      out.push(merged);
    }
  }
  return out;
}

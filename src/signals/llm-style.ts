import { LLM_STYLE, type StyleMarker, type StyleTest } from '../data/llm-style.js';
import { threadFeatures, unquoted } from '../text/features.js';
import { foldsLikeLowerCase } from '../text/phrases.js';
import { isSpace, normalizeSameLength } from '../text/normalize.js';
import { factorWordBoundary } from '../text/regex-safety.js';
import { tokens as tokenList, type Tokens } from '../text/tokens.js';
import type { Finding, Signal } from '../types.js';
import { number, unit, whole } from '../options.js';

/** Options of the llm-style signal. */
export interface LlmStyleOptions {
  /** Texts with fewer words are too short to judge by style (a tweet, "great video"). */
  minWords: number;
  /**
   * Share of machine-written comments assumed before looking at style. Strength is the posterior
   * probability given the markers, so a low prior keeps a tidy human comment (a few weak markers) low.
   */
  prior: number;
  /** Posteriors below this are not reported (they would only add noise to every tidy comment). */
  minStrength: number;
}

/** A marker that fired on a text, with its evidence. */
export interface MarkerHit {
  marker: StyleMarker;
  /** Where a word or pattern marker matched (the first few matches). */
  spans: Array<[number, number]>;
  /** Measurements behind a shape marker (sentence count, variation). */
  detail?: Record<string, number>;
}

/** The words and sentences of a text, measured once for all markers. */
interface TextShape {
  plain: string;
  /** `plain` lower-cased, when matching it case-sensitively equals flag "i" (see foldsLikeLowerCase). */
  lower: string | undefined;
  tokens: Tokens;
  /** Word count of each sentence. */
  sentenceWords: number[];
}

const MAX_SPANS = 3;
const wordSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * A marker's pattern, compiled once. Case-insensitive patterns without capitals (no \S, \W...) also run
 * case-sensitively over lower-cased text, which V8 matches several times faster than flag "i".
 */
interface CompiledPattern {
  exact: RegExp;
  folded?: RegExp;
}
const compiled = new WeakMap<StyleTest, CompiledPattern>();

function regexFor(test: StyleTest & { pattern: string; caseSensitive?: boolean }, shape: TextShape): { re: RegExp; text: string } {
  let c = compiled.get(test);
  if (!c) {
    const foldable = !test.caseSensitive && !/[A-Z]/.test(test.pattern);
    const pattern = factorWordBoundary(test.pattern);
    c = { exact: new RegExp(pattern, test.caseSensitive ? 'gu' : 'giu'), ...(foldable ? { folded: new RegExp(pattern, 'gu') } : {}) };
    compiled.set(test, c);
  }
  const useFolded = c.folded !== undefined && shape.lower !== undefined;
  const re = useFolded ? c.folded! : c.exact;
  re.lastIndex = 0;
  return { re, text: useFolded ? shape.lower! : shape.plain };
}

const isTerminator = (c: number) => c === 46 || c === 33 || c === 63;

/**
 * The sentences of a text as [start, end] pairs, flat: what /[^.!?\n]+(?:[.!?]+(?=\s|$)|\n|$)/g
 * matches — a run without . ! ? or line break, ended by such a run followed by space or the end, by a
 * line break, or by the end — found in one pass (the expression retries every position of a run not
 * so ended, which is quadratic in the run's length).
 */
export function sentenceSpans(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  let p = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (isTerminator(c) || c === 10) {
      p++;
      continue;
    }
    let r = p + 1;
    while (r < n && !isTerminator(text.charCodeAt(r)) && text.charCodeAt(r) !== 10) r++;
    if (r === n) {
      out.push(p, n);
      break;
    }
    if (text.charCodeAt(r) === 10) {
      out.push(p, r + 1);
      p = r + 1;
      continue;
    }
    let s = r + 1;
    while (s < n && isTerminator(text.charCodeAt(s))) s++;
    // Ended by terminators and a space (or the end): a sentence. Otherwise no sentence starts before s.
    if (s === n || isSpace(text.charCodeAt(s))) out.push(p, s);
    p = s;
  }
  return out;
}

function shapeOf(text: string, known?: Tokens): TextShape {
  const plain = normalizeSameLength(text);
  const lowered = plain.toLowerCase();
  const tokens = known ?? tokenList(text);
  const sentenceWords: number[] = [];
  // A sentence ends at . ! ? (runs allowed) followed by space, or at a line break. Sentences and
  // tokens both come in text order, so one pass counts the tokens starting inside each sentence.
  let k = 0;
  const spans = sentenceSpans(plain);
  for (let i = 0; i < spans.length; i += 2) {
    const start = spans[i]!;
    const end = spans[i + 1]!;
    while (k < tokens.length && tokens.start(k) < start) k++;
    let words = 0;
    while (k < tokens.length && tokens.start(k) < end) {
      words++;
      k++;
    }
    if (words > 0) sentenceWords.push(words);
  }
  return { plain, lower: foldsLikeLowerCase(plain, lowered) ? lowered : undefined, tokens, sentenceWords };
}

function testMarker(marker: StyleMarker, shape: TextShape): MarkerHit | undefined {
  const test = marker.test;
  switch (test.kind) {
    case 'words': {
      let set = wordSets.get(test.words);
      if (!set) wordSets.set(test.words, (set = new Set(test.words)));
      const tokens = shape.tokens;
      let found = 0;
      const spans: Array<[number, number]> = [];
      for (let k = 0; k < tokens.length; k++) {
        if (!set.has(tokens.lower(k))) continue;
        if (found++ < MAX_SPANS) spans.push([tokens.start(k), tokens.end(k)]);
      }
      return found >= test.min ? { marker, spans } : undefined;
    }
    case 'pattern': {
      const { re, text } = regexFor(test, shape);
      const spans = [...text.matchAll(re)]
        .filter((m) => m[0].length > 0)
        .slice(0, MAX_SPANS)
        .map((m): [number, number] => [m.index, m.index + m[0].length]);
      return spans.length ? { marker, spans } : undefined;
    }
    case 'absent': {
      const { re, text } = regexFor(test, shape);
      return re.test(text) ? undefined : { marker, spans: [] };
    }
    case 'uniform-sentences': {
      const n = shape.sentenceWords.length;
      if (n < test.minSentences) return undefined;
      const mean = shape.sentenceWords.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(shape.sentenceWords.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
      const variation = sd / mean;
      return variation <= test.maxVariation
        ? { marker, spans: [], detail: { sentences: n, variation: Math.round(variation * 100) / 100 } }
        : undefined;
    }
    case 'sentence-length': {
      const n = shape.sentenceWords.length;
      const mean = n ? shape.sentenceWords.reduce((a, b) => a + b, 0) / n : 0;
      return n && mean >= test.min && mean <= test.max ? { marker, spans: [], detail: { meanSentenceWords: Math.round(mean * 10) / 10 } } : undefined;
    }
  }
}

/**
 * Posterior probability of machine writing given the markers that fired: naive-Bayes evidence, the
 * sum of the markers' log-lifts, added to the prior log-odds.
 */
export function styleStrength(hits: readonly MarkerHit[], prior: number): number {
  const logOdds = Math.log(prior / (1 - prior)) + hits.reduce((sum, h) => sum + Math.log(h.marker.lift), 0);
  return 1 / (1 + Math.exp(-logOdds));
}

/** The markers that fire on `text` (quoted material excluded by the caller), in list order. */
export function styleMarkers(text: string, markers: readonly StyleMarker[] = LLM_STYLE, tokens?: Tokens): MarkerHit[] {
  return markersOf(shapeOf(text, tokens), markers);
}

const markersOf = (shape: TextShape, markers: readonly StyleMarker[]) =>
  markers.map((m) => testMarker(m, shape)).filter((h): h is MarkerHit => h !== undefined);

// Results per comment text: copies of a comment (spam floods) are judged once. Bounded.
const judged = new Map<string, MarkerHit[]>();
const JUDGED_LIMIT = 50_000;

/**
 * The markers of a comment, its quoted spans blanked (they are someone else's style). `tokens` may be
 * passed when they are already known for exactly that unquoted text.
 */
export function commentStyle(text: string, quotes: Array<[number, number]>, tokens?: Tokens): MarkerHit[] {
  const known = judged.get(text);
  if (known) return known;
  const hits = markersOf(shapeOf(quotes.length ? unquoted(text, quotes) : text, tokens), LLM_STYLE);
  if (judged.size >= JUDGED_LIMIT) judged.clear();
  judged.set(text, hits);
  return hits;
}

/**
 * Machine-written style without a model: essay connectives, hedged balance, uniform sentences, and
 * the absence of what human comments usually have (first person, contractions, informal register,
 * questions). One finding per judged comment, listing every marker that fired with its note and source;
 * its span is the earliest phrase a marker matched.
 */
export const llmStyle: Signal<LlmStyleOptions> = {
  id: 'llm-style',
  description: 'Stylistic markers of machine-written commentary: essay connectives, hedged balance, uniform sentences, no first person or informal register',
  weight: 0.5,
  defaultOptions: { minWords: 30, prior: 0.05, minStrength: 0.2 },
  // The prior enters as log-odds: 0 and 1 have none.
  optionsSchema: { minWords: whole(1, 100_000), prior: number(0, 1, { above: true, below: true }), minStrength: unit() },
  analyze(thread, ctx) {
    const o = ctx.options;
    const features = threadFeatures(thread);
    const findings: Finding[] = [];
    thread.comments.forEach((comment, i) => {
      const f = features.comments[i]!;
      if (f.tokens.length < o.minWords) return;
      // Quoted material is someone else's style; blanking it keeps offsets valid. Without quotes or
      // links, the comment's own tokens are those of the text the markers read.
      const hits = commentStyle(comment.text, f.quotes, f.own === comment.text ? f.tokens : undefined);
      const strength = styleStrength(hits, o.prior);
      if (hits.length === 0 || strength < o.minStrength) return;
      const span = hits.flatMap((h) => h.spans).sort((a, b) => a[0] - b[0])[0];
      findings.push({
        signal: 'llm-style',
        commentId: comment.id,
        strength,
        reason: {
          code: 'LLM_STYLE',
          args: {
            markers: hits.map((h) => ({
              id: h.marker.id,
              label: h.marker.label,
              note: h.marker.note,
              source: h.marker.source,
              lift: h.marker.lift,
              ...(h.spans.length ? { text: h.spans.map(([s, e]) => comment.text.slice(s, e)) } : {}),
              ...(h.detail ?? {}),
            })),
            phrases: hits.flatMap((h) => h.spans.map(([s, e]) => comment.text.slice(s, e))),
          },
        },
        ...(span ? { span } : {}),
      });
    });
    return findings;
  },
};

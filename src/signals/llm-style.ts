import { measure, STYLE_FEATURES } from '../detector/features.js';
import { defaultDetector, type DetectorContribution } from '../detector/model.js';
import { BLOCK_QUOTE_FORMS } from '../data/quotes.js';
import { quoteSpans, threadFeatures, unquoted } from '../text/features.js';
import type { Finding, Signal } from '../types.js';
import { number, unit, whole } from '../options.js';
import { pct, quote } from './wording.js';

/** The reason codes this signal emits; each has its sentence in `messages`. */
export type LlmStyleCode = 'LLM_STYLE';

/** Options of the llm-style signal. */
export interface LlmStyleOptions {
  /** Texts with fewer words are too short to judge by style (never fewer than the detector's own minimum). */
  minWords: number;
  /**
   * Share of machine-written comments assumed before reading a comment. The detector was fitted on as
   * many machine as human texts (odds 1:1); its log-odds are moved by the odds of this prior, so a low
   * prior keeps a tidy human comment low.
   */
  prior: number;
  /** Strengths below this are not reported (they would only add noise to every tidy comment). */
  minStrength: number;
}

/** How many features a reason names: the ones that raised the score most. */
const EVIDENCE = 5;
const FEATURES = new Map(STYLE_FEATURES.map((f) => [f.id, f]));

/** One piece of evidence, as reported: a style measurement or a word, with its share in log-odds. */
export interface StyleEvidence {
  kind: 'style' | 'word';
  /** Style feature id, or the word. */
  feature: string;
  /** Plain words: the measurement's label, or the word itself. */
  label: string;
  contribution: number;
  /** Where the word, or what the measurement counted, is in the comment. */
  spans?: Array<[number, number]>;
}

function evidence(contributions: readonly DetectorContribution[]): StyleEvidence[] {
  const out: StyleEvidence[] = [];
  for (const c of contributions) {
    if (c.contribution <= 0 || out.length >= EVIDENCE) break;
    out.push({
      kind: c.kind,
      feature: c.feature,
      label: c.kind === 'word' ? c.feature : labelOf(c.feature, c.direction!),
      contribution: Math.round(c.contribution * 1000) / 1000,
      ...(c.spans ? { spans: c.spans } : {}),
    });
  }
  return out;
}

function labelOf(id: string, direction: 'high' | 'low'): string {
  const f = FEATURES.get(id)!;
  return direction === 'low' && f.low ? f.low : f.label;
}

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Machine-written style, from the shipped detector (data/machine-text.json; see docs/machine-text-detector.md):
 * logistic regression over named style measurements of the comment's own prose (quoted lines, links,
 * mentions and hashtags left out) and its words. One finding per judged comment whose strength reaches minStrength,
 * naming the measurements and words that raised it most.
 */
export const llmStyle: Signal<LlmStyleOptions, LlmStyleCode> = {
  id: 'llm-style',
  description: 'Machine-written style: a small transparent model of how assistant-written text differs from people\'s (vocabulary, edited casing and punctuation, no slips, sentence shape)',
  // Weight and prior from bench/calibrate.mjs (with the human sets as a constraint): at prior 0.1 the
  // detector's even odds become 1:9, so only a text it is sure of reaches the threshold on style alone.
  weight: 0.7,
  languages: ['eng'],
  defaultOptions: { minWords: 8, prior: 0.1, minStrength: 0.1 },
  // The prior enters as log-odds: 0 and 1 have none.
  optionsSchema: { minWords: whole(1, 100_000), prior: number(0, 1, { above: true, below: true }), minStrength: unit() },
  messages: {
    LLM_STYLE: (a) => {
      const shown = a.evidence as Array<{ kind: string; label: string; text?: string[] }>;
      // Where the comment's own words are quoted, a label's examples ('hedged balance ("However,", …)') go:
      // beside them a moderator would look for those examples in the comment, and may not find them.
      const style = shown
        .filter((e) => e.kind === 'style')
        .map((e) => (e.text?.length ? `${e.label.replace(/ \([^()]*\)$/, '')} (${e.text.map(quote).join(', ')})` : e.label));
      const words = shown.filter((e) => e.kind === 'word').map((e) => quote(e.label));
      // A word's weight says it was more common in the machine-written texts the detector was fitted on;
      // "the word “their”" alone read as if that word were a sign of a machine.
      const parts = [...style, ...(words.length ? [`word${words.length > 1 ? 's' : ''} more common in machine-written text (${words.join(', ')})`] : [])];
      const because = parts.length ? `: ${parts.join('; ')}` : '';
      // Below even odds the model does not say machine-written: the finding is weak evidence, and says so.
      if ((a.probability as number) < 0.5) return `a little machine-like in style (${pct(a.probability)}, not enough to call it machine-written)${because}`;
      return `reads as machine-written (${pct(a.probability)} by style)${because}`;
    },
  },
  meanings: {
    LLM_STYLE:
      'A small transparent model of style reads the comment as machine-written with `args.probability` (below 0.5 the message calls it weak evidence, not machine-written): vocabulary of assistant-written text, edited casing and punctuation, no slips, sentence shape; `args.evidence` lists what weighed most.',
  },
  analyze(thread, ctx) {
    const o = ctx.options;
    const detector = defaultDetector();
    const findings: Finding<LlmStyleCode>[] = [];
    const features = threadFeatures(thread);
    thread.comments.forEach((comment, i) => {
      const f = features.comments[i]!;
      // Every word is a token, so too few tokens is too few words (when nothing was blanked out of them).
      if (f.own === comment.text && f.tokens.length < o.minWords) return;
      // A comment with nothing blanked (no quotes, no links) has the thread's tokens for its text.
      const quotes = f.quotes.length ? quoteSpans(comment.text, BLOCK_QUOTE_FORMS) : [];
      const text = quotes.length ? unquoted(comment.text, quotes) : comment.text;
      const measured = measure(text, f.own === comment.text ? f.tokens : undefined);
      if (measured.words < o.minWords) return;
      // Most comments end here: the evidence is worked out only for those reported.
      const strength = sigmoid(detector.score(measured) + logit(o.prior));
      if (!(strength >= o.minStrength)) return;
      const prediction = detector.predictMeasured(measured);
      const shown = evidence(prediction.contributions);
      const spans = shown.flatMap((e) => e.spans ?? []).sort((a, b) => a[0] - b[0]);
      findings.push({
        signal: 'llm-style',
        commentId: comment.id,
        strength,
        reason: {
          code: 'LLM_STYLE',
          args: {
            probability: Math.round(strength * 1000) / 1000,
            evidence: shown.map((e) => (e.spans ? { ...e, text: e.spans.map(([a, b]) => comment.text.slice(a, b)) } : e)),
          },
        },
        ...(spans[0] ? { span: spans[0] } : {}),
      });
    });
    return findings;
  },
};

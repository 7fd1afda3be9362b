/**
 * What the trainable model sees of a comment: the strongest finding of each model-free signal, and
 * the word unigrams and bigrams of its text. Training and prediction both go through here, so the
 * features a model was fitted on are the features it is applied to.
 */
import { modelInput } from '../run-needs.js';
import { signalById } from '../signals/index.js';
import { tokenize } from '../text/tokens.js';
import type { Signal, Thread } from '../types.js';

/** A signal the model reads, with the options it ran with when the model was trained. */
export interface SignalFeature {
  id: string;
  options: Record<string, unknown>;
}

/** One n-gram occurrence: its key ("check out") and where it is in the comment. */
export interface NgramOccurrence {
  key: string;
  span: [number, number];
}

/** The raw features of one comment. */
export interface CommentFeatureSet {
  /** Strongest finding of each signal, in the order of the spec; 0 when the signal found nothing. */
  signals: number[];
  /** Distinct unigrams and bigrams, first occurrence each, in text order. */
  ngrams: NgramOccurrence[];
}

/** Prefix of a signal feature's name in a model file ("signal:promo"). */
export const SIGNAL_PREFIX = 'signal:';
/** Prefix of an n-gram feature's name in a model file ("ngram:check out"). */
export const NGRAM_PREFIX = 'ngram:';

/** Digits carry no general meaning ("2015", "10k"): every run of them is one symbol. */
const wordKey = (lower: string) => lower.replace(/\p{N}+/gu, '#');

/** Distinct unigrams and adjacent-word bigrams of a text (lower-cased tokens, digits folded). */
export function ngrams(text: string): NgramOccurrence[] {
  const tokens = tokenize(text);
  const seen = new Set<string>();
  const out: NgramOccurrence[] = [];
  const add = (key: string, span: [number, number]) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ key, span });
  };
  tokens.forEach((t, i) => {
    add(wordKey(t.lower), [t.start, t.end]);
    const next = tokens[i + 1];
    if (next) add(`${wordKey(t.lower)} ${wordKey(next.lower)}`, [t.start, next.end]);
  });
  return out;
}

/** The registered signal with this id when a model may read it (never the signal that reads a model). */
export function modelInputSignal(id: string): Signal<object> | undefined {
  const signal = signalById(id);
  return signal && modelInput(signal) ? signal : undefined;
}

/** Features of every comment of a thread, in comment order. */
export function threadFeatureSets(thread: Thread, signals: readonly SignalFeature[]): CommentFeatureSet[] {
  const index = new Map(thread.comments.map((c, i) => [c.id, i]));
  const strengths = thread.comments.map(() => signals.map(() => 0));
  signals.forEach((spec, k) => {
    const signal = modelInputSignal(spec.id);
    if (!signal) return;
    for (const f of signal.analyze(thread, { options: { ...signal.defaultOptions, ...spec.options } })) {
      const i = index.get(f.commentId);
      if (i !== undefined) strengths[i]![k] = Math.max(strengths[i]![k]!, f.strength);
    }
  });
  return thread.comments.map((c, i) => ({ signals: strengths[i]!, ngrams: ngrams(c.text) }));
}

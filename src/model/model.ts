/**
 * A small, transparent, trainable model: logistic regression over the model-free signals' strengths
 * and word n-grams, fitted on labelled threads and stored as versioned JSON (its format here, its
 * training here, reading it back in load.ts). Every weight has a name, so each prediction can be
 * explained by its largest contributions.
 */
import type { Config } from '../config.js';
import { ConfigError } from '../errors.js';
import { auroc, bestF1Threshold } from '../eval/metrics.js';
import type { Thread } from '../types.js';
import { configuredOptions } from '../run-needs.js';
import { VERSION } from '../version.js';
import { modelInputSignal, NGRAM_PREFIX, SIGNAL_PREFIX, threadFeatureSets, type CommentFeatureSet, type SignalFeature } from './features.js';
import { fitLogistic, predictRow, type SparseRow } from '../util/logistic.js';

/** The `format` of every threadsift model file. */
export const MODEL_FORMAT = 'threadsift-model';
/** The model file version this threadsift writes and reads. */
export const MODEL_VERSION = 1;

/** A model file: versioned JSON, written by `threadsift train`, read by `--model`. */
export interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  /** "threadsift x.y.z" that trained it. */
  createdBy: string;
  /** The signals whose strengths are features, with the options they ran with. */
  signals: SignalFeature[];
  /** Feature names ("signal:promo", "ngram:check out"), parallel to `weights`. */
  features: string[];
  weights: number[];
  bias: number;
  /** Probability at which to flag: the F1-best threshold on out-of-fold predictions of the training data. */
  threshold: number;
  trainedOn: { threads: number; comments: number; labelled: number; positives: number; negatives: number };
  training: {
    /** L2 penalty on the summed log-loss (the inverse of scikit-learn's C). */
    l2: number;
    iterations: number;
    vocabularySize: number;
    minDocumentFrequency: number;
    folds: number;
    /** Mean log-loss on the training data at the end. */
    loss: number;
    /** Figures of the out-of-fold predictions; null when there were too few labels for folds. */
    crossValidated: { f1: number; auroc: number | null } | null;
  };
}

/** Options of {@link trainModel}. */
export interface TrainOptions {
  /** How many n-grams (most frequent first) become features. Default 3000. */
  vocabularySize?: number;
  /** N-grams in fewer labelled comments than this are ignored. Default 2. */
  minDocumentFrequency?: number;
  /** L2 penalty on the summed log-loss. Default 1. */
  l2?: number;
  /** Gradient steps. Default 500. */
  iterations?: number;
  /** Folds for the out-of-fold threshold and figures (comment i goes to fold i mod folds). Default 3. */
  folds?: number;
}

const DEFAULTS: Required<TrainOptions> = { vocabularySize: 3000, minDocumentFrequency: 2, l2: 1, iterations: 500, folds: 3 };

interface Example {
  features: CommentFeatureSet;
  label: boolean;
}

/** Feature index of every n-gram in the vocabulary, after the signal features. */
function vocabulary(examples: readonly Example[], signalCount: number, o: Required<TrainOptions>): Map<string, number> {
  const df = new Map<string, number>();
  for (const e of examples) for (const g of e.features.ngrams) df.set(g.key, (df.get(g.key) ?? 0) + 1);
  const kept = [...df]
    .filter(([, n]) => n >= o.minDocumentFrequency)
    // Most frequent first; ties by key, so the vocabulary does not depend on input order.
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, o.vocabularySize);
  return new Map(kept.map(([key], i) => [key, signalCount + i]));
}

/** A comment as a sparse row; n-gram values are 1/√m over its m known n-grams, so long texts do not dominate. */
function toRow(features: CommentFeatureSet, vocab: ReadonlyMap<string, number>): SparseRow {
  const indices: number[] = [];
  const values: number[] = [];
  features.signals.forEach((v, k) => {
    if (v !== 0) {
      indices.push(k);
      values.push(v);
    }
  });
  const known = features.ngrams.map((g) => vocab.get(g.key)).filter((i): i is number => i !== undefined);
  const value = known.length ? 1 / Math.sqrt(known.length) : 0;
  for (const i of known.sort((a, b) => a - b)) {
    indices.push(i);
    values.push(value);
  }
  return { indices, values };
}

function fitOn(examples: readonly Example[], signalCount: number, o: Required<TrainOptions>) {
  const vocab = vocabulary(examples, signalCount, o);
  const fit = fitLogistic(
    examples.map((e) => toRow(e.features, vocab)),
    examples.map((e) => e.label),
    signalCount + vocab.size,
    { l2: o.l2 / Math.max(1, examples.length), iterations: o.iterations },
  );
  return { vocab, ...fit };
}

/** The signals a model trained with `config` reads: the enabled ones (never the model itself). */
function signalSpecs(config: Config): SignalFeature[] {
  return Object.entries(config.signals)
    .filter(([id, s]) => s.enabled && modelInputSignal(id))
    .map(([id]) => ({ id, options: configuredOptions(modelInputSignal(id)!, config) }));
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Train a model on labelled threads (`comment.label`; unlabelled comments are context for the signals
 * only). Deterministic: the same threads and options give the same file.
 */
export function trainModel(threads: Thread[], config: Config, options: TrainOptions = {}): ModelFile {
  const o = { ...DEFAULTS, ...options };
  const signals = signalSpecs(config);
  const examples: Example[] = [];
  for (const thread of threads) {
    const sets = threadFeatureSets(thread, signals);
    thread.comments.forEach((c, i) => {
      if (c.label !== undefined) examples.push({ features: sets[i]!, label: c.label });
    });
  }
  const positives = examples.filter((e) => e.label).length;
  if (positives === 0 || positives === examples.length) {
    throw new ConfigError(
      `cannot train: the labelled comments are all ${positives ? 'bot/spam' : 'human'} (${examples.length} labelled)`,
      'training needs both bot/spam and human labels',
    );
  }
  // Out-of-fold probabilities choose the threshold honestly: in-sample ones are overconfident.
  let crossValidated: ModelFile['training']['crossValidated'] = null;
  let threshold = 0.5;
  if (o.folds >= 2 && examples.length >= 2 * o.folds) {
    const scored = examples.map((e) => ({ score: 0, label: e.label }));
    for (let k = 0; k < o.folds; k++) {
      const fit = fitOn(examples.filter((_, i) => i % o.folds !== k), signals.length, o);
      examples.forEach((e, i) => {
        if (i % o.folds === k) scored[i]!.score = predictRow(toRow(e.features, fit.vocab), fit.weights, fit.bias);
      });
    }
    const best = bestF1Threshold(scored);
    threshold = round(best.threshold);
    crossValidated = { f1: round(best.f1), auroc: auroc(scored) };
  }
  const fit = fitOn(examples, signals.length, o);
  const ngramNames = [...fit.vocab.keys()].map((k) => NGRAM_PREFIX + k);
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    createdBy: `threadsift ${VERSION}`,
    signals,
    features: [...signals.map((s) => SIGNAL_PREFIX + s.id), ...ngramNames],
    weights: [...fit.weights].map(round),
    bias: round(fit.bias),
    threshold,
    trainedOn: {
      threads: threads.length,
      comments: threads.reduce((n, t) => n + t.comments.length, 0),
      labelled: examples.length,
      positives,
      negatives: examples.length - positives,
    },
    training: {
      l2: o.l2,
      iterations: o.iterations,
      vocabularySize: o.vocabularySize,
      minDocumentFrequency: o.minDocumentFrequency,
      folds: o.folds,
      loss: round(fit.loss),
      crossValidated,
    },
  };
}

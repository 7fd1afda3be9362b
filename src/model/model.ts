/**
 * A small, transparent, trainable model: logistic regression over the model-free signals' strengths
 * and word n-grams, fitted on labelled threads and stored as versioned JSON. Every weight has a name,
 * so each prediction can be explained by its largest contributions.
 */
import { assertNoReservedKeys } from '../config-errors.js';
import { validateSignalOptions, type Config } from '../config.js';
import { parseUserJson } from '../config-file.js';
import { ConfigError } from '../errors.js';
import { auroc, bestF1Threshold } from '../eval/metrics.js';
import type { Thread } from '../types.js';
import { configuredOptions } from '../run-needs.js';
import { VERSION } from '../version.js';
import { modelInputSignal, NGRAM_PREFIX, SIGNAL_PREFIX, threadFeatureSets, type CommentFeatureSet, type SignalFeature } from './features.js';
import { fitLogistic, predictRow, sigmoid, type SparseRow } from '../util/logistic.js';

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

/** One feature's share of a prediction. */
export interface Contribution {
  feature: string;
  /** weight × value, in log-odds. */
  contribution: number;
  /** For an n-gram, where it occurs in the comment. */
  span?: [number, number];
}

/** The model's view of one comment. */
export interface CommentPrediction {
  commentId: string;
  probability: number;
  /** Every non-zero contribution, largest (most bot-like) first. */
  contributions: Contribution[];
}

/** A loaded model, ready to predict. */
export interface Model {
  /** Where the model came from (a file path), for messages. */
  readonly origin: string;
  readonly file: ModelFile;
  predict(thread: Thread): CommentPrediction[];
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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * Validate a model file (parsed JSON, or its text) and make it ready to predict. Every error is a
 * ConfigError naming the origin and the field, e.g. `model.json: weights[3] must be a finite number`.
 */
export function loadModel(json: unknown, origin: string): Model {
  const data = typeof json === 'string' ? parseUserJson(json, origin) : json;
  assertNoReservedKeys(data, origin);
  const fail = (field: string, problem: string): never => {
    throw new ConfigError(`${origin}: ${field} ${problem}`);
  };
  if (!isObject(data)) return fail('the model', `must be a JSON object, got ${typeName(data)}`);
  if (data.format !== MODEL_FORMAT) fail('format', `must be "${MODEL_FORMAT}", got ${JSON.stringify(data.format)}`);
  if (data.version !== MODEL_VERSION) {
    fail('version', `${JSON.stringify(data.version)} is not supported: this threadsift reads version ${MODEL_VERSION}`);
  }
  if (!Array.isArray(data.signals)) fail('signals', `must be an array, got ${typeName(data.signals)}`);
  // Each signal's options pass the checks a configuration file's do: a model file is user input too.
  const signals: SignalFeature[] = (data.signals as unknown[]).map((s, i) => {
    if (!isObject(s)) return fail(`signals[${i}]`, `must be an object, got ${typeName(s)}`);
    const signal = typeof s.id === 'string' ? modelInputSignal(s.id) : undefined;
    if (!signal) return fail(`signals[${i}].id`, `${JSON.stringify(s.id)} is not a signal this threadsift can compute`);
    if (!isObject(s.options)) fail(`signals[${i}].options`, `must be an object, got ${typeName(s.options)}`);
    return { id: signal.id, options: validateSignalOptions(signal, s.options, origin, ['signals', i, 'options']) };
  });
  const signalIds = signals.map((s) => s.id);
  if (!Array.isArray(data.features)) fail('features', `must be an array, got ${typeName(data.features)}`);
  if (!Array.isArray(data.weights)) fail('weights', `must be an array, got ${typeName(data.weights)}`);
  const features = data.features as unknown[];
  const weights = data.weights as unknown[];
  if (weights.length !== features.length) fail('weights', `has ${weights.length} entries but features has ${features.length}`);
  const seen = new Set<string>();
  features.forEach((f, i) => {
    if (typeof f !== 'string') return fail(`features[${i}]`, `must be a string, got ${typeName(f)}`);
    if (seen.has(f)) fail(`features[${i}]`, `${JSON.stringify(f)} is listed twice`);
    seen.add(f);
    if (f.startsWith(SIGNAL_PREFIX)) {
      if (!signalIds.includes(f.slice(SIGNAL_PREFIX.length))) fail(`features[${i}]`, `${JSON.stringify(f)} names a signal missing from signals`);
    } else if (!f.startsWith(NGRAM_PREFIX) || f.length === NGRAM_PREFIX.length) {
      fail(`features[${i}]`, `${JSON.stringify(f)} must start with "${SIGNAL_PREFIX}" or "${NGRAM_PREFIX}"`);
    }
  });
  weights.forEach((w, i) => {
    if (typeof w !== 'number' || !Number.isFinite(w)) fail(`weights[${i}]`, `must be a finite number, got ${JSON.stringify(w)}`);
  });
  if (typeof data.bias !== 'number' || !Number.isFinite(data.bias)) fail('bias', `must be a finite number, got ${JSON.stringify(data.bias)}`);
  if (typeof data.threshold !== 'number' || !(data.threshold >= 0 && data.threshold <= 1)) {
    fail('threshold', `must be a number from 0 to 1, got ${JSON.stringify(data.threshold)}`);
  }
  if (!isObject(data.trainedOn)) fail('trainedOn', `must be an object, got ${typeName(data.trainedOn)}`);
  for (const key of ['threads', 'comments', 'labelled', 'positives', 'negatives']) {
    if (!count((data.trainedOn as Record<string, unknown>)[key])) fail(`trainedOn.${key}`, 'must be a whole number ≥ 0');
  }
  if (!isObject(data.training)) fail('training', `must be an object, got ${typeName(data.training)}`);
  return compile({ ...(data as unknown as ModelFile), signals }, origin);
}

function compile(file: ModelFile, origin: string): Model {
  const signalWeights = file.signals.map((s) => file.weights[file.features.indexOf(SIGNAL_PREFIX + s.id)] ?? 0);
  const ngramWeights = new Map<string, number>();
  file.features.forEach((f, i) => {
    if (f.startsWith(NGRAM_PREFIX)) ngramWeights.set(f.slice(NGRAM_PREFIX.length), file.weights[i]!);
  });
  return {
    origin,
    file,
    predict(thread) {
      return threadFeatureSets(thread, file.signals).map((features, i) => {
        const contributions: Contribution[] = [];
        features.signals.forEach((v, k) => {
          if (v !== 0 && signalWeights[k] !== 0) contributions.push({ feature: SIGNAL_PREFIX + file.signals[k]!.id, contribution: v * signalWeights[k]! });
        });
        const known = features.ngrams.filter((g) => ngramWeights.has(g.key));
        const value = known.length ? 1 / Math.sqrt(known.length) : 0;
        for (const g of known) {
          const w = ngramWeights.get(g.key)!;
          if (w !== 0) contributions.push({ feature: NGRAM_PREFIX + g.key, contribution: w * value, span: g.span });
        }
        const logOdds = contributions.reduce((z, c) => z + c.contribution, file.bias);
        contributions.sort((a, b) => b.contribution - a.contribution || (a.feature < b.feature ? -1 : 1));
        return { commentId: thread.comments[i]!.id, probability: sigmoid(logOdds), contributions };
      });
    },
  };
}

/**
 * Reading a model file back: every field of the versioned JSON that `threadsift train` writes is checked as
 * user input (a one-line ConfigError naming the file and the field), then the weights are made ready to
 * predict, with each prediction's contributions by feature so the evidence can name them.
 */
import { assertNoReservedKeys } from '../config-errors.js';
import { validateSignalOptions } from '../config.js';
import { parseUserJson } from '../config-file.js';
import { ConfigError } from '../errors.js';
import type { Thread } from '../types.js';
import { isObject, typeName } from '../util/json-value.js';
import { sigmoid } from '../util/logistic.js';
import { modelInputSignal, NGRAM_PREFIX, SIGNAL_PREFIX, threadFeatureSets, type SignalFeature } from './features.js';
import { MODEL_FORMAT, MODEL_VERSION, type ModelFile } from './model.js';

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

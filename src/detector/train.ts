/**
 * Fitting the machine-text detector from labelled texts. Deterministic: the same texts and options give
 * the same file. Used by bench/fit-detector.mjs (the shipped detector) and the generalisation harness.
 */
import { fitLogistic, type SparseRow } from '../util/logistic.js';
import { commonRank } from '../text/word-frequency.js';
import { VERSION } from '../version.js';
import { measure, STYLE_FEATURES, wordsOf, type Measured } from './features.js';
import { CLIP, DETECTOR_FORMAT, DETECTOR_VERSION, shortness, type DetectorFile } from './model.js';
import { inSignedList } from './words.js';

/**
 * One labelled text; `group` names its source, whose total weight in the fit is balanced with the others.
 * A group may hold one class only (human texts of a register the machine sources lack).
 */
export interface TrainingText {
  text: string;
  /** true = machine-written. */
  label: boolean;
  group: string;
}

export interface DetectorTrainOptions {
  /** Texts with fewer words are neither fitted on nor judged. Default 8. */
  minWords?: number;
  /** Words in fewer texts than this are not features. Default 20. */
  minDocumentFrequency?: number;
  /** At most this many words (most frequent first). Default 5000. */
  vocabularySize?: number;
  /** L2 penalty on style weights. Default 0.001. */
  l2: number;
  /** The word weights' L2 penalty, as a multiple of l2. Default 10. */
  wordPenalty?: number;
  /** Gradient steps. Default 400. */
  iterations?: number;
  /** Adam's step size. Default 0.05. */
  learningRate?: number;
  /**
   * Only words among this many commonest English words (data/common-words.txt) are features: generic
   * vocabulary, not the names, topics and markup of a training set. Default 10000.
   */
  vocabularyMaxRank?: number;
  /** Use word features at all. Default true. */
  useWords?: boolean;
  /** Style features left out (ablation). */
  dropStyle?: readonly string[];
  /** See DetectorFile.band. Default [20, 60]. */
  band?: [number, number];
  /** Give measurements of either direction (sign 0) a weight per band. Default true. */
  banded?: boolean;
}

/** The recipe of the shipped detector (bench/fit-detector.mjs) and of every harness fit. */
export const DETECTOR_RECIPE: DetectorTrainOptions = { l2: 0.0001, wordPenalty: 0.3 };

/** Measured training texts, reusable across fits (measuring is the slow part of a fit). */
export interface MeasuredText extends TrainingText {
  measured: Measured;
  words: string[];
}

export function measureTexts(texts: readonly TrainingText[]): MeasuredText[] {
  return texts.map((t) => {
    const measured = measure(t.text);
    return { ...t, measured, words: [...wordsOf(measured).keys()] };
  });
}

const inVocabulary = (word: string, maxRank: number) => {
  const rank = commonRank(word);
  return rank > 0 && rank <= maxRank;
};

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Fit a detector. Each group gets the same total weight, split equally between its two classes, so a
 * large source or an unbalanced one does not decide what "machine-written" means.
 */
export function fitDetector(all: readonly MeasuredText[], options: DetectorTrainOptions): DetectorFile {
  const o = {
    minWords: 8,
    minDocumentFrequency: 20,
    vocabularySize: 5000,
    wordPenalty: 10,
    iterations: 400,
    learningRate: 0.05,
    useWords: true,
    vocabularyMaxRank: 10_000,
    dropStyle: [],
    band: [20, 60] as [number, number],
    banded: true,
    ...options,
  };
  const texts = all.filter((t) => t.measured.words >= o.minWords);
  const dropped = new Set(o.dropStyle);
  const styleIds = STYLE_FEATURES.map((f, i) => ({ f, i })).filter(({ f }) => !dropped.has(f.id));
  // Standardisation from the (weighted) training texts.
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(`${t.group}\0${t.label}`, (counts.get(`${t.group}\0${t.label}`) ?? 0) + 1);
  const groups = new Set(texts.map((t) => t.group));
  const rowWeights = texts.map((t) => {
    const classes = counts.has(`${t.group}\0${!t.label}`) ? 2 : 1;
    return 1 / (groups.size * classes * counts.get(`${t.group}\0${t.label}`)!);
  });
  // A signed measurement counts from zero (its absence is no evidence either way); one of either
  // direction from its mean. Both are scaled by their spread around that centre.
  const stats = styleIds.map(({ f, i }) => {
    let mean = 0;
    if (f.sign === 0) texts.forEach((t, r) => (mean += rowWeights[r]! * t.measured.style[i]!));
    let variance = 0;
    texts.forEach((t, r) => (variance += rowWeights[r]! * (t.measured.style[i]! - mean) ** 2));
    return { mean, scale: Math.sqrt(variance) || 1 };
  });
  const df = new Map<string, number>();
  if (o.useWords) for (const t of texts) for (const w of t.words) df.set(w, (df.get(w) ?? 0) + 1);
  const vocabulary = [...df]
    .filter(([w, n]) => n >= o.minDocumentFrequency && inVocabulary(w, o.vocabularyMaxRank) && !inSignedList(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, o.vocabularySize)
    .map(([w]) => w);
  // Style columns: one per measurement, and a second (the long band) for those of either direction.
  const longColumn: number[] = [];
  let columns = styleIds.length;
  styleIds.forEach(({ f }, k) => (longColumn[k] = o.banded && f.sign === 0 ? columns++ : -1));
  const wordIndex = new Map(vocabulary.map((w, k) => [w, columns + k]));
  const rows: SparseRow[] = texts.map((t) => {
    const indices: number[] = [];
    const values: number[] = [];
    const short = shortness(t.measured.words, o.band);
    const longs: Array<[number, number]> = [];
    styleIds.forEach(({ i }, k) => {
      const x = Math.max(-CLIP, Math.min(CLIP, (t.measured.style[i]! - stats[k]!.mean) / stats[k]!.scale));
      if (x === 0) return;
      if (longColumn[k]! < 0) {
        indices.push(k);
        values.push(x);
        return;
      }
      if (short > 0) {
        indices.push(k);
        values.push(x * short);
      }
      if (short < 1) longs.push([longColumn[k]!, x * (1 - short)]);
    });
    for (const [k, x] of longs) {
      indices.push(k);
      values.push(x);
    }
    const known = t.words.map((w) => wordIndex.get(w)).filter((k): k is number => k !== undefined).sort((a, b) => a - b);
    for (const k of known) {
      indices.push(k);
      values.push(1 / Math.sqrt(known.length));
    }
    return { indices, values };
  });
  const featureCount = columns + vocabulary.length;
  const upper = new Float64Array(featureCount).fill(Number.POSITIVE_INFINITY);
  const lower = new Float64Array(featureCount).fill(Number.NEGATIVE_INFINITY);
  styleIds.forEach(({ f }, k) => {
    if (f.sign < 0) upper[k] = 0;
    if (f.sign > 0) lower[k] = 0;
  });
  const penalty = new Float64Array(featureCount).fill(o.wordPenalty);
  for (let k = 0; k < columns; k++) penalty[k] = 1;
  const fit = fitLogistic(
    rows,
    texts.map((t) => t.label),
    featureCount,
    { l2: o.l2, iterations: o.iterations, rowWeights, penalty, upper, lower, method: 'adam', learningRate: o.learningRate },
  );
  // A group of one class (people only) tips the weighted classes off even: the bias is moved back, so a
  // probability of 0.5 still means even odds and the signal's prior means what it says.
  let machineWeight = 0;
  texts.forEach((t, r) => (machineWeight += t.label ? rowWeights[r]! : 0));
  const bias = fit.bias + Math.log((1 - machineWeight) / machineWeight);
  const words: Record<string, number> = {};
  vocabulary.forEach((w, k) => {
    const x = round(fit.weights[columns + k]!, 4);
    if (x !== 0) words[w] = x;
  });
  const summary = [...groups].sort().map((g) => ({
    source: g,
    licence: '',
    texts: texts.filter((t) => t.group === g).length,
    machine: counts.get(`${g}\0true`) ?? 0,
    human: counts.get(`${g}\0false`) ?? 0,
  }));
  return {
    format: DETECTOR_FORMAT,
    version: DETECTOR_VERSION,
    createdBy: `threadsift ${VERSION}`,
    minWords: o.minWords,
    band: o.band,
    style: styleIds.map(({ f }, k) => ({
      id: f.id,
      mean: round(stats[k]!.mean),
      scale: round(stats[k]!.scale),
      weight: round(fit.weights[k]!, 4),
      ...(longColumn[k]! >= 0 ? { long: round(fit.weights[longColumn[k]!]!, 4) } : {}),
    })),
    words,
    bias: round(bias, 4),
    trainedOn: summary,
    training: {
      l2: o.l2,
      wordPenalty: o.wordPenalty,
      iterations: o.iterations,
      minDocumentFrequency: o.minDocumentFrequency,
      vocabularySize: vocabulary.length,
      loss: round(fit.loss),
    },
  };
}

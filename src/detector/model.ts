/**
 * The machine-text detector: logistic regression over the style measurements (features.ts) and the
 * words of a comment's prose, stored as versioned JSON under data/ (fitted by bench/fit-detector.mjs).
 * Every weight has a name, so each prediction is explained by its largest contributions.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import { isObject } from '../util/json-value.js';
import { sigmoid } from '../util/logistic.js';
import { dataFile } from '../paths.js';
import type { Tokens } from '../text/tokens.js';
import { measure, STYLE_FEATURES, wordKey, type Measured } from './features.js';

/** The `format` of a detector file. */
export const DETECTOR_FORMAT = 'threadsift-machine-text';
/** The detector file version this threadsift writes and reads. */
export const DETECTOR_VERSION = 1;
/** The detector shipped in data/. */
export const DEFAULT_DETECTOR_FILE = 'machine-text.json';

/** One style measurement's standardisation and weight. */
export interface StyleWeight {
  id: string;
  /** The measurement is used as (value - mean) / scale, clipped to ±CLIP. */
  mean: number;
  scale: number;
  /** Weight in a short text (see DetectorFile.band). */
  weight: number;
  /**
   * Weight in a long text, for a measurement whose meaning depends on the genre (an exclamation mark
   * in a tweet, in an essay); absent: the same weight at every length.
   */
  long?: number;
}

/** A detector file: what bench/fit-detector.mjs writes and the llm-style signal reads. */
export interface DetectorFile {
  format: typeof DETECTOR_FORMAT;
  version: typeof DETECTOR_VERSION;
  createdBy: string;
  /** Texts with fewer words are not judged. */
  minWords: number;
  /**
   * Word counts over which a text goes from short to long: up to band[0] words only `weight` counts,
   * from band[1] only `long`, and in between a linear blend of the two.
   */
  band: [number, number];
  style: StyleWeight[];
  /** Word -> weight; a comment's known words each count 1/√(how many it has). */
  words: Record<string, number>;
  bias: number;
  /** What it was fitted on, how, and how it measured: the model card's facts. */
  trainedOn: Array<{ source: string; licence: string; texts: number; machine: number; human: number }>;
  training: Record<string, number | string>;
}

/** One feature's share of a prediction, in log-odds. */
export interface DetectorContribution {
  kind: 'style' | 'word';
  /** Style feature id, or the word. */
  feature: string;
  contribution: number;
  /** For a style measurement: whether its value was above its centre (high) or below (low). */
  direction?: 'high' | 'low';
  /** Where a word occurs (its first occurrence), or where a word list or pattern matched (the first few). */
  spans?: Array<[number, number]>;
}

/** The detector's view of one text. */
export interface DetectorPrediction {
  /** Words the prose has (numbers, links, mentions and hashtags not counted). */
  words: number;
  /** False when the text is too short to judge; probability is then 0. */
  judged: boolean;
  probability: number;
  logOdds: number;
  /** Every non-zero contribution, most machine-like first. */
  contributions: DetectorContribution[];
}

export interface Detector {
  readonly origin: string;
  readonly file: DetectorFile;
  /** The probability and every contribution, most machine-like first. */
  predict(text: string): DetectorPrediction;
  /** As predict, on a text already measured. */
  predictMeasured(m: Measured): DetectorPrediction;
  /** Only the log-odds of a measured text (-Infinity when it is too short to judge): what predict adds up, without the evidence. */
  score(m: Measured): number;
}

/** Standardised measurements are clipped to this many scales from the mean: no single odd text dominates. */
export const CLIP = 5;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Validate a detector file (parsed JSON) and make it ready to predict; errors name the origin and field. */
export function loadDetector(data: unknown, origin: string): Detector {
  const fail = (field: string, problem: string): never => {
    throw new ConfigError(`${origin}: ${field} ${problem}`);
  };
  if (!isObject(data)) return fail('the detector', 'must be a JSON object');
  if (data.format !== DETECTOR_FORMAT) fail('format', `must be "${DETECTOR_FORMAT}"`);
  if (data.version !== DETECTOR_VERSION) fail('version', `${JSON.stringify(data.version)} is not supported (this threadsift reads ${DETECTOR_VERSION})`);
  if (!finite(data.minWords) || data.minWords < 1) fail('minWords', 'must be a number ≥ 1');
  const band = data.band;
  if (!Array.isArray(band) || band.length !== 2 || !finite(band[0]) || !finite(band[1]) || !(band[0] < band[1])) fail('band', 'must be two word counts, the first below the second');
  if (!finite(data.bias)) fail('bias', 'must be a finite number');
  if (!Array.isArray(data.style)) return fail('style', 'must be an array');
  const known = new Set(STYLE_FEATURES.map((f) => f.id));
  (data.style as unknown[]).forEach((s, i) => {
    if (!isObject(s)) return fail(`style[${i}]`, 'must be an object');
    if (typeof s.id !== 'string' || !known.has(s.id)) fail(`style[${i}].id`, `${JSON.stringify(s.id)} is not a style measurement of this threadsift`);
    for (const k of ['mean', 'scale', 'weight']) if (!finite(s[k])) fail(`style[${i}].${k}`, 'must be a finite number');
    if (s.long !== undefined && !finite(s.long)) fail(`style[${i}].long`, 'must be a finite number');
    if (!((s.scale as number) > 0)) fail(`style[${i}].scale`, 'must be above 0');
    return undefined;
  });
  if (!isObject(data.words)) return fail('words', 'must be an object of word -> weight');
  return compile(data as unknown as DetectorFile, vocabularyOf(data.words, fail), origin);
}

/** A detector's words, numbered in file order, and their weights. */
interface Vocabulary {
  words: string[];
  index: Map<string, number>;
  weights: Float64Array;
}

/**
 * The words of a detector file, checked (each weight finite) and numbered in one pass over the keys. The
 * shipped file's thousands of words are read at every start, by code not yet optimised: one plain loop,
 * not Object.entries and a Map made from an array of pairs (docs/performance.md).
 */
function vocabularyOf(words: Record<string, unknown>, fail: (field: string, problem: string) => never): Vocabulary {
  const keys = Object.keys(words);
  const index = new Map<string, number>();
  const weights = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const x = words[keys[i]!];
    if (!finite(x)) fail(`words[${JSON.stringify(keys[i])}]`, 'must be a finite number');
    index.set(keys[i]!, i);
    weights[i] = x as number;
  }
  return { words: keys, index, weights };
}

function compile(file: DetectorFile, vocabulary: Vocabulary, origin: string): Detector {
  const index = new Map(STYLE_FEATURES.map((f, i) => [f.id, i]));
  const style = file.style.map((s) => ({ ...s, at: index.get(s.id)! }));
  // A Map, not the parsed object: a word such as "constructor" is only ever a word. Each word has a number;
  // `seen` marks the last text a word was counted in, so a text's distinct words need no set per text.
  const { index: wordIndex, weights } = vocabulary;
  const seen = new Int32Array(weights.length);
  let stamp = 0;
  // The word number of each form of the tokenizer's table (-1: not a feature; -2: not looked up yet).
  let forms: { table: object; word: Int32Array } | undefined;
  const wordOf = (tokens: Tokens, k: number): number => {
    if (forms?.table !== tokens.table) forms = { table: tokens.table, word: new Int32Array(4096).fill(-2) };
    const id = tokens.form(k);
    if (id >= forms.word.length) {
      let size = forms.word.length;
      while (size <= id) size *= 2;
      const grown = new Int32Array(size).fill(-2);
      grown.set(forms.word);
      forms.word = grown;
    }
    let w = forms.word[id]!;
    if (w === -2) forms.word[id] = w = wordIndex.get(wordKey(tokens.lower(k))) ?? -1;
    return w;
  };
  // Scoring runs for every judged comment: it fills shared buffers and returns numbers, so the common path
  // allocates nothing (an object per measurement and per word was a large share of a scan's garbage).
  /** Each measurement's standardised value, and its share of the log-odds, for the text last weighed. */
  const styleX = new Float64Array(style.length);
  const styleC = new Float64Array(style.length);
  const weighStyle = (m: Measured): void => {
    const short = shortness(m.words, file.band);
    for (let i = 0; i < style.length; i++) {
      const s = style[i]!;
      const x = Math.max(-CLIP, Math.min(CLIP, (m.style[s.at]! - s.mean) / s.scale));
      styleX[i] = x;
      styleC[i] = x * (s.long === undefined ? s.weight : short * s.weight + (1 - short) * s.long);
    }
  };
  /** The known words of the text last passed to knownWords, each once, and the token that first has it. */
  let knownWord = new Int32Array(64);
  let knownToken = new Int32Array(64);
  /** Fills knownWord/knownToken with a text's known words in order of first use; returns how many. */
  const knownWords = (m: Measured): number => {
    stamp++;
    let n = 0;
    for (let k = 0; k < m.tokens.length; k++) {
      const word = wordOf(m.tokens, k);
      if (word < 0 || seen[word] === stamp) continue;
      seen[word] = stamp;
      if (n === knownWord.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(2 * a.length);
          b.set(a);
          return b;
        };
        knownWord = grow(knownWord);
        knownToken = grow(knownToken);
      }
      knownWord[n] = word;
      knownToken[n++] = k;
    }
    return n;
  };
  const score = (m: Measured): number => {
    if (m.words < file.minWords) return Number.NEGATIVE_INFINITY;
    let z = file.bias;
    weighStyle(m);
    for (let i = 0; i < style.length; i++) z += styleC[i]!;
    const known = knownWords(m);
    const value = known ? 1 / Math.sqrt(known) : 0;
    for (let i = 0; i < known; i++) z += weights[knownWord[i]!]! * value;
    return z;
  };
  const predictMeasured = (m: Measured): DetectorPrediction => {
    if (m.words < file.minWords) return { words: m.words, judged: false, probability: 0, logOdds: Number.NEGATIVE_INFINITY, contributions: [] };
    const contributions: DetectorContribution[] = [];
    let z = file.bias;
    weighStyle(m);
    for (let i = 0; i < style.length; i++) {
      const s = style[i]!;
      const x = styleX[i]!;
      const c = styleC[i]!;
      if (c === 0) continue;
      z += c;
      const spans = m.matches.get(s.id);
      contributions.push({ kind: 'style', feature: s.id, contribution: c, direction: x > 0 ? 'high' : 'low', ...(spans ? { spans } : {}) });
    }
    const known = knownWords(m);
    const value = known ? 1 / Math.sqrt(known) : 0;
    for (let i = 0; i < known; i++) {
      const word = knownWord[i]!;
      const c = weights[word]! * value;
      if (c === 0) continue;
      z += c;
      const k = knownToken[i]!;
      contributions.push({ kind: 'word', feature: vocabulary.words[word]!, contribution: c, spans: [[m.tokens.start(k), m.tokens.end(k)]] });
    }
    contributions.sort((a, b) => b.contribution - a.contribution || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0));
    return { words: m.words, judged: true, probability: sigmoid(z), logOdds: z, contributions };
  };
  return { origin, file, score, predictMeasured, predict: (text) => predictMeasured(measure(text)) };
}

/** 1 for a short text, 0 for a long one, linear in between (see DetectorFile.band). */
export function shortness(words: number, band: readonly [number, number]): number {
  return Math.max(0, Math.min(1, (band[1] - words) / (band[1] - band[0])));
}

let shipped: Detector | undefined;

/** The detector shipped with threadsift (data/machine-text.json), loaded once. */
export function defaultDetector(): Detector {
  if (!shipped) {
    const url = dataFile(DEFAULT_DETECTOR_FILE);
    shipped = loadDetector(JSON.parse(readFileSync(url, 'utf8')) as unknown, `data/${DEFAULT_DETECTOR_FILE}`);
  }
  return shipped;
}

/**
 * The settings that decide a comment's sketch (its words, MinHash signature and LSH bands), shared by the
 * index (src/seen) and the sketch files (src/sketch): both keep them beside the sketches, since band keys
 * made with other settings never match.
 */
import { choose, DEFAULTS } from './index.js';
import { Sketcher } from './sketch.js';
import type { CorpusSettings } from '../types.js';

export interface SketchSettings {
  threshold: number;
  minWords: number;
  numPerm: number;
  seed: number;
  shingleSize: number;
  bands: number;
  rows: number;
}

/** A sketcher that makes sketches with these settings. */
export function sketcher({ shingleSize, numPerm, seed, bands, rows, minWords }: SketchSettings): Sketcher {
  return new Sketcher({ shingleSize, numPerm, seed, bands, rows, minShingles: minWords });
}

/** The sketch settings for a similarity threshold and minWords: the corpus engine's defaults for the rest. */
export function sketchSettings(settings: CorpusSettings): SketchSettings {
  const { bands, rows } = choose(settings.threshold, DEFAULTS.numPerm);
  return { threshold: settings.threshold, minWords: settings.minWords, numPerm: DEFAULTS.numPerm, seed: DEFAULTS.seed, shingleSize: DEFAULTS.shingleSize, bands, rows };
}

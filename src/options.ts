/**
 * Schemas of option values: each says in words what it allows ("a number above 0 and below 1"), and that
 * wording is both the error message for a value out of range and the reference documentation. Signals
 * declare their options with these next to their defaults (Signal.optionsSchema); src/config.ts builds
 * the configuration's schema from the registry.
 *
 * The schemas are zod schemas, built on first use: zod is loaded only by a run that reads a
 * configuration, phrase or model file, since loading it is a sizeable part of a small run's start-up.
 */
import type * as Zod from 'zod';
import { loadVendor } from './util/vendor.js';

export type ZodNamespace = typeof Zod.z;

let zod: ZodNamespace | undefined;

/** The zod namespace, loaded on first use. */
export function loadZod(): ZodNamespace {
  return (zod ??= loadVendor<typeof Zod>('zod').z);
}

/** One option's schema: what it allows in words, and the zod schema that checks it. */
export interface OptionSpec<T> {
  readonly words: string;
  readonly schema: () => Zod.ZodType<T>;
}

/** A spec for each option of O. */
export type OptionsSchema<O> = { readonly [K in keyof O]: OptionSpec<O[K]> };

const must = (words: string) => ({ error: `must be ${words}` });

/** A spec whose zod schema is made once, on first use, and described by `words`. */
function spec<T>(words: string, build: (z: ZodNamespace) => Zod.ZodType<T>): OptionSpec<T> {
  let made: Zod.ZodType<T> | undefined;
  return { words, schema: () => (made ??= build(loadZod()).describe(words) as Zod.ZodType<T>) };
}

/** A number from `min` to `max`; `above`/`below` leave out the ends. */
export function number(min: number, max: number, ends: { above?: boolean; below?: boolean } = {}): OptionSpec<number> {
  const words =
    ends.above && ends.below
      ? `a number above ${min} and below ${max}`
      : ends.above
        ? `a number above ${min} and at most ${max}`
        : ends.below
          ? `a number from ${min} to below ${max}`
          : `a number from ${min} to ${max}`;
  return spec(words, (z) => {
    const m = must(words);
    const low = ends.above ? z.number(m).gt(min, m) : z.number(m).gte(min, m);
    return ends.below ? low.lt(max, m) : low.lte(max, m);
  });
}

/** A share, weight or probability: a number from 0 to 1. */
export const unit = (): OptionSpec<number> => number(0, 1);

/** A whole number from `min` to `max` (no larger than 2^53 - 1 when `max` is not given). */
export function whole(min: number, max?: number): OptionSpec<number> {
  const words = max === undefined ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`;
  return spec(words, (z) => {
    const m = must(words);
    const low = z.int(m).gte(min, m);
    return max === undefined ? low : low.lte(max, m);
  });
}

/** true or false. */
export const flag = (): OptionSpec<boolean> => spec('true or false', (z) => z.boolean(must('true or false')));

/** An option no file sets: the command line fills it (e.g. --model). */
export function setElsewhere<T>(words: string): OptionSpec<T> {
  return spec(words, (z) => z.custom<T>(() => false, must(words)));
}

/** Longest phrase pattern accepted: phrases are short, and the safety check's cost grows with size. */
export const MAX_PATTERN_LENGTH = 500;

/** Phrase ids: letters, digits, "_", "-", "."; a model file stores user phrases as "user:<id>". */
const PHRASE_ID = /^(?:user:)?[A-Za-z0-9][\w.-]*$/;

/** A phrase entry as a file gives it (before its pattern is checked). */
export interface PhraseEntryInput {
  id: string;
  pattern: string;
  note: string;
  source: string;
  weight?: number | undefined;
}

/**
 * A list of phrase entries {id, pattern, note, source, weight?} (a phrase file, or boilerplate's extra
 * phrases in a model file). The patterns' syntax and safety are checked apart (src/config.ts).
 */
export function phraseEntries(): OptionSpec<PhraseEntryInput[]> {
  const words = 'an array of phrase entries {id, pattern, note, source}';
  return spec(words, (z) => {
    const text = (w: string) => z.string(must(w)).min(1, must(w));
    const idWords = 'an id of letters, digits, "_", "-" and "."';
    const patternWords = `a regular expression of 1 to ${MAX_PATTERN_LENGTH} characters`;
    const entry = z.strictObject(
      {
        id: z.string(must(idWords)).regex(PHRASE_ID, must(idWords)),
        pattern: text(patternWords).max(MAX_PATTERN_LENGTH, must(patternWords)),
        note: text('a non-empty string'),
        source: text('a non-empty string'),
        weight: unit().schema().optional(),
      },
      must('a phrase entry {id, pattern, note, source}'),
    );
    return z.array(entry, must(words));
  });
}

/**
 * Defaults, weights and thresholds, and validation of user configuration. The configuration's schema is
 * built from the signal registry (each signal declares its options' types and ranges, Signal.optionsSchema),
 * so a new signal brings its own. Errors name the file, the key path and what is allowed.
 */
import type * as Zod from 'zod';
import type { PhraseEntry } from './data/types.js';
import { assertNoReservedKeys, isReserved, issueError, pathText, shown, type UnknownKey } from './config-errors.js';
import { ConfigError } from './errors.js';
import { flag, loadZod, phraseEntries, unit, whole, type OptionSpec } from './options.js';
import { checkPatternSafety, PATTERN_CHECK_MS, PATTERN_CHECK_TOTAL_MS } from './text/regex-safety.js';
import { SIGNALS } from './signals/index.js';
import type { Signal } from './types.js';

export interface SignalSettings {
  enabled: boolean;
  weight: number;
  options: Record<string, unknown>;
}

export interface Gates {
  /** Fail (exit 1) when more comments than this are flagged across the run. */
  maxFlagged?: number;
  /** Fail (exit 1) when any thread's bot share exceeds this (0..1). */
  maxBotShare?: number;
}

export interface Config {
  /** A comment is flagged when its score is at least this. */
  threshold: number;
  /** By signal id; an object without a prototype. */
  signals: Record<string, SignalSettings>;
  gates: Gates;
  /** Authors never flagged (moderators, the article's author...). Compared case-insensitively. */
  allowAuthors: string[];
  /** Extra boilerplate phrase entries, loaded from `phraseFiles`. */
  extraPhrases: PhraseEntry[];
  /** Paths of extra phrase files, relative to the config file. */
  phraseFiles: string[];
}

export const DEFAULT_THRESHOLD = 0.45;

/** An object without a prototype: nothing read from a user's file can reach Object.prototype. */
export const bare = <T extends object>(from: T): T => Object.assign(Object.create(null) as T, from);

export function defaultConfig(): Config {
  const signals = bare<Record<string, SignalSettings>>({});
  // A signal that needs a trained model (--model) or the index (--index) starts off; every other signal starts on.
  for (const s of SIGNALS) signals[s.id] = { enabled: !s.needs?.model && !s.needs?.index, weight: s.weight, options: bare({ ...s.defaultOptions }) };
  return { threshold: DEFAULT_THRESHOLD, signals, gates: {}, allowAuthors: [], extraPhrases: [], phraseFiles: [] };
}

/** Options a configuration file does not set itself, and where they come from instead. */
const SET_ELSEWHERE: Readonly<Record<string, string>> = { extraPhrases: 'phraseFiles', model: '--model' };

/**
 * The schema of one signal's options as a configuration file may set them (each optional). Each carries
 * its default as metadata: it does not change what parsing gives, only the JSON Schema (configJsonSchema).
 */
function configOptions(signal: Signal<object>) {
  const shape: Record<string, Zod.ZodType> = {};
  const defaults = signal.defaultOptions as Record<string, unknown>;
  for (const [key, spec] of specs(signal)) if (!(key in SET_ELSEWHERE)) shape[key] = spec.schema().meta({ default: defaults[key] }).optional();
  return loadZod().strictObject(shape, { error: 'must be an object of options' });
}

const specs = (signal: Signal<object>) => Object.entries(signal.optionsSchema as Record<string, OptionSpec<unknown>>);

/** The schema of one signal's settings: true/false, a weight, or {enabled, weight, options}. */
function signalSettings(signal: Signal<object>) {
  const z = loadZod();
  const words = 'true, false, a weight from 0 to 1, or an object {enabled, weight, options}';
  const settings = z.strictObject({
    enabled: flag().schema().meta({ default: !signal.needs?.model }).optional(),
    weight: unit().schema().meta({ default: signal.weight }).optional(),
    options: configOptions(signal).optional(),
  });
  return z.union([flag().schema(), unit().schema(), settings], { error: `must be ${words}` }).describe(words);
}

/** The configuration file's schema, built from the signal registry; also its reference documentation. */
export function configSchema() {
  const z = loadZod();
  const signals: Record<string, Zod.ZodType> = {};
  for (const s of SIGNALS) signals[s.id] = signalSettings(s).optional();
  const strings = (words: string) => z.array(z.string({ error: 'must be a string' }), { error: `must be ${words}` }).describe(words);
  return z.strictObject(
    {
      $schema: z.string().optional(),
      threshold: unit().schema().meta({ default: DEFAULT_THRESHOLD }).optional(),
      signals: z.strictObject(signals, { error: 'must be an object keyed by signal id' }).optional(),
      gates: z.strictObject({ maxFlagged: whole(0).schema().optional(), maxBotShare: unit().schema().optional() }, { error: 'must be an object' }).optional(),
      allowAuthors: strings('an array of strings').optional(),
      phraseFiles: strings('an array of file paths').optional(),
    },
    { error: 'must be a JSON object' },
  );
}

/**
 * The configuration file's JSON Schema (draft-07; schemas/config.schema.json), made from the schema that
 * validates the file, so an editor completes and checks what threadsift accepts, with each default.
 */
export function configJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = loadZod().toJSONSchema(configSchema(), { target: 'draft-7' }) as Record<string, unknown>;
  return {
    $schema,
    title: 'threadsift configuration',
    description: 'threadsift.config.json, .threadsiftrc.json or the "threadsift" key of package.json. Generated by `npm run docs` from the option metadata (src/config.ts).',
    ...rest,
  };
}

const SETTINGS = ['threshold', 'signals', 'gates', 'allowAuthors', 'phraseFiles'];

/** Names an unknown key of a configuration by where it is. */
const unknownInConfig: UnknownKey = (path, key) => {
  const full = pathText([...path, key]);
  if (path.length === 0) return { message: `unknown setting "${key}"`, hint: `known settings: ${SETTINGS.join(', ')}` };
  if (path.length === 1 && path[0] === 'signals') return { message: `${full} is not a signal`, hint: `signals: ${SIGNALS.map((s) => s.id).join(', ')}` };
  if (path.length === 1 && path[0] === 'gates') return { message: `${full} is not a gate`, hint: 'gates: maxFlagged, maxBotShare' };
  if (path.length === 2 && path[0] === 'signals') return { message: `${full} is not a setting`, hint: 'use enabled, weight or options' };
  const id = String(path[1]);
  if (key in SET_ELSEWHERE) return { message: `${full} is not set in a configuration file`, hint: `use ${SET_ELSEWHERE[key]}` };
  return { message: `${full} is not an option of ${id}`, hint: `options: ${optionNames(id).join(', ')}` };
};

const optionNames = (id: string) => Object.keys(SIGNALS.find((s) => s.id === id)?.optionsSchema ?? {}).filter((k) => !(k in SET_ELSEWHERE));

/**
 * Validate a user configuration object and merge it over the defaults. Every error names the file it
 * came from and the key path (e.g. `signals.boilerplate.weight`), with what is allowed there.
 */
export function resolveConfig(user: unknown, origin: string, base: Config = defaultConfig()): Config {
  assertNoReservedKeys(user, origin);
  const parsed = configSchema().safeParse(user);
  if (!parsed.success) throw issueError(parsed.error.issues[0]!, user, origin, unknownInConfig, [], 'the configuration');
  const valid = parsed.data;
  const config: Config = {
    threshold: valid.threshold ?? base.threshold,
    signals: bare<Record<string, SignalSettings>>({}),
    gates: { ...base.gates },
    allowAuthors: valid.allowAuthors ?? [...base.allowAuthors],
    extraPhrases: [...base.extraPhrases],
    phraseFiles: valid.phraseFiles ?? [...base.phraseFiles],
  };
  for (const [id, s] of Object.entries(base.signals)) config.signals[id] = { enabled: s.enabled, weight: s.weight, options: bare({ ...s.options }) };
  for (const [id, value] of Object.entries(valid.signals ?? {})) {
    const current = config.signals[id]!;
    if (typeof value === 'boolean') current.enabled = value;
    else if (typeof value === 'number') current.weight = value;
    else if (value && typeof value === 'object') {
      const settings = value as { enabled?: boolean; weight?: number; options?: Record<string, unknown> };
      if (settings.enabled !== undefined) current.enabled = settings.enabled;
      if (settings.weight !== undefined) current.weight = settings.weight;
      for (const [k, v] of Object.entries(settings.options ?? {})) if (v !== undefined) current.options[k] = v;
    }
  }
  if (valid.gates?.maxFlagged !== undefined) config.gates.maxFlagged = valid.gates.maxFlagged;
  if (valid.gates?.maxBotShare !== undefined) config.gates.maxBotShare = valid.gates.maxBotShare;
  return config;
}

/**
 * Validate the options of signal `id` as a model file stores them (any subset of its options, each in
 * its range; a boilerplate model's extra phrases as phrase entries, each pattern proven safe). Returns
 * them on an object without a prototype.
 */
export function validateSignalOptions(signal: Signal<object>, options: unknown, origin: string, prefix: ReadonlyArray<PropertyKey>): Record<string, unknown> {
  assertNoReservedKeys(options, origin, prefix);
  const shape: Record<string, Zod.ZodType> = {};
  // A model file cannot hold the option the command line gives (--model): only the configured ones.
  for (const [key, spec] of specs(signal)) if (!SET_ELSEWHERE[key]?.startsWith('--')) shape[key] = spec.schema().optional();
  if (options !== null && typeof options === 'object' && Array.isArray((options as Record<string, unknown>).extraPhrases)) {
    assertIdsNotReserved((options as Record<string, unknown>).extraPhrases as unknown[], origin, [...prefix, 'extraPhrases']);
  }
  const parsed = loadZod().strictObject(shape, { error: 'must be an object of options' }).safeParse(options);
  const unknown: UnknownKey = (path, key) => ({ message: `${pathText([...path, key])} is not an option of ${signal.id}`, hint: `options: ${Object.keys(shape).join(', ')}` });
  if (!parsed.success) throw issueError(parsed.error.issues[0]!, options, origin, unknown, prefix);
  const out = bare<Record<string, unknown>>({});
  for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined) out[k] = v;
  if (Array.isArray(out.extraPhrases)) {
    const budget = patternBudget();
    out.extraPhrases = (out.extraPhrases as PhraseEntry[]).map((e, i) => checkedEntry(e, origin, [...prefix, 'extraPhrases', i], budget));
  }
  return out;
}

/** Time left for checking patterns in this run: every pattern of every file shares it. */
function patternBudget(): () => number {
  const end = Date.now() + PATTERN_CHECK_TOTAL_MS;
  return () => Math.min(PATTERN_CHECK_MS, end - Date.now());
}

/** Phrase ids are never names of Object.prototype members ("user:" aside, as a model file stores them). */
function assertIdsNotReserved(entries: unknown[], origin: string, prefix: ReadonlyArray<PropertyKey>): void {
  entries.forEach((e, i) => {
    const id = e !== null && typeof e === 'object' ? (e as Record<string, unknown>).id : undefined;
    if (typeof id === 'string' && isReserved(id.replace(/^user:/, ''))) throw new ConfigError(`${origin}: ${pathText([...prefix, i, 'id'])} "${id}" is a reserved name`);
  });
}

/** A phrase entry whose pattern compiles and is proven safe; a copy without a prototype. */
function checkedEntry(e: PhraseEntry, origin: string, path: ReadonlyArray<PropertyKey>, budget: () => number): PhraseEntry {
  const where = `${origin}: ${pathText(path)}`;
  try {
    new RegExp(e.pattern, 'giu');
  } catch (err) {
    throw new ConfigError(`${where}.pattern is not a valid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  const verdict = checkPatternSafety(e.pattern, budget());
  if (!verdict.safe) throw new ConfigError(`${where}.pattern is refused: it ${verdict.why}`, verdict.hint);
  const entry = bare<PhraseEntry>({ id: e.id, pattern: e.pattern, note: e.note, source: e.source });
  if (e.weight !== undefined) entry.weight = e.weight;
  return entry;
}

/** Names an unknown field of a phrase entry. */
const unknownInPhrases: UnknownKey = (path, key) => ({ message: `${pathText([...path, key])} is not a field of a phrase entry`, hint: 'fields: id, pattern, note, source, weight' });

/**
 * Validate a phrase file's content (the shape of the built-in lists): every entry's fields, ids used
 * once and not reserved, every pattern a valid regular expression proven safe by checkPatternSafety.
 */
export function parsePhraseFile(data: unknown, origin: string): PhraseEntry[] {
  assertNoReservedKeys(data, origin);
  if (!Array.isArray(data)) throw new ConfigError(`${origin}: a phrase file must be a JSON array of {id, pattern, note, source}, got ${shown(data)}`);
  assertIdsNotReserved(data, origin, []);
  const parsed = phraseEntries().schema().safeParse(data);
  if (!parsed.success) throw issueError(parsed.error.issues[0]!, data, origin, unknownInPhrases);
  const seen = new Set<string>();
  const budget = patternBudget();
  return parsed.data.map((e, i) => {
    if (seen.has(e.id)) throw new ConfigError(`${origin}: [${i}].id "${e.id}" is used twice`);
    seen.add(e.id);
    const entry = checkedEntry(e as PhraseEntry, origin, [i], budget);
    entry.id = `user:${e.id}`;
    return entry;
  });
}

/** What each option of each signal allows, for the reference documentation. */
export function optionRanges(signal: Signal<object>): Array<{ key: string; allowed: string; default: unknown }> {
  return specs(signal)
    .filter(([key]) => !(key in SET_ELSEWHERE))
    .map(([key, spec]) => ({ key, allowed: spec.words, default: (signal.defaultOptions as Record<string, unknown>)[key] }));
}

/** Defaults, weights and thresholds, and validation of user configuration with precise field paths. */
import type { PhraseEntry } from './data/types.js';
import { ConfigError } from './errors.js';
import { isObject, typeName } from './parsers/json-shape.js';
import { hasNestedQuantifier } from './text/regex-safety.js';
import { SIGNALS } from './signals/index.js';

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

export function defaultConfig(): Config {
  const signals: Record<string, SignalSettings> = {};
  // The model signal needs a trained model (--model), so it starts off; every other signal starts on.
  for (const s of SIGNALS) signals[s.id] = { enabled: s.id !== 'model', weight: s.weight, options: { ...s.defaultOptions } };
  return { threshold: DEFAULT_THRESHOLD, signals, gates: {}, allowAuthors: [], extraPhrases: [], phraseFiles: [] };
}


function unit(v: unknown, path: string, origin: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
    throw new ConfigError(`${origin}: ${path} must be a number from 0 to 1, got ${JSON.stringify(v)}`);
  }
  return v;
}

/**
 * Validate a user configuration object and merge it over the defaults. Every error names the field
 * path (e.g. `signals.boilerplate.weight`) and the file it came from.
 */
export function resolveConfig(user: unknown, origin: string, base: Config = defaultConfig()): Config {
  if (!isObject(user)) throw new ConfigError(`${origin}: the configuration must be a JSON object, got ${typeName(user)}`);
  const config: Config = structuredClone(base);
  const known = ['$schema', 'threshold', 'signals', 'gates', 'allowAuthors', 'phraseFiles'];
  for (const key of Object.keys(user)) {
    if (!known.includes(key)) {
      throw new ConfigError(`${origin}: unknown setting "${key}"`, `known settings: ${known.slice(1).join(', ')}`);
    }
  }
  if (user.threshold !== undefined) config.threshold = unit(user.threshold, 'threshold', origin);
  if (user.signals !== undefined) {
    if (!isObject(user.signals)) throw new ConfigError(`${origin}: signals must be an object keyed by signal id`);
    for (const [id, value] of Object.entries(user.signals)) {
      const current = config.signals[id];
      if (!current) {
        throw new ConfigError(`${origin}: signals.${id} is not a signal`, `signals: ${Object.keys(config.signals).join(', ')}`);
      }
      if (typeof value === 'boolean') current.enabled = value;
      else if (typeof value === 'number') current.weight = unit(value, `signals.${id}`, origin);
      else if (isObject(value)) {
        for (const key of Object.keys(value)) {
          if (!['enabled', 'weight', 'options'].includes(key)) {
            throw new ConfigError(`${origin}: signals.${id}.${key} is not a setting`, 'use enabled, weight or options');
          }
        }
        if (value.enabled !== undefined) {
          if (typeof value.enabled !== 'boolean') throw new ConfigError(`${origin}: signals.${id}.enabled must be true or false`);
          current.enabled = value.enabled;
        }
        if (value.weight !== undefined) current.weight = unit(value.weight, `signals.${id}.weight`, origin);
        if (value.options !== undefined) {
          if (!isObject(value.options)) throw new ConfigError(`${origin}: signals.${id}.options must be an object`);
          for (const [k, v] of Object.entries(value.options)) {
            const def = current.options[k];
            if (def === undefined || k === 'extraPhrases') {
              throw new ConfigError(`${origin}: signals.${id}.options.${k} is not an option of ${id}`, `options: ${Object.keys(current.options).filter((o) => o !== 'extraPhrases').join(', ')}`);
            }
            if (typeof v !== typeof def) {
              throw new ConfigError(`${origin}: signals.${id}.options.${k} must be a ${typeof def}, got ${typeName(v)}`);
            }
            current.options[k] = v;
          }
        }
      } else {
        throw new ConfigError(`${origin}: signals.${id} must be true, false, a weight, or an object`);
      }
    }
  }
  if (user.gates !== undefined) {
    if (!isObject(user.gates)) throw new ConfigError(`${origin}: gates must be an object`);
    for (const [k, v] of Object.entries(user.gates)) {
      if (k === 'maxFlagged') {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new ConfigError(`${origin}: gates.maxFlagged must be a whole number ≥ 0`);
        config.gates.maxFlagged = v;
      } else if (k === 'maxBotShare') config.gates.maxBotShare = unit(v, 'gates.maxBotShare', origin);
      else throw new ConfigError(`${origin}: gates.${k} is not a gate`, 'gates: maxFlagged, maxBotShare');
    }
  }
  if (user.allowAuthors !== undefined) {
    if (!Array.isArray(user.allowAuthors) || user.allowAuthors.some((a) => typeof a !== 'string')) {
      throw new ConfigError(`${origin}: allowAuthors must be an array of strings`);
    }
    config.allowAuthors = user.allowAuthors as string[];
  }
  if (user.phraseFiles !== undefined) {
    if (!Array.isArray(user.phraseFiles) || user.phraseFiles.some((a) => typeof a !== 'string')) {
      throw new ConfigError(`${origin}: phraseFiles must be an array of file paths`);
    }
    config.phraseFiles = user.phraseFiles as string[];
  }
  return config;
}

/** Validate a phrase file's content (same shape as the built-in lists). */
export function parsePhraseFile(data: unknown, origin: string): PhraseEntry[] {
  if (!Array.isArray(data)) throw new ConfigError(`${origin}: a phrase file must be a JSON array of {id, pattern, note, source}`);
  const seen = new Set<string>();
  return data.map((e, i) => {
    const at = `${origin}: [${i}]`;
    if (!isObject(e)) throw new ConfigError(`${at} must be an object`);
    for (const key of ['id', 'pattern', 'note', 'source'] as const) {
      if (typeof e[key] !== 'string' || e[key] === '') throw new ConfigError(`${at}.${key} must be a non-empty string`);
    }
    const id = e.id as string;
    if (seen.has(id)) throw new ConfigError(`${at}.id "${id}" is used twice`);
    seen.add(id);
    try {
      new RegExp(e.pattern as string, 'giu');
    } catch (err) {
      throw new ConfigError(`${at}.pattern is not a valid regular expression: ${(err as Error).message}`);
    }
    if (hasNestedQuantifier(e.pattern as string)) {
      throw new ConfigError(`${at}.pattern has a nested quantifier, which can take exponential time`);
    }
    const entry: PhraseEntry = { id: `user:${id}`, pattern: e.pattern as string, note: e.note as string, source: e.source as string };
    if (e.weight !== undefined) entry.weight = unit(e.weight, `[${i}].weight`, origin);
    return entry;
  });
}

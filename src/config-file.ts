/**
 * Configuration discovery and loading: --config FILE, else the nearest threadsift.config.json,
 * .threadsiftrc.json or package.json "threadsift" key from the working directory upwards.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { assertNoReservedKeys } from './config-errors.js';
import { defaultConfig, parsePhraseFile, resolveConfig, type Config } from './config.js';
import { syntaxErrorOffset } from './parsers/json-shape.js';
import { ConfigError } from './errors.js';

export const CONFIG_FILES = ['threadsift.config.json', '.threadsiftrc.json'] as const;

/** A file's text, or a ConfigError naming it. */
function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/**
 * A user's JSON file (configuration, phrase list, model) as data: objects without a prototype, and no
 * key named like a member of Object.prototype. A file that is not JSON is named with the line and
 * column where reading stopped, and nothing of its content: it may be a secret (.env) given by mistake.
 */
export function parseUserJson(text: string, origin: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    const offset = syntaxErrorOffset(body);
    const before = body.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    throw new ConfigError(`${origin}: is not valid JSON (line ${line}, column ${column})`);
  }
  assertNoReservedKeys(data, origin);
  return withoutPrototypes(data);
}

/** A copy of parsed JSON whose objects have no prototype. */
function withoutPrototypes(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(withoutPrototypes);
  if (data === null || typeof data !== 'object') return data;
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(data)) out[k] = withoutPrototypes(v);
  return out;
}

/** Read and parse a user's JSON file (see parseUserJson). */
export function readUserJson(path: string): unknown {
  return parseUserJson(readText(path), path);
}

/** Find the configuration that applies in `cwd`, or undefined for the defaults. */
export function findConfigFile(cwd: string): { path: string; data: unknown } | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const path = join(dir, name);
      if (existsSync(path)) return { path, data: readUserJson(path) };
    }
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const text = readText(pkg);
      // Another project's half-written package.json is none of our business, unless it holds our key.
      let data: unknown;
      try {
        data = parseUserJson(text, pkg);
      } catch (err) {
        if (text.includes('"threadsift"')) throw err;
      }
      if (data && typeof data === 'object' && !Array.isArray(data) && 'threadsift' in data) return { path: `${pkg}#threadsift`, data: (data as Record<string, unknown>).threadsift };
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Load and validate the configuration, with its phrase files; `origin` says where it came from. */
export function loadConfig(explicit: string | undefined, cwd: string): { config: Config; origin: string } {
  const found = explicit ? { path: explicit, data: readUserJson(explicit) } : findConfigFile(cwd);
  if (!found) return { config: defaultConfig(), origin: 'defaults' };
  const config = resolveConfig(found.data, found.path);
  const base = dirname(found.path.replace(/#threadsift$/, ''));
  for (const file of config.phraseFiles) {
    const path = resolve(base, file);
    config.extraPhrases.push(...parsePhraseFile(readUserJson(path), path));
  }
  return { config, origin: found.path };
}

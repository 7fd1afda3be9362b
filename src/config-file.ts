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
 * Where the files a configuration is made from (the configuration, its phrase files, a model) are read:
 * the disk, or the texts the main thread of a scan read (`filesFrom`), so that its worker threads make
 * the very configuration it made, whatever happens to the files while the run goes on.
 */
export interface UserFiles {
  exists(path: string): boolean;
  read(path: string): string;
}

export const DISK: UserFiles = { exists: existsSync, read: readText };

/** The disk, keeping every text read by its path in `texts`; a path read again gives the text read first. */
export function recordingFiles(): UserFiles & { texts: Map<string, string> } {
  const texts = new Map<string, string>();
  return {
    texts,
    exists: (path) => texts.has(path) || existsSync(path),
    read(path) {
      let text = texts.get(path);
      if (text === undefined) texts.set(path, (text = readText(path)));
      return text;
    },
  };
}

/** The files whose texts were recorded (recordingFiles), and no others. */
export function filesFrom(texts: ReadonlyMap<string, string>): UserFiles {
  return {
    exists: (path) => texts.has(path),
    read(path) {
      const text = texts.get(path);
      if (text === undefined) throw new ConfigError(`${path}: cannot be read (the main thread did not read it)`);
      return text;
    },
  };
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
export function readUserJson(path: string, files: UserFiles = DISK): unknown {
  return parseUserJson(files.read(path), path);
}

/** Find the configuration that applies in `cwd`, or undefined for the defaults. */
export function findConfigFile(cwd: string, files: UserFiles = DISK): { path: string; data: unknown } | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const path = join(dir, name);
      if (files.exists(path)) return { path, data: readUserJson(path, files) };
    }
    const pkg = join(dir, 'package.json');
    if (files.exists(pkg)) {
      const text = files.read(pkg);
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
export function loadConfig(explicit: string | undefined, cwd: string, files: UserFiles = DISK): { config: Config; origin: string } {
  const found = explicit ? { path: explicit, data: readUserJson(explicit, files) } : findConfigFile(cwd, files);
  if (!found) return { config: defaultConfig(), origin: 'defaults' };
  const config = resolveConfig(found.data, found.path);
  const base = dirname(found.path.replace(/#threadsift$/, ''));
  for (const file of config.phraseFiles) {
    const path = resolve(base, file);
    config.extraPhrases.push(...parsePhraseFile(readUserJson(path, files), path));
  }
  return { config, origin: found.path };
}

/**
 * Configuration discovery and loading: --config FILE, else the nearest threadsift.config.json,
 * .threadsiftrc.json or package.json "threadsift" key from the working directory upwards.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defaultConfig, parsePhraseFile, resolveConfig, type Config } from './config.js';
import { ConfigError } from './errors.js';

export const CONFIG_FILES = ['threadsift.config.json', '.threadsiftrc.json'] as const;

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ConfigError(`${path}: is not valid JSON: ${(err as Error).message}`);
  }
}

/** Find the configuration that applies in `cwd`, or undefined for the defaults. */
export function findConfigFile(cwd: string): { path: string; data: unknown } | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const path = join(dir, name);
      if (existsSync(path)) return { path, data: readJson(path) };
    }
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const data = readJson(pkg) as Record<string, unknown> | null;
      if (data && typeof data === 'object' && 'threadsift' in data) return { path: `${pkg}#threadsift`, data: data.threadsift };
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Load and validate the configuration, with its phrase files; `origin` says where it came from. */
export function loadConfig(explicit: string | undefined, cwd: string): { config: Config; origin: string } {
  const found = explicit ? { path: explicit, data: readJson(explicit) } : findConfigFile(cwd);
  if (!found) return { config: defaultConfig(), origin: 'defaults' };
  const config = resolveConfig(found.data, found.path);
  const base = dirname(found.path.replace(/#threadsift$/, ''));
  for (const file of config.phraseFiles) {
    const path = resolve(base, file);
    config.extraPhrases.push(...parsePhraseFile(readJson(path), path));
  }
  return { config, origin: found.path };
}

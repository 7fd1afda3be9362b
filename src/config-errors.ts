/**
 * Errors in a user's JSON (configuration, phrase and model files) as one line each: the file, the key path
 * as the user reads it, what is allowed and what was found, never the whole value.
 */
import type * as Zod from 'zod';
import { ConfigError } from './errors.js';

/** Keys that name members of Object.prototype: refused anywhere in a user's file. */
const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Whether a name is reserved (never an id or a key: "__proto__", "constructor", "toString"...). */
export const isReserved = (name: string) => RESERVED.has(name);

/** A key path as a user reads it: signals.promo.options.minRepeatChars, [0].pattern, allowAuthors[2]. */
export function pathText(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out === '' ? String(k) : `.${String(k)}`;
  return out;
}

/** A value as an error message shows it: short, and never a whole object. */
export function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'an array';
  if (v !== null && typeof v === 'object') return 'an object';
  const text = JSON.stringify(v);
  return text.length > 40 ? `${text.slice(0, 39)}…"` : text;
}

const at = (data: unknown, path: ReadonlyArray<PropertyKey>): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);

/**
 * Refuse any key named like a member of Object.prototype, at any depth: as "__proto__" it would replace
 * a prototype when merged, and as "constructor" or "toString" it would find a built-in where a setting
 * is looked up.
 */
export function assertNoReservedKeys(data: unknown, origin: string, prefix: ReadonlyArray<PropertyKey> = []): void {
  const stack: Array<{ value: unknown; path: ReadonlyArray<PropertyKey> }> = [{ value: data, path: prefix }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        if (isReserved(key)) throw new ConfigError(`${origin}: ${pathText([...path, key])} is not allowed as a key`);
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
}

/** Says what an unknown key is, where it was found (the path of the object holding it). */
export type UnknownKey = (path: ReadonlyArray<PropertyKey>, key: string) => { message: string; hint?: string };

/** The first problem zod found, as one ConfigError naming the file, the key path and what is allowed. */
export function issueError(issue: Zod.z.core.$ZodIssue, data: unknown, origin: string, unknown: UnknownKey, prefix: ReadonlyArray<PropertyKey> = [], root = 'the file'): ConfigError {
  // For a value that may take several forms (a signal: true, a weight or an object), the form of the
  // value's own type says what is wrong inside it.
  if (issue.code === 'invalid_union') {
    const branch = issue.errors.find((issues) => issues[0] && !(issues[0].code === 'invalid_type' && issues[0].path.length === 0));
    if (branch) return issueError({ ...branch[0]!, path: [...issue.path, ...branch[0]!.path] }, data, origin, unknown, prefix, root);
  }
  const path = [...prefix, ...(issue.path as PropertyKey[])];
  if (issue.code === 'unrecognized_keys') {
    const { message, hint } = unknown(path, issue.keys[0]!);
    return new ConfigError(`${origin}: ${message}`, hint);
  }
  const value = at(data, issue.path as PropertyKey[]);
  const where = pathText(path) || root;
  return new ConfigError(`${origin}: ${where} ${issue.message.startsWith('must ') ? issue.message : `must be valid (${issue.message})`}, got ${shown(value)}`);
}


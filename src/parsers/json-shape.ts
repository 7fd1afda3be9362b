/** Shared pieces for reading JSON exports: one way to parse, name types and check shapes with paths. */
import { InputError } from '../errors.js';

export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value's JSON type as a user would say it ("array", "null", "number"...). */
export const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** JSON.parse with a one-line InputError naming the file. */
export function parseJsonText(raw: string, source: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new InputError(source, `is not valid JSON: ${(err as Error).message}`, undefined, 'check the file is complete JSON');
  }
}

/** Shape checks that report the field path through `fail`. */
export function shapeChecks(fail: (path: string, problem: string) => never) {
  const missingOr = (v: unknown, wanted: string) => (v === undefined ? 'is missing' : `must be ${wanted}, got ${typeName(v)}`);
  return {
    object: (v: unknown, path: string): JsonObject => (isObject(v) ? v : fail(path, missingOr(v, 'an object'))),
    array: (v: unknown, path: string): unknown[] => (Array.isArray(v) ? v : fail(path, missingOr(v, 'an array'))),
  };
}

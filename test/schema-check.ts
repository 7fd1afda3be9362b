/**
 * The shipped JSON Schemas (schemas/*.json) as validators, for tests: `validate('report', value)` returns
 * the problems ajv finds, as lines naming the JSON path ([] when the value is valid). The JSONL reporter's
 * tests validate each line with `validate('jsonl', line)`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { ROOT } from './helpers.js';

export type SchemaName = 'report' | 'jsonl' | 'clusters' | 'config' | 'eval' | 'threads' | 'model' | 'index-stats' | 'index-export';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const compiled = new Map<SchemaName, ValidateFunction>();

/** The schema file as shipped in the package. */
export const schemaFile = (name: SchemaName): unknown => JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8'));

/** What the schema `name` finds wrong with `value`, one line per problem; [] when it is valid. */
export function validate(name: SchemaName, value: unknown): string[] {
  let check = compiled.get(name);
  if (!check) compiled.set(name, (check = ajv.compile(schemaFile(name) as object)));
  if (check(value)) return [];
  return (check.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}

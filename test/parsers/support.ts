/** Helpers for parser tests: parse a fixture through detection, catch the InputError a parse throws. */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { InputError } from '../../src/errors.js';
import { detectParser, parseInput } from '../../src/parsers/index.js';
import type { ParseOptions, ParseOutput } from '../../src/parsers/types.js';
import type { Thread } from '../../src/types.js';
import { ROOT, testFixture } from '../helpers.js';

/** A fixture under test/fixtures/parsers. */
export const parserFixture = (name: string) => testFixture('parsers', name);
/** A real export under test/fixtures/export-formats. */
export const realExport = (...parts: string[]) => testFixture('export-formats', ...parts);
/** A file in ../shared/datasets (not part of the repository; tests using it are skipped without it). */
export const sharedDataset = (...parts: string[]) => join(ROOT, '..', 'shared', 'datasets', ...parts);

/** Parse a file as the CLI would: decode, detect the format (unless forced), parse. Sources are repo-relative. */
export function parseFile(path: string, format?: string, options: ParseOptions = {}): ParseOutput {
  return parseInput(readFileSync(path), relative(ROOT, path), format, options);
}

/** Parse in-memory text under a made-up file name (the extension drives detection). */
export function parseText(text: string, source: string, format?: string, options: ParseOptions = {}): ParseOutput {
  return parseInput(new TextEncoder().encode(text), source, format, options);
}

/** The format name detection picks for a file, without --input-format. */
export function detectedFormat(path: string): string {
  return detectParser(relative(ROOT, path), readFileSync(path, 'utf8')).name;
}

/** The InputError `run` throws (fails the test when it throws nothing or something else). */
export function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  expect.fail('expected an InputError');
}

export const ids = (thread: Thread) => thread.comments.map((c) => c.id);
export const byId = (thread: Thread, id: string) => {
  const c = thread.comments.find((x) => x.id === id);
  if (!c) expect.fail(`no comment ${id} in thread ${thread.id}`);
  return c;
};
export const commentCount = (threads: Thread[]) => threads.reduce((n, t) => n + t.comments.length, 0);

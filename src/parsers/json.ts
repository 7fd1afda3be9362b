/**
 * threadsift JSON (one thread object or an array of them) and JSONL (one thread object per line).
 * Validation names the field path ("[0].comments[3].text") and, for JSONL, the line.
 */
import { InputError } from '../errors.js';
import { checkMemoryEvery } from '../memory.js';
import { isObject, parseJsonText, typeName } from './json-shape.js';
import type { Comment, Thread } from '../types.js';
import { normalizeNewlines } from './decode.js';
import type { Parser } from './types.js';
import { threadIdFromSource } from '../util/thread-id.js';


class FieldError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

function optionalString(obj: Record<string, unknown>, key: string, path: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && key === 'id') return String(v);
  if (typeof v !== 'string') throw new FieldError(`${path}.${key}`, `must be a string, got ${typeName(v)}`);
  return v;
}

/** Positive labels for eval/train: 1, true, "1", "true", "bot", "spam" (case-insensitive). */
export function parseLabel(v: unknown): boolean | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const s = String(v).trim().toLowerCase();
  if (['1', 'true', 'bot', 'spam', 'yes', 'fake', 'machine', 'ai'].includes(s)) return true;
  if (['0', 'false', 'human', 'ham', 'no', 'real', 'legit'].includes(s)) return false;
  return undefined;
}

/** Validate one thread object into a Thread; `path` prefixes field names in errors. */
export function threadFromObject(value: unknown, path: string, source: string, fallbackId: string): Thread {
  if (!isObject(value)) throw new FieldError(path || '(top level)', `must be a thread object, got ${typeName(value)}`);
  const at = (k: string) => (path ? `${path}.${k}` : k);
  const title = optionalString(value, 'title', path) ?? '';
  const body = optionalString(value, 'body', path) ?? '';
  const url = optionalString(value, 'url', path);
  const id = optionalString(value, 'id', path) ?? fallbackId;
  const rawComments = value.comments;
  if (rawComments === undefined) throw new FieldError(at('comments'), 'is missing (a thread needs a comments array)');
  if (!Array.isArray(rawComments)) throw new FieldError(at('comments'), `must be an array, got ${typeName(rawComments)}`);
  const seen = new Set<string>();
  const comments: Comment[] = rawComments.map((c, i) => {
    checkMemoryEvery();
    const cp = `${at('comments')}[${i}]`;
    if (!isObject(c)) throw new FieldError(cp, `must be a comment object, got ${typeName(c)}`);
    const text = c.text;
    if (typeof text !== 'string') throw new FieldError(`${cp}.text`, text === undefined ? 'is missing' : `must be a string, got ${typeName(text)}`);
    const cid = optionalString(c, 'id', cp) ?? String(i + 1);
    if (seen.has(cid)) throw new FieldError(`${cp}.id`, `repeats id "${cid}"; comment ids must be unique in a thread`);
    seen.add(cid);
    const comment: Comment = { id: cid, index: i + 1, text };
    const author = optionalString(c, 'author', cp);
    const createdAt = optionalString(c, 'createdAt', cp);
    const parentId = c.parentId === undefined || c.parentId === null ? undefined : typeof c.parentId === 'number' ? String(c.parentId) : optionalString(c, 'parentId', cp);
    if (author !== undefined) comment.author = author;
    if (createdAt !== undefined) comment.createdAt = createdAt;
    if (parentId !== undefined) comment.parentId = parentId;
    const label = parseLabel(c.label);
    if (label !== undefined) comment.label = label;
    return comment;
  });
  const thread: Thread = { id, source, title, body, comments };
  if (url !== undefined) thread.url = url;
  return thread;
}

function wrap(source: string, where: string | undefined, err: unknown): never {
  if (err instanceof FieldError) throw new InputError(source, `${err.path} ${err.message}`, where);
  throw err;
}

export const json: Parser = {
  name: 'json',
  description: 'threadsift JSON: one thread object {title, body, comments: [{id, text, ...}]} or an array of them',
  extensions: ['.json'],
  // Any JSON document: the registry asks the specific JSON exports (Reddit, Commento) first.
  sniff: (head) => /^\s*[[{]/.test(head),
  parse(text, source) {
    const data = parseJsonText(normalizeNewlines(text), source);
    const base = threadIdFromSource(source);
    try {
      if (Array.isArray(data)) {
        return { threads: data.map((t, i) => threadFromObject(t, `[${i}]`, source, `${base}#${i + 1}`)), warnings: [] };
      }
      // `threadsift parse` output, {"threads": [...]}, reads back as the threads it printed.
      if (isObject(data) && data.comments === undefined && Array.isArray(data.threads)) {
        return { threads: data.threads.map((t, i) => threadFromObject(t, `threads[${i}]`, source, `${base}#${i + 1}`)), warnings: [] };
      }
      return { threads: [threadFromObject(data, '', source, base)], warnings: [] };
    } catch (err) {
      return wrap(source, undefined, err);
    }
  },
};

/**
 * One JSONL line as a thread: null for a blank line, an InputError naming the line for a bad one.
 * Shared by the whole-file parser below and the CLI's streaming reader for large files.
 */
export function jsonlRecord(line: string, lineNo: number, source: string): Thread | null {
  if (line.trim() === '') return null;
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (err) {
    throw new InputError(source, `is not valid JSON: ${(err as Error).message}`, `${lineNo}`);
  }
  try {
    const thread = threadFromObject(data, '', source, `${threadIdFromSource(source)}#${lineNo}`);
    // The whole thread is on this line: it is where each of its comments can be found.
    for (const c of thread.comments) c.line = lineNo;
    return thread;
  } catch (err) {
    return wrap(source, `${lineNo}`, err);
  }
}

export const jsonl: Parser = {
  name: 'jsonl',
  description: 'threadsift JSONL: one thread object per line; a bad line is reported and the other lines are still read',
  extensions: ['.jsonl', '.ndjson'],
  sniff: (head) => /^\s*\{[^\n]*"comments"\s*:[^\n]*\}\s*\n\s*\{/.test(head),
  parse(text, source) {
    const threads: Thread[] = [];
    const problems: InputError[] = [];
    normalizeNewlines(text)
      .split('\n')
      .forEach((line, i) => {
        try {
          const thread = jsonlRecord(line, i + 1, source);
          if (thread) threads.push(thread);
        } catch (err) {
          if (err instanceof InputError) problems.push(err);
          else throw err;
        }
      });
    return { threads, warnings: [], problems };
  },
};

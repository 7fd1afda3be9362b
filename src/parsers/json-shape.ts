/** Shared pieces for reading JSON exports: one way to parse, name types and check shapes with paths. */
import { InputError } from '../errors.js';
import { isObject, typeName, type JsonObject } from '../util/json-value.js';

// The parsers read these from here with the rest of the JSON-shape checks.
export { isObject, typeName, type JsonObject };

/** JSON.parse with a one-line InputError naming the file, and the line and column of a syntax error. */
export function parseJsonText(raw: string, source: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (err) {
    const at = syntaxErrorOffset(raw);
    const before = raw.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    // Keep "Unexpected token '}'"; drop the quoted snippet and position Node appends (they may span lines).
    const message = (err as Error).message.split(/, (?:\.\.\.)?"| in JSON at position/)[0]!.replace(/\s+/g, ' ');
    throw new InputError(source, `is not valid JSON: ${message}`, `${line}:${column}`, 'check the file is complete JSON');
  }
}

/**
 * Offset of the first JSON syntax error (or the end of the text when it stops early): a small scan with
 * an explicit stack of open containers, because Node 20's JSON.parse messages do not always give a
 * position, and nesting may be deeper than any call stack.
 */
export function syntaxErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => (text.startsWith(word, i) ? (i += word.length) : fail());
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  const key = () => {
    ws();
    if (text[i] !== '"') fail();
    string();
    ws();
    if (text[i] !== ':') fail();
    i++;
  };
  // Open containers, innermost last: '{' or '['.
  const open: string[] = [];
  try {
    for (;;) {
      // A value is expected here.
      ws();
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) i++;
        else {
          open.push(c);
          if (c === '{') key();
          continue;
        }
      } else if (c === '"') string();
      else if (c === 't') literal('true');
      else if (c === 'f') literal('false');
      else if (c === 'n') literal('null');
      else number();
      // After a value: a separator, the end of its container, or the end of the text.
      for (;;) {
        ws();
        const top = open[open.length - 1];
        if (top === undefined) return i < text.length ? i : text.length;
        if (text[i] === ',') {
          i++;
          if (top === '{') key();
          break;
        }
        if (text[i] === (top === '{' ? '}' : ']')) {
          i++;
          open.pop();
        } else fail();
      }
    }
  } catch (at) {
    if (typeof at === 'number') return Math.min(at, text.length);
    return 0;
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

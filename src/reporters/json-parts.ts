/**
 * JSON.stringify(value, null, 2), as parts to write one after another. A report of 5,000 comments is
 * 8.6 MB of JSON: as one string it is built whole, and once any comment has a character beyond Latin-1
 * the whole string takes two bytes per character and is slow to encode. In parts, each comment is its
 * own small string, encoded into a batch of bytes as soon as it is made (see emitChunks in cli.ts).
 */

/**
 * An array whose items are made as they are written: the JSON report's comments, so that a thread of a
 * million comments is not copied into a million report objects before the first byte goes out. Written
 * exactly as the array of its items would be.
 */
export class LazyList {
  constructor(
    readonly length: number,
    readonly at: (index: number) => unknown,
  ) {}

  toJSON(): unknown[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}

/** Values JSON.stringify leaves out of an object (and writes as null in an array). */
const omitted = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';
/** A value whose JSON is whatever its toJSON method returns (which may even be nothing). */
const hasToJson = (value: unknown) => value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function';
/** new String(…), new Number(…), new Boolean(…): written as the primitive, not as an object. */
const boxed = (value: unknown) => value instanceof String || value instanceof Number || value instanceof Boolean;

/**
 * The parts of JSON.stringify(value, null, 2), whose concatenation is exactly that text, made as they
 * are read. Arrays and objects `depth` levels deep are laid out here; deeper values (and any value with a
 * toJSON method, and boxed primitives) are written by JSON.stringify itself and re-indented, one part
 * each with the separator before them. Nothing when JSON.stringify gives undefined.
 *
 * For plain data, as reports are: a getter is read more than once, and a toJSON method laid out here
 * is called with "" or "0" where JSON.stringify would pass its key.
 */
export function* jsonParts(value: unknown, depth: number): Generator<string> {
  if (omitted(value)) return;
  if (hasToJson(value)) {
    const text = JSON.stringify(value, null, 2);
    if (text !== undefined) yield text;
    return;
  }
  yield* write(value, depth, '', '');
}

/**
 * JSON.stringify(value, null, 2) with every line after the first indented by `indent` (an even number of
 * spaces): written nested in as many arrays, whose brackets are then cut off, so the text is made once.
 * In an array, a toJSON that returns nothing is written as null, as here.
 */
function indented(value: unknown, indent: string): string {
  const levels = indent.length / 2;
  let nested = value;
  for (let i = 0; i < levels; i++) nested = [nested];
  const text = JSON.stringify(nested, null, 2) ?? 'null';
  // "[\n  " opens each level (the indent growing by two), "\n  ]" closes it.
  const open = levels * 2 + levels * (levels + 1);
  const close = levels * 2 + levels * (levels - 1);
  return text.slice(open, text.length - close);
}

/** An array of `length` items, item i being at(i), as JSON indented by `indent`. */
function* writeItems(length: number, at: (i: number) => unknown, depth: number, indent: string, before: string): Generator<string> {
  if (length === 0) {
    yield `${before}[]`;
    return;
  }
  const inner = `${indent}  `;
  let separator = `${before}[\n${inner}`;
  for (let i = 0; i < length; i++) {
    const item = at(i);
    if (omitted(item)) yield `${separator}null`;
    else yield* write(item, depth - 1, inner, separator);
    separator = `,\n${inner}`;
  }
  yield `\n${indent}]`;
}

/** `value` as JSON indented by `indent`, its first part preceded by `before`. */
function* write(value: unknown, depth: number, indent: string, before: string): Generator<string> {
  if (value instanceof LazyList && depth > 0) {
    yield* writeItems(value.length, (i) => value.at(i), depth, indent, before);
    return;
  }
  // An object with a toJSON value among its properties is left to JSON.stringify whole: whether that
  // property is written at all depends on what its toJSON returns.
  const whole =
    depth <= 0 ||
    value === null ||
    typeof value !== 'object' ||
    hasToJson(value) ||
    boxed(value) ||
    (!Array.isArray(value) && Object.values(value).some((v) => hasToJson(v) && !(v instanceof LazyList)));
  if (whole) {
    yield before + indented(value, indent);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const list = value as unknown[];
    yield* writeItems(list.length, (i) => list[i], depth, indent, before);
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => !omitted(record[k]));
  if (keys.length === 0) {
    yield `${before}{}`;
    return;
  }
  let separator = `${before}{\n${inner}`;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    yield* write(record[key], depth - 1, inner, `${separator}${JSON.stringify(key)}: `);
    separator = `,\n${inner}`;
  }
  yield `\n${indent}}`;
}

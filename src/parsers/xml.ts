/**
 * Safe XML reading shared by the Disqus and WordPress parsers.
 *
 * Safety: a DOCTYPE that declares entities or points at an external DTD is refused before parsing (entity
 * expansion bombs, external entities reading local files); entities are never processed while reading, and
 * only the five XML entities and numeric references are decoded, once, by us.
 *
 * Size: Disqus exports run to hundreds of MB, and a single message can be several MB, so every step is one
 * linear pass, and the document is read record by record (each <post>, each <item>) rather than into one
 * tree, by a small reader of our own (recordTree) once fast-xml-parser's strict validator has passed it.
 *
 * Tolerance: the document is checked with fast-xml-parser's strict validator first (mismatched tags,
 * truncated files, broken attributes), and a failure is an InputError naming the line. Two defects of real exports are repaired instead, with a
 * warning, because their meaning is unambiguous: stray characters before the first tag (remark42's test
 * exports start with a backtick) and unquoted attribute values (`dsq:id=247937687`).
 */
import { createRequire } from 'node:module';
import type * as Fxp from 'fast-xml-parser';

// Loaded on first use: most runs read no XML, and the library costs ~100 ms of start-up.
const require = createRequire(import.meta.url);
let fxp: typeof Fxp | undefined;
const lib = (): typeof Fxp => (fxp ??= require('fast-xml-parser') as typeof Fxp);
import { InputError } from '../errors.js';
import { decodeXmlEntities } from './html.js';

/** A node in fast-xml-parser's preserveOrder shape: `{ tag: children, ':@': attributes }` or a text node. */
export type XmlNode = Record<string, unknown>;

const ATTRS = ':@';
const TEXT = '#text';
const CDATA = '#cdata';

/** 1-based line of an offset; only called on the way to an error or warning. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t' || c === '\r';
const isNameStart = (c: string | undefined) => c !== undefined && /[A-Za-z_:]/.test(c);

class Refusal extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
    readonly hint: string,
  ) {
    super(problem);
  }
}

const DOCTYPE_HINT = 'comment exports never need a DTD: remove the <!DOCTYPE …> declaration if you trust the file';

/** Checks a DOCTYPE at `start`; returns the offset after it. Refuses entity declarations and external DTDs. */
function inspectDoctype(s: string, start: number): number {
  let i = start + '<!DOCTYPE'.length;
  let quote: string | undefined;
  let external = false;
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') break;
    else if (c === '[') {
      i = inspectInternalSubset(s, i + 1);
    } else if ((c === 'S' && s.startsWith('SYSTEM', i)) || (c === 'P' && s.startsWith('PUBLIC', i))) external = true;
  }
  if (external) throw new Refusal(start, 'has a DOCTYPE that points to an external DTD, which is never loaded (external entities are unsafe)', DOCTYPE_HINT);
  return i + 1;
}

function inspectInternalSubset(s: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ']') return i;
    else if (c === '<' && s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      i = end === -1 ? s.length : end + 2;
    } else if (c === '<' && s.slice(i, i + 8).toUpperCase() === '<!ENTITY') {
      throw new Refusal(i, 'declares DTD entities (<!ENTITY>), which are never expanded (entity expansion bombs, external entities)', DOCTYPE_HINT);
    }
  }
  return s.length;
}

interface MarkupVisitor {
  /** An attribute value written without quotes: `name=value` spans nameStart..valueEnd. */
  unquoted?(nameStart: number, valueStart: number, valueEnd: number): void;
  /** A start tag from `start` to `end` (exclusive, after its ">"). */
  startTag?(start: number, tag: string, selfClosing: boolean, end: number): void;
  /** An end tag ending at `end` (exclusive). */
  endTag?(end: number): void;
}

/** Offset of the ">" or "/>" ending the start tag at `start`, reporting unquoted attribute values. */
function scanStartTag(s: string, start: number, visitor: MarkupVisitor): number {
  const stop = (c: string | undefined) => c === undefined || isSpace(c) || c === '>' || c === '/' || c === '<';
  let j = start + 1;
  while (!stop(s[j])) j++;
  for (;;) {
    while (isSpace(s[j])) j++;
    if (stop(s[j])) return j;
    const nameStart = j;
    while (!stop(s[j]) && s[j] !== '=') j++;
    if (j === nameStart) return j;
    let k = j;
    while (isSpace(s[k])) k++;
    if (s[k] !== '=') continue;
    k++;
    while (isSpace(s[k])) k++;
    const q = s[k];
    if (q === '"' || q === "'") {
      const close = s.indexOf(q, k + 1);
      if (close === -1) return k;
      j = close + 1;
      continue;
    }
    let end = k;
    while (end < s.length && !isSpace(s[end]) && !'>"\'<`'.includes(s[end]!) && !(s[end] === '/' && s[end + 1] === '>')) end++;
    if (end === k) return k;
    visitor.unquoted?.(nameStart, k, end);
    j = end;
  }
}

/**
 * One linear pass over the markup, skipping CDATA sections, comments and processing instructions.
 * Refuses unsafe DOCTYPEs wherever they are.
 */
function walkMarkup(s: string, visitor: MarkupVisitor): void {
  let i = s.indexOf('<');
  while (i !== -1 && i < s.length) {
    if (s.startsWith('<![CDATA[', i)) {
      const end = s.indexOf(']]>', i + 9);
      if (end === -1) return;
      i = s.indexOf('<', end + 3);
    } else if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end === -1) return;
      i = s.indexOf('<', end + 3);
    } else if (s.startsWith('<?', i)) {
      const end = s.indexOf('?>', i + 2);
      if (end === -1) return;
      i = s.indexOf('<', end + 2);
    } else if (s.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') {
      i = s.indexOf('<', inspectDoctype(s, i));
    } else if (s[i + 1] === '/') {
      const end = s.indexOf('>', i + 2);
      if (end === -1) return;
      visitor.endTag?.(end + 1);
      i = s.indexOf('<', end + 1);
    } else if (isNameStart(s[i + 1])) {
      const j = scanStartTag(s, i, visitor);
      const end = s.indexOf('>', j);
      if (end === -1) return;
      if (visitor.startTag) {
        let nameEnd = i + 1;
        while (nameEnd < j && !isSpace(s[nameEnd])) nameEnd++;
        visitor.startTag(i, s.slice(i + 1, nameEnd), s[j] === '/', end + 1);
      }
      i = s.indexOf('<', end + 1);
    } else i = s.indexOf('<', i + 1);
  }
}

/** The innermost element still open where the markup ends, if any (a file cut short). */
function openAtEnd(s: string): { tag: string; start: number } | undefined {
  const open: Array<{ tag: string; start: number }> = [];
  walkMarkup(s, {
    startTag(start, tag, selfClosing) {
      if (!selfClosing) open.push({ tag, start });
    },
    endTag() {
      open.pop();
    },
  });
  return open[open.length - 1];
}

/** Quote unquoted attribute values; the text is only copied when something was repaired. */
function quoteBareAttributes(s: string): { text: string; count: number; first: string; firstAt: number } {
  const parts: string[] = [];
  let copied = 0;
  let count = 0;
  let first = '';
  let firstAt = 0;
  walkMarkup(s, {
    unquoted(nameStart, valueStart, valueEnd) {
      if (count++ === 0) {
        first = s.slice(nameStart, valueEnd);
        firstAt = nameStart;
      }
      parts.push(s.slice(copied, valueStart), '"', s.slice(valueStart, valueEnd), '"');
      copied = valueEnd;
    },
  });
  if (count === 0) return { text: s, count, first, firstAt };
  parts.push(s.slice(copied));
  return { text: parts.join(''), count, first, firstAt };
}

/** One element of the export (a Disqus <post>, a WXR <item>) and where it starts. */
export interface XmlRecord {
  node: XmlNode;
  /** 1-based line of its start tag. */
  line: number;
}

/**
 * Read an XML export safely (see the top of this file), handing each child element of the element at
 * `path` (e.g. ["rss", "channel"]) to `onRecord` as its own small tree, in document order. Parsing record by
 * record keeps memory near the size of the file: one tree for a whole Disqus export is several times larger.
 * Throws InputError naming the line for unsafe DOCTYPEs, XML that is not well-formed and a root element
 * other than path[0]; returns warnings for the defects it repaired.
 */
export function readXmlRecords(raw: string, source: string, path: readonly string[], onRecord: (record: XmlRecord) => void): string[] {
  const warnings: string[] = [];
  const first = raw.indexOf('<');
  if (first === -1) throw new InputError(source, 'is not XML: it has no tags', undefined, `pass an XML export with a <${path[0]}> root element`);
  const prefix = raw.slice(0, first);
  const lineOffset = prefix.split('\n').length - 1;
  const stray = prefix.replace(/^\uFEFF/, '').trim();
  if (stray !== '') {
    warnings.push(`${source}:${lineOffset + 1}: ignored ${stray.length} stray character(s) before the first tag (${JSON.stringify(stray.slice(0, 20))})`);
  }
  let s = raw.slice(first);
  try {
    const repaired = quoteBareAttributes(s);
    if (repaired.count > 0) {
      warnings.push(
        `${source}:${lineOffset + lineAt(s, repaired.firstAt)}: read ${repaired.count} attribute value(s) written without quotes, first ${repaired.first} (XML requires quotes)`,
      );
      s = repaired.text;
    }
  } catch (err) {
    if (err instanceof Refusal) throw new InputError(source, err.problem, String(lineOffset + lineAt(s, err.offset)), err.hint);
    throw err;
  }
  const valid = lib().XMLValidator.validate(s);
  if (valid !== true) {
    const { msg, line } = valid.err;
    const hint = 'check the export is complete and was not edited by hand';
    // The validator blames line 1 for elements still open at the end: name where the text stops instead.
    const open = openAtEnd(s);
    if (open) {
      const last = lineAt(s, s.trimEnd().length - 1) + lineOffset;
      throw new InputError(source, `is not well-formed XML: it ends inside <${open.tag}> (opened at line ${lineAt(s, open.start) + lineOffset}): the file is cut short`, String(last), hint);
    }
    throw new InputError(source, `is not well-formed XML: ${msg.replace(/\.$/, '')}`, String(line + lineOffset), hint);
  }

  // Lines are counted forward from the previous record, so numbering every record stays linear.
  let countedTo = 0;
  let line = lineOffset + 1;
  const lineOf = (offset: number) => {
    for (let nl = s.indexOf('\n', countedTo); nl !== -1 && nl < offset; nl = s.indexOf('\n', nl + 1)) line++;
    countedTo = offset;
    return line;
  };
  const open: string[] = [];
  let onPath = 0;
  let recordStart = -1;
  const emit = (start: number, end: number) => {
    const at = lineOf(start);
    const node = recordTree(s, start, end);
    if (node) onRecord({ node, line: at });
  };
  walkMarkup(s, {
    startTag(start, tag, selfClosing, end) {
      const depth = open.length;
      if (depth === 0 && tag !== path[0]) {
        throw new InputError(source, `has a <${tag}> root element, not <${path[0]}>`, String(lineOf(start)), `pass an export whose root element is <${path[0]}>`);
      }
      if (depth === path.length && onPath === depth && recordStart === -1) {
        if (selfClosing) emit(start, end);
        else recordStart = start;
      }
      if (selfClosing) return;
      if (depth < path.length && onPath === depth && tag === path[depth]) onPath++;
      open.push(tag);
    },
    endTag(end) {
      open.pop();
      if (onPath > open.length) onPath = open.length;
      if (open.length === path.length && recordStart !== -1) {
        emit(recordStart, end);
        recordStart = -1;
      }
    },
  });
  return warnings;
}

/**
 * The element s[start, end) as a tree in fast-xml-parser's preserveOrder shape (what the helpers below
 * read): one linear pass. The document was checked by the strict validator first, so its markup is
 * well-formed. fast-xml-parser's own parser appends text one character at a time, which for a message of
 * several MB is a long chain of small strings: most of the run went to collecting them.
 */
function recordTree(s: string, start: number, end: number): XmlNode | undefined {
  const root: XmlNode[] = [];
  const stack: XmlNode[][] = [root];
  const add = (node: XmlNode) => stack[stack.length - 1]!.push(node);
  let i = start;
  while (i < end) {
    const lt = s.indexOf('<', i);
    const stop = lt === -1 || lt > end ? end : lt;
    if (stop > i) {
      // Text on either side of a comment or processing instruction is one text, as fast-xml-parser has it.
      const siblings = stack[stack.length - 1]!;
      const last = siblings[siblings.length - 1];
      if (last && typeof last[TEXT] === 'string') last[TEXT] += s.slice(i, stop);
      else add({ [TEXT]: s.slice(i, stop) });
    }
    if (stop >= end) break;
    if (s.startsWith('<![CDATA[', stop)) {
      const close = s.indexOf(']]>', stop + 9);
      const to = close === -1 || close > end ? end : close;
      add({ [CDATA]: [{ [TEXT]: s.slice(stop + 9, to) }] });
      i = to + 3;
    } else if (s.startsWith('<!--', stop)) {
      const close = s.indexOf('-->', stop + 4);
      i = close === -1 ? end : close + 3;
    } else if (s[stop + 1] === '?' || s[stop + 1] === '!') {
      const close = s.indexOf('>', stop + 2);
      i = close === -1 ? end : close + 1;
    } else if (s[stop + 1] === '/') {
      if (stack.length > 1) stack.pop();
      const close = s.indexOf('>', stop + 2);
      i = close === -1 ? end : close + 1;
    } else {
      let j = stop + 1;
      while (j < end && !isSpace(s[j]) && s[j] !== '>' && s[j] !== '/') j++;
      const tag = s.slice(stop + 1, j);
      // Attribute names are the file's: no prototype for a name like "__proto__" to reach.
      const attrs = Object.create(null) as Record<string, string>;
      let any = false;
      for (;;) {
        while (j < end && isSpace(s[j])) j++;
        if (j >= end || s[j] === '>' || s[j] === '/') break;
        const nameStart = j;
        while (j < end && !isSpace(s[j]) && s[j] !== '=' && s[j] !== '>' && s[j] !== '/') j++;
        const attr = s.slice(nameStart, j);
        while (j < end && isSpace(s[j])) j++;
        if (s[j] !== '=') continue;
        j++;
        while (j < end && isSpace(s[j])) j++;
        const q = s[j];
        if (q !== '"' && q !== "'") break;
        const close = s.indexOf(q, j + 1);
        const to = close === -1 || close > end ? end : close;
        attrs[attr] = s.slice(j + 1, to);
        any = true;
        j = to + 1;
      }
      const selfClosing = s[j] === '/';
      const close = s.indexOf('>', j);
      i = close === -1 ? end : close + 1;
      const children: XmlNode[] = [];
      const node: XmlNode = { [tag]: children };
      if (any) node[ATTRS] = attrs;
      add(node);
      if (!selfClosing) stack.push(children);
    }
  }
  return root.find((n) => name(n) !== undefined);
}

/** The element's tag name (with its namespace prefix, e.g. "wp:comment"); undefined for text nodes. */
export function name(node: XmlNode): string | undefined {
  for (const key in node) if (key !== ATTRS) return key === TEXT || key === CDATA ? undefined : key;
  return undefined;
}

/** All child nodes, elements and text, in document order. */
export function children(node: XmlNode): XmlNode[] {
  const key = name(node);
  const value = key === undefined ? undefined : node[key];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** Child elements named `tag`, in document order. */
export function elements(node: XmlNode, tag: string): XmlNode[] {
  return children(node).filter((c) => name(c) === tag);
}

/** The first child element named `tag`. */
export function element(node: XmlNode, tag: string): XmlNode | undefined {
  return children(node).find((c) => name(c) === tag);
}

/** An attribute's value with its references decoded; undefined when absent. */
export function attribute(node: XmlNode, attr: string): string | undefined {
  const attrs = node[ATTRS] as Record<string, unknown> | undefined;
  const v = attrs?.[attr];
  return typeof v === 'string' ? decodeXmlEntities(v) : undefined;
}

/** The text inside an element, in document order: character data decoded once, CDATA as written. */
export function text(node: XmlNode): string {
  const out: string[] = [];
  const walk = (n: XmlNode) => {
    for (const c of children(n)) {
      if (typeof c[TEXT] === 'string') out.push(decodeXmlEntities(c[TEXT]));
      else if (Array.isArray(c[CDATA])) for (const part of c[CDATA] as XmlNode[]) out.push(String(part[TEXT] ?? ''));
      else walk(c);
    }
  };
  walk(node);
  return out.join('');
}

/** The text of the first child element named `tag`, or undefined when there is none. */
export function childText(node: XmlNode, tag: string): string | undefined {
  const el = element(node, tag);
  return el === undefined ? undefined : text(el);
}

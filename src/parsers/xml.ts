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
 * truncated files, broken attributes), and a failure is an InputError naming the line. Two defects of real
 * exports are repaired instead, with a warning, because their meaning is unambiguous: stray characters
 * before the first tag (remark42's test exports start with a backtick) and unquoted attribute values
 * (`dsq:id=247937687`). The markup scanner is in xml-markup.ts, the record trees in xml-tree.ts.
 */
import { createRequire } from 'node:module';
import type * as Fxp from 'fast-xml-parser';
import { InputError } from '../errors.js';
import { openAtEnd, quoteBareAttributes, Refusal, walkMarkup } from './xml-markup.js';
import { recordTree, type XmlNode } from './xml-tree.js';

// Loaded on first use: most runs read no XML, and loading the library is a sizeable part of start-up.
const require = createRequire(import.meta.url);
let fxp: typeof Fxp | undefined;
const lib = (): typeof Fxp => (fxp ??= require('fast-xml-parser') as typeof Fxp);

/** 1-based line of an offset; only called on the way to an error or warning. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
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

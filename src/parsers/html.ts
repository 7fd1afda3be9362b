/**
 * HTML fragments (comment bodies in Disqus, WordPress and YouTube exports) to plain text. Every pattern
 * here is linear: exports run to hundreds of MB and comment bodies are untrusted.
 */
import { createRequire } from 'node:module';
import type * as Entities from 'entities/decode';

// entities builds its decoding tables when it is loaded: at the first named reference, not at every start-up.
const require = createRequire(import.meta.url);
let entities: typeof Entities | undefined;
const decoders = () => (entities ??= require('entities/decode') as typeof Entities);

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|[a-zA-Z][a-zA-Z0-9]{1,31});/g;

/**
 * A numeric reference's character, or undefined (the reference is left as written) for one that names no
 * character. Unlike a browser, a control character is decoded as itself, not replaced by U+FFFD or its
 * Windows-1252 look-alike: the text is what the comment says, and every reporter strips controls.
 */
function codePoint(n: number): string | undefined {
  if (n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
  return String.fromCodePoint(n);
}

/** Decode references once; `named` gets a whole named reference ("&eacute;") and returns it as written when unknown. */
function decodeWith(text: string, named: (reference: string) => string): string {
  if (!text.includes('&')) return text;
  // One pass over the input: a decoded "&" is never looked at again, so "&amp;lt;" becomes "&lt;", not "<".
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined) => {
    if (dec !== undefined) return codePoint(Number(dec)) ?? whole;
    if (hex !== undefined) return codePoint(parseInt(hex, 16)) ?? whole;
    return named(whole);
  });
}

/**
 * Decode HTML character references once: every named entity of the HTML standard (with its ";"; a bare
 * "&copy" is text) and numeric references.
 */
export function decodeHtmlEntities(text: string): string {
  return decodeWith(text, (reference) => decoders().decodeHTMLStrict(reference));
}

/** Decode XML character references once: only the five predefined entities and numeric references. */
export function decodeXmlEntities(text: string): string {
  return decodeWith(text, (reference) => decoders().decodeXML(reference));
}

/** A tag: a name of letters, digits and "-", then attributes after whitespace or "/". `<U+1F447>` is not one. */
const TAG_SOURCE = '<\\/?[a-zA-Z][a-zA-Z0-9-]*(?:[\\s/][^<>]*)?>';
const TAG = new RegExp(TAG_SOURCE);
const ENTITY_TEST = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/;

/** True when a cell holds markup or character references worth decoding (a tag or an entity). */
export function looksLikeHtml(text: string): boolean {
  return TAG.test(text) || ENTITY_TEST.test(text);
}

/** How htmlToText treats the whitespace of the source. */
export interface HtmlToTextOptions {
  /**
   * Keep line breaks written in the source. WordPress stores comments as text whose newlines are the
   * paragraphs (it adds <p> only when displaying); real HTML (Disqus, YouTube) treats them as spaces.
   */
  keepNewlines?: boolean;
}

// `(?:-->|$)`-style endings let an unclosed comment or script swallow the rest instead of being retried
// at every later "<", which would be quadratic.
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const SCRIPT_OR_STYLE = /<(script|style)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const BREAK = /<br(?:[\s/][^<>]*)?>/gi;
const PARAGRAPH = /<\/?(?:p|div|blockquote|pre|h[1-6]|ul|ol|table)(?:[\s/][^<>]*)?>/gi;
const LINE = /<(?:li|tr|dt|dd|hr)(?:[\s/][^<>]*)?>/gi;
const ANY_TAG = new RegExp(TAG_SOURCE, 'g');

/**
 * An HTML fragment as plain text: <br> becomes a newline, block elements separate paragraphs, other tags
 * are dropped (a link keeps its text), entities are decoded once, after the tags are gone, so "&lt;3"
 * stays "<3" and is never mistaken for a tag.
 */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  let s = html.replace(HTML_COMMENT, '').replace(SCRIPT_OR_STYLE, '');
  // HTML whitespace is space, tab, CR, LF and FF; a no-break space is content and stays.
  s = options.keepNewlines ? s.replace(/\r\n?/g, '\n').replace(/[ \t\f]+/g, ' ') : s.replace(/[ \t\n\r\f]+/g, ' ');
  s = s.replace(BREAK, '\n').replace(PARAGRAPH, '\n\n').replace(LINE, '\n').replace(ANY_TAG, '');
  s = decodeHtmlEntities(s);
  return s
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

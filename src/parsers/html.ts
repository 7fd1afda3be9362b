/**
 * HTML fragments (comment bodies in Disqus, WordPress and YouTube exports) to plain text. Every pattern
 * here is linear: exports run to hundreds of MB and comment bodies are untrusted.
 */

/** Named entities seen in comment exports; anything else is left as written rather than guessed. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  shy: '\u00AD',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwnj: '\u200C',
  zwj: '\u200D',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201A',
  ldquo: '\u201C',
  rdquo: '\u201D',
  bdquo: '\u201E',
  laquo: '\u00AB',
  raquo: '\u00BB',
  hellip: '\u2026',
  bull: '\u2022',
  middot: '\u00B7',
  copy: '\u00A9',
  reg: '\u00AE',
  trade: '\u2122',
  deg: '\u00B0',
  plusmn: '\u00B1',
  times: '\u00D7',
  divide: '\u00F7',
  frac12: '\u00BD',
  frac14: '\u00BC',
  frac34: '\u00BE',
  euro: '\u20AC',
  pound: '\u00A3',
  yen: '\u00A5',
  cent: '\u00A2',
  sect: '\u00A7',
  para: '\u00B6',
  iexcl: '\u00A1',
  iquest: '\u00BF',
  larr: '\u2190',
  rarr: '\u2192',
  hearts: '\u2665',
};

/** The five XML entities: all an XML document may use without declaring them. */
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;

function codePoint(n: number): string | undefined {
  if (n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
  return String.fromCodePoint(n);
}

function decodeWith(text: string, named: (name: string) => string | undefined): string {
  if (!text.includes('&')) return text;
  // One pass over the input: a decoded "&" is never looked at again, so "&amp;lt;" becomes "&lt;", not "<".
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return codePoint(Number(dec)) ?? whole;
    if (hex !== undefined) return codePoint(parseInt(hex, 16)) ?? whole;
    return named(name!) ?? whole;
  });
}

/** Decode HTML character references once: common named entities and numeric references. */
export function decodeHtmlEntities(text: string): string {
  return decodeWith(text, (name) => (Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name] : undefined));
}

/** Decode XML character references once: only the five predefined entities and numeric references. */
export function decodeXmlEntities(text: string): string {
  return decodeWith(text, (name) => (XML_ENTITIES.has(name) ? NAMED_ENTITIES[name] : undefined));
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

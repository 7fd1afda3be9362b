/**
 * The part of a comment the machine-text detector reads: its own prose. Platform markup is blanked out
 * with spaces of the same length, so offsets found in the prose are offsets into the comment:
 * - links (promo's evidence, not style);
 * - a leading "RT @user:" and a leading run of @mentions (a reply's addressing), and any other @mention;
 * - hashtags (platform tags, not sentences);
 * - quotation marks wrapping the whole comment (how a model quotes its own output);
 * - HTML character references (`&amp;` as an export left it reads as `&`, padded with zero-width spaces).
 * What the detector judges is then the same whether or not an export kept this markup, and it cannot learn
 * a data set's packaging (election-tweets' SOURCE.md lists exactly these artefacts).
 */

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[a-z0-9-]{2,63}\.(?:com|net|org|ly|co|io|gl|me|tv)\/[^\s<>"]*/giu;
const MENTION = /(?<![\p{L}\p{N}_.])[@＠][\p{L}\p{N}_]{1,30}/gu;
const HASHTAG = /(?<![\p{L}\p{N}_&])[#＃][\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu;
const RETWEET = /^\s*RT\b:?(?:\s*[@＠][\p{L}\p{N}_]{1,30}:?)?/u;
const ENTITY = /&(?:amp|lt|gt|quot|apos|nbsp|#\d{1,7}|#x[0-9a-f]{1,6});/giu;
const ENTITY_CHAR: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const OPEN_QUOTE = new Set(['"', '“', '”', '„', '«', "'"]);
const CLOSE_QUOTE = new Set(['"', '“', '”', '»', "'"]);

const blank = (n: number) => ' '.repeat(n);

function decodeEntity(ref: string): string {
  const name = ref.slice(1, -1).toLowerCase();
  if (name.startsWith('#x')) return safeChar(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return safeChar(Number(name.slice(1)));
  return ENTITY_CHAR[name] ?? ' ';
}

// A character reference to a surrogate half, a control or past U+10FFFF is nothing to read.
function safeChar(code: number): string {
  if (!(code >= 32 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff) || (code >= 0x7f && code < 0xa0)) return ' ';
  const c = String.fromCodePoint(code);
  return c.length === 1 ? c : ' ';
}

/** The comment's own prose, same length as `text` (see the module comment). */
export function proseOf(text: string): string {
  let out = text;
  // Padded with zero-width spaces, which the tokenizer reads through: "don&#39;t" stays one word.
  if (out.includes('&')) out = out.replace(ENTITY, (m) => decodeEntity(m) + '\u200b'.repeat(m.length - 1));
  if (out.includes('://') || /www\.|\.(?:com|net|org|ly|co|io|gl|me|tv)\//i.test(out)) out = out.replace(LINK, (m) => blank(m.length));
  if (out.includes('@') || out.includes('＠')) {
    out = out.replace(RETWEET, (m) => blank(m.length)).replace(MENTION, (m) => blank(m.length));
  }
  if (out.includes('#') || out.includes('＃')) out = out.replace(HASHTAG, (m) => blank(m.length));
  return unwrapQuotes(out);
}

/** Quotation marks that open the first word and close the last are blanked, repeatedly ('"…"'). */
function unwrapQuotes(text: string): string {
  let start = 0;
  let end = text.length;
  let out = text;
  for (;;) {
    while (start < end && /\s/.test(out[start]!)) start++;
    while (end > start && /\s/.test(out[end - 1]!)) end--;
    if (end - start < 2 || !OPEN_QUOTE.has(out[start]!) || !CLOSE_QUOTE.has(out[end - 1]!)) return out;
    // A single quote wraps only when no other single quote is inside (else it is an apostrophe).
    if (out[start] === "'" && out.slice(start + 1, end - 1).includes("'")) return out;
    out = out.slice(0, start) + ' ' + out.slice(start + 1, end - 1) + ' ' + out.slice(end);
  }
}

/**
 * Comment text is hostile. Everything the tool writes passes through one of these so that no control
 * character, escape sequence (CSI colours, OSC-8 hyperlinks, title changes), bidi override or
 * spreadsheet formula from a comment reaches a terminal or a spreadsheet.
 */
import { isSpace } from './normalize.js';

// C0 controls except \t and \n, DEL, C1 controls (which include the 8-bit CSI/OSC introducers).
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidi embedding/override/isolate characters can reorder what a moderator sees (Trojan Source).
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// Whole escape sequences, so their printable tails ("[31m", "]8;;http://x") do not leak either.
const ANSI_SEQUENCE = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[PX^_][^\u001B]*(?:\u001B\\)?|[@-Z\\-_])/g;
const C1_SEQUENCE = /\u009B[0-?]*[ -/]*[@-~]|\u009D[^\u0007\u009C]*(?:\u0007|\u009C)?/g;
// Any character the expressions above (or the whitespace collapsing below) could change: most text has
// none, and is returned as it is.
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/** Remove escape sequences and control characters; keep \n and \t only when `keepNewlines`. */
export function stripControls(text: string, keepNewlines = false): string {
  if (!UNSAFE.test(text)) return text;
  let out = text.replace(ANSI_SEQUENCE, '').replace(C1_SEQUENCE, '').replace(CONTROL, '').replace(BIDI, '');
  if (!keepNewlines) out = out.replace(/[\t\n]+/g, ' ');
  return out;
}

/** One display line: controls removed, whitespace collapsed, cut to `max` characters with an ellipsis. */
export function excerpt(text: string, max: number): string {
  // Only the head can appear in an excerpt; cleaning a 50 MB comment in full would stall the report.
  const head = text.length > max * 8 + 256 ? text.slice(0, max * 8 + 256) : text;
  // The first max + 1 code points after collapsing are decided by the text up to its (max + 1)th
  // non-space code point: collapse only that much (a report excerpts thousands of comments).
  const stripped = stripControls(head);
  const clean = stripped.slice(0, afterNonSpace(stripped, max + 1)).replace(/\s+/g, ' ').trim();
  // Where the (max - 1)th code point ends, or -1 when the text has at most `max` code points.
  const cut = codePointCut(clean, max);
  if (cut < 0) return head !== text ? `${clean}…` : clean;
  return `${clean.slice(0, cut).trimEnd()}…`;
}

/** The index after the `count`th code point of `text` that is not whitespace (\s), or the text's length. */
function afterNonSpace(text: string, count: number): number {
  let seen = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    if (!isSpace(c) && ++seen === count) return i;
  }
  return text.length;
}

/**
 * The end of the first max(1, max - 1) code points of `text` when it has more than `max` of them, else -1
 * (an excerpt never splits a surrogate pair).
 */
function codePointCut(text: string, max: number): number {
  if (text.length <= max) return -1;
  const keep = Math.max(1, max - 1);
  let cut = -1;
  let points = 0;
  let i = 0;
  while (i < text.length) {
    if (points === keep) cut = i;
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    points++;
    if (points > max && cut >= 0) return cut;
  }
  return points > max ? (cut >= 0 ? cut : i) : -1;
}

/**
 * A CSV cell that a spreadsheet will not evaluate: a leading = + - @ tab or CR is neutralised with an
 * apostrophe (OWASP's advice), after controls are removed.
 */
export function spreadsheetSafe(text: string): string {
  const clean = stripControls(text, true);
  return /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
}

// Controls (DEL and C1; JSON escapes C0 itself, and tab, LF and CR outside strings are its layout), format
// characters (bidi marks, embeddings, overrides and isolates, zero-width characters, soft hyphen, tags)
// and the line and paragraph separators.
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\p{Cf}\u2028\u2029]/u;
const INVISIBLE_ALL = /(?![\t\n\r])[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * JSON text (as JSON.stringify writes it) with every control, format and separator character written as a
 * \uXXXX escape (two for a character beyond the BMP), so a report shown in a terminal or an editor
 * cannot be reordered or hidden by the comments it quotes. JSON.stringify leaves such characters only
 * inside strings, where an escape reads back as the same character: the text parses to the same value.
 */
export function escapeInvisible(json: string): string {
  if (!INVISIBLE.test(json)) return json;
  return json.replace(INVISIBLE_ALL, (ch) => {
    let out = '';
    for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}

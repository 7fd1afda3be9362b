/**
 * The markup scanner under the XML reader (xml.ts): one linear pass over tags that skips CDATA, comments
 * and processing instructions, refuses unsafe DOCTYPEs, and finds attribute values written without quotes.
 */

export const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t' || c === '\r';
const isNameStart = (c: string | undefined) => c !== undefined && /[A-Za-z_:]/.test(c);

export class Refusal extends Error {
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
export function walkMarkup(s: string, visitor: MarkupVisitor): void {
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
export function openAtEnd(s: string): { tag: string; start: number } | undefined {
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
export function quoteBareAttributes(s: string): { text: string; count: number; first: string; firstAt: number } {
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

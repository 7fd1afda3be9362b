/**
 * The text dump: what a reader gets by copying an article page. A title line, the article, page chrome
 * ("Listen to the article", share/print lines, a "Fact Checker" box), a comments header ("16 Comments",
 * "Comments (16)", "Comments: 16", "Comments"), then the comments: one per line, or blank-line separated
 * when comments span several lines.
 */
import { InputError } from '../errors.js';
import type { Comment } from '../types.js';
import { normalizeNewlines } from './decode.js';
import type { Parser } from './types.js';
import { threadIdFromSource } from '../util/thread-id.js';

const CHROME: readonly RegExp[] = [
  /^listen to (?:the|this) (?:article|story)$/i,
  /^(?:share|print|email|e-mail|tweet|copy link|save|bookmark|gift (?:this )?article)(?: (?:this|the) (?:article|story|page))?:?$/i,
  /^share (?:on|via) [\w ]+$/i,
  /^fact[- ]?checker$/i,
  /^verify the accuracy of this article\b/i,
  /^advertisement$/i,
  /^\d+ min(?:ute)?s? read$/i,
];

const HEADERS: readonly RegExp[] = [
  /^(\d[\d,]*)\s+(?:comments?|responses?|replies)$/i,
  /^(?:comments?|responses?|discussion)\s*(?:\(\s*(\d[\d,]*)\s*\)|:\s*(\d[\d,]*))$/i,
  /^(?:comments?|responses?|discussion)$/i,
];

interface Line {
  text: string;
  no: number;
}

/**
 * The line without trailing spaces, tabs and no-break spaces. A loop from the end, not /[ \t\u00A0]+$/:
 * the regular expression retries the run from each of its spaces when text follows it, which is
 * quadratic in the length of a run inside a line.
 */
function trimTrailingBlanks(line: string): string {
  let end = line.length;
  for (let c = line.charCodeAt(end - 1); c === 0x20 || c === 0x09 || c === 0xa0; c = line.charCodeAt(end - 1)) end--;
  return end === line.length ? line : line.slice(0, end);
}

function headerCount(text: string): number | null | undefined {
  for (const re of HEADERS) {
    const m = re.exec(text);
    if (m) {
      const digits = m[1] ?? m[2];
      return digits ? Number(digits.replace(/,/g, '')) : null;
    }
  }
  return undefined;
}

export const textDump: Parser = {
  name: 'text',
  description: 'Plain-text article dump: title, article, a comments header, then one comment per line or per blank-line-separated block',
  extensions: ['.txt', '.text', '.dump'],
  sniff: () => true,
  parse(raw, source) {
    const lines: Line[] = normalizeNewlines(raw)
      .split('\n')
      .map((text, i) => ({ text: trimTrailingBlanks(text), no: i + 1 }));
    const isChrome = (l: Line) => CHROME.some((re) => re.test(l.text.trim()));
    const titleAt = lines.findIndex((l) => l.text.trim() !== '' && !isChrome(l));
    if (titleAt === -1) throw new InputError(source, 'is empty: no title, article or comments', undefined, 'pass a non-empty dump');
    // The first header that states a count ("16 Comments") wins; otherwise the last bare one, since an
    // article may have a "Discussion" sub-heading of its own before the real comments header.
    let headerAt = -1;
    let declared: number | null | undefined;
    for (let i = titleAt + 1; i < lines.length; i++) {
      const count = headerCount(lines[i]!.text.trim());
      if (count === undefined) continue;
      if (count !== null) {
        headerAt = i;
        declared = count;
        break;
      }
      headerAt = i;
      declared = null;
    }
    if (headerAt === -1) {
      throw new InputError(
        source,
        'has no comments section',
        undefined,
        'a text dump needs a header line such as "16 Comments", "Comments (16)" or "Comments" before the comments',
      );
    }
    const title = lines[titleAt]!.text.trim();
    const body = lines
      .slice(titleAt + 1, headerAt)
      .filter((l) => !isChrome(l))
      .map((l) => l.text.trim())
      .filter((t) => t !== '')
      .join('\n');
    const section = lines.slice(headerAt + 1);
    const found = splitComments(section, declared ?? undefined);
    const comments: Comment[] = found.map(({ text, line }, i) => ({ id: String(i + 1), index: i + 1, text, line }));
    const warnings: string[] = [];
    if (declared != null && declared !== comments.length) {
      warnings.push(
        `${source}:${lines[headerAt]!.no}: the header declares ${declared} comments but ${comments.length} were found`,
      );
    }
    const thread = { id: threadIdFromSource(source), source, title, body, comments, ...(declared != null ? { declaredCommentCount: declared } : {}) };
    return { threads: [thread], warnings };
  },
};

/**
 * One comment per line, or per blank-line-separated block, each with the line it starts on. When the
 * header declares a count, the reading that matches it wins; otherwise blank lines between comments
 * mean blocks.
 */
function splitComments(section: Line[], declared: number | undefined): Array<{ text: string; line: number }> {
  const byLine = section.filter((l) => l.text.trim() !== '').map((l) => ({ text: l.text.trim(), line: l.no }));
  const blocks: Array<{ text: string; line: number }> = [];
  let current: Line[] = [];
  const close = () => {
    if (current.length) blocks.push({ text: current.map((l) => l.text.trim()).join('\n'), line: current[0]!.no });
    current = [];
  };
  for (const l of section) {
    if (l.text.trim() === '') close();
    else current.push(l);
  }
  close();
  if (declared !== undefined) {
    if (byLine.length === declared) return byLine;
    if (blocks.length === declared) return blocks;
  }
  // Blank lines between comments mean blocks; a section without them has one comment per line.
  return blocks.length > 1 ? blocks : byLine;
}

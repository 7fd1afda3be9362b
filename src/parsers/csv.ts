/**
 * CSV/TSV comment tables (YouTube Spam Collection, TweepFake, SFU, GRiD, spreadsheet exports): one comment
 * per row, columns found by their header names or chosen explicitly (ParseOptions.csv, the --csv-* options).
 *
 * - Delimiter: tab for .tsv, otherwise whichever of `,` `;` tab occurs most in the header line (TweepFake
 *   uses `;`).
 * - Threads: rows are grouped by a thread column (thread_id, thread, article, post, url, title,
 *   comment_post_id, conversation_id) in order of first appearance; without one the file is one thread
 *   named after the file.
 * - A `comment_approved` column (WordPress's wp_comments table) of "spam" or "trash" is the site's own
 *   moderation mark, as in a WordPress export (see wxr.ts).
 * - Cells holding HTML (YouTube: `<br />`, `&#39;`, `<a href=…>`) become plain text, entities decoded once.
 * - Ids: the id column, else the 1-based position in the thread. A repeated id gets a `~2`, `~3`… suffix
 *   (first occurrence keeps it), with a warning. Rows with empty text are skipped, with a warning count.
 * - Parent "", "0" (unless a comment has id 0), "root", "null" and "none" mean no parent.
 */
import { createRequire } from 'node:module';
import type * as CsvSync from 'csv-parse/sync';

// Loaded on first use: runs that read no CSV should not pay for the library at start-up.
const require = createRequire(import.meta.url);
let csvLib: typeof CsvSync | undefined;
const lib = (): typeof CsvSync => (csvLib ??= require('csv-parse/sync') as typeof CsvSync);
import { InputError } from '../errors.js';
import type { Comment, Thread } from '../types.js';
import { normalizeNewlines } from './decode.js';
import { htmlToText, looksLikeHtml } from './html.js';
import { parseLabel } from './json.js';
import { APPROVAL_MARKS } from './wxr.js';
import type { ParseOptions, Parser } from './types.js';
import { threadIdFromSource } from '../util/thread-id.js';
import { checkMemoryEvery } from '../memory.js';

type Field = keyof NonNullable<ParseOptions['csv']>;

/**
 * Header names each field is recognised by, case-insensitively, best first. Besides the usual names:
 * WordPress's wp_comments table as phpMyAdmin exports it (comment_content, comment_post_ID…), and tweets
 * as Twitter/X exports and tweet datasets name them (full_text is the whole text where text may be cut at
 * 140 characters).
 */
const ALIASES: Readonly<Record<Field, readonly string[]>> = {
  text: ['full_text', 'text', 'content', 'comment', 'comment_text', 'comment_body', 'comment_content', 'body', 'message', 'tweet', 'tweet_text', 'data'],
  id: ['id', 'comment_id', 'commentid', 'tweet_id'],
  author: ['author', 'user', 'username', 'screen_name', 'name', 'comment_author'],
  parent: ['parent', 'parent_id', 'parentid', 'in_reply_to', 'comment_parent', 'in_reply_to_status_id'],
  date: ['date', 'created', 'created_at', 'timestamp', 'time', 'comment_date_gmt', 'comment_date'],
  thread: ['thread_id', 'thread', 'article', 'post', 'url', 'title', 'comment_post_id', 'conversation_id'],
  label: ['label', 'labels', 'class', 'is_bot', 'is_spam', 'account.type'],
};

const FIELDS = Object.keys(ALIASES) as Field[];
const NO_PARENT = new Set(['', 'root', 'null', 'none']);
const DELIMITERS = [',', ';', '\t'] as const;

/** "Comment ID" and "comment-id" match the alias "comment_id". */
const normalizeHeader = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Occurrences of each candidate outside double quotes on the first line; the most frequent wins. */
function sniffDelimiter(text: string, source: string): string {
  if (source.toLowerCase().endsWith('.tsv')) return '\t';
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

const delimiterName = (d: string) => (d === '\t' ? 'tab' : `"${d}"`);

interface Row {
  cells: string[];
  /** 1-based line where the row starts. */
  line: number;
}

function readRows(text: string, source: string, delimiter: string): Row[] {
  // Start lines come from the parser's running counts (end line of each record, empty lines skipped so
  // far): its `info` option would report the same at twice the cost.
  const starts: number[] = [];
  let lastEnd = 0;
  let lastEmpty = 0;
  let records: string[][];
  try {
    records = lib().parse(text, {
      delimiter,
      skip_empty_lines: true,
      // A quote inside an unquoted cell (`he said "hi"`) is plain text; a cell that opens with one is still quoted.
      relax_quotes: true,
      // Ragged rows are reported below, with the line the row starts on.
      relax_column_count: true,
      on_record: (record, context) => {
        starts.push(lastEnd + 1 + context.empty_lines - lastEmpty);
        lastEnd = context.lines;
        lastEmpty = context.empty_lines;
        return record;
      },
    });
  } catch (err) {
    if (!(err instanceof lib().CsvError)) throw err;
    // The failing row starts on the first non-empty line after the last row read.
    const lines = text.split('\n');
    let start = lastEnd + 1;
    while (start < lines.length && lines[start - 1]!.trim() === '') start++;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new InputError(source, 'a quoted cell opened on this line is never closed', String(start), 'close the quote; inside a quoted cell a quote is written twice: ""');
    }
    throw new InputError(source, `is not valid CSV: ${err.message.replace(/ at line \d+/, '').replace(/\.$/, '')}`, String(start));
  }
  // A line holding only spaces is blank to a reader, not a one-cell row.
  const rows = records.map((cells, i) => ({ cells, line: starts[i]! })).filter((r) => r.cells.length > 1 || r.cells[0]!.trim() !== '');
  const width = rows[0]?.cells.length ?? 0;
  const ragged = rows.find((r) => r.cells.length !== width);
  if (ragged) {
    throw new InputError(
      source,
      `row has ${ragged.cells.length} cells but the header has ${width}`,
      String(ragged.line),
      `quote cells that contain the delimiter ${delimiterName(delimiter)}, and close every quote`,
    );
  }
  return rows;
}

/** Column index per field: explicit choices first (an unknown name is an error), then header aliases. */
function mapColumns(header: string[], source: string, explicit: ParseOptions['csv']): Partial<Record<Field, number>> {
  const normalized = header.map(normalizeHeader);
  const columns: Partial<Record<Field, number>> = {};
  const listing = header.map((h) => JSON.stringify(h)).join(', ');
  const used = new Set<number>();
  for (const field of FIELDS) {
    const wanted = explicit?.[field];
    if (wanted === undefined) continue;
    let at = header.indexOf(wanted);
    if (at === -1) at = normalized.indexOf(normalizeHeader(wanted));
    if (at === -1) throw new InputError(source, `has no column "${wanted}" (given with --csv-${field})`, '1', `columns: ${listing}`);
    columns[field] = at;
    used.add(at);
  }
  for (const field of FIELDS) {
    if (columns[field] !== undefined) continue;
    // A column chosen explicitly for one field is not also guessed for another.
    const at = ALIASES[field].map((alias) => normalized.indexOf(alias)).find((i) => i !== -1 && !used.has(i));
    if (at !== undefined) columns[field] = at;
  }
  if (columns.text === undefined) {
    throw new InputError(source, `has no comment text column (looked for ${ALIASES.text.join(', ')})`, '1', `header: ${listing}; name the text column with --csv-text <column>`);
  }
  return columns;
}

/** WordPress's approval states "spam" and "trash" as moderation marks, as wxr.ts reads them. */
function markApproval(comments: Comment[], entries: Entry[], at: number): void {
  comments.forEach((comment, i) => {
    const approved = entries[i]!.row.cells[at]?.trim() ?? '';
    const kind = APPROVAL_MARKS.get(approved);
    if (kind) comment.moderation = [{ kind, field: `comment_approved=${approved}` }];
  });
}

function cleanText(cell: string): string {
  return looksLikeHtml(cell) ? htmlToText(cell, { keepNewlines: true }) : cell.trim();
}

/** A data row with its cleaned comment text. */
interface Entry {
  row: Row;
  text: string;
}

export const csv: Parser = {
  name: 'csv',
  description: 'CSV/TSV with one comment per row; columns found by header (text/content/comment, id, author, parent, date, thread, label) or chosen explicitly',
  extensions: ['.csv', '.tsv'],
  sniff(head) {
    const text = normalizeNewlines(head);
    const first = text.split('\n', 1)[0] ?? '';
    const delimiter = sniffDelimiter(first, '');
    const cells = first.split(delimiter).map((c) => normalizeHeader(c.replace(/^"|"$/g, '')));
    if (cells.length < 2 || !cells.every((c) => c !== '' && c.length <= 64) || !cells.some((c) => ALIASES.text.includes(c))) return false;
    // A title line with a comma looks like a header too; the rows after a real header have its width.
    try {
      const rows = lib().parse(text.slice(0, text.lastIndexOf('\n') + 1), { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true });
      return rows.every((row) => row.length === cells.length);
    } catch {
      // A quoted cell running past the sniffed head: the header alone decides.
      return true;
    }
  },
  parse(raw, source, options) {
    const text = normalizeNewlines(raw);
    const delimiter = sniffDelimiter(text, source);
    const rows = readRows(text, source, delimiter);
    const header = rows[0]?.cells ?? [];
    const normalized = header.map(normalizeHeader);
    const columns = mapColumns(header, source, options.csv);
    const cell = (row: Row, field: Field) => {
      const at = columns[field];
      return at === undefined ? undefined : row.cells[at];
    };
    const warnings: string[] = [];
    const base = threadIdFromSource(source);

    const groups = new Map<string, Entry[]>();
    let empty = 0;
    let firstEmptyLine = 0;
    for (const row of rows.slice(1)) {
      checkMemoryEvery();
      const comment = cleanText(cell(row, 'text') ?? '');
      if (comment === '') {
        if (empty++ === 0) firstEmptyLine = row.line;
        continue;
      }
      const key = (cell(row, 'thread') ?? '').trim();
      const group = groups.get(key);
      if (group) group.push({ row, text: comment });
      else groups.set(key, [{ row, text: comment }]);
    }
    if (rows.length <= 1) warnings.push(`${source}: has a header but no rows`);
    if (empty > 0) warnings.push(`${source}:${firstEmptyLine}: skipped ${empty} row(s) with empty text`);

    const threadColumn = columns.thread === undefined ? undefined : header[columns.thread]!;
    const titleAt = normalized.indexOf('title');
    const urlAt = normalized.indexOf('url');
    const approvedAt = normalized.indexOf('comment_approved');
    const labels = { unknown: 0, example: '' };
    const threads: Thread[] = [];
    for (const [key, entries] of groups) {
      const first = entries[0]!.row;
      const thread: Thread = { id: base, source, title: base, body: '', comments: [] };
      if (threadColumn !== undefined) {
        // Thread keys are usually ids or URLs; a long text key (an article column) gets a positional id.
        const usable = key !== '' && key.length <= 200 && !key.includes('\n');
        thread.id = usable ? key : `${base}#${threads.length + 1}`;
        const title = titleAt !== -1 ? first.cells[titleAt]?.trim() : undefined;
        thread.title = title || (key === '' ? `(rows without ${threadColumn})` : key);
        const url = urlAt !== -1 ? first.cells[urlAt]?.trim() : /^https?:\/\//i.test(key) ? key : undefined;
        if (url) thread.url = url;
        if (key === '') warnings.push(`${source}: ${entries.length} row(s) have an empty ${threadColumn} column; they form thread "${thread.id}"`);
      }
      thread.comments = toComments(entries, cell, warnings, source, thread.id, labels);
      if (approvedAt !== -1) markApproval(thread.comments, entries, approvedAt);
      threads.push(thread);
    }
    if (threads.length === 0) threads.push({ id: base, source, title: base, body: '', comments: [] });
    if (labels.unknown > 0) {
      warnings.push(`${source}: ${labels.unknown} value(s) in the label column are not bot/human labels (e.g. ${JSON.stringify(labels.example)}); those rows have no label`);
    }
    return { threads, warnings };
  },
};

function toComments(
  entries: Entry[],
  cell: (row: Row, field: Field) => string | undefined,
  warnings: string[],
  source: string,
  threadId: string,
  labels: { unknown: number; example: string },
): Comment[] {
  const given = entries.map(({ row }) => cell(row, 'id')?.trim() || undefined);
  const taken = new Set(given.filter((id): id is string => id !== undefined));
  const seen = new Set<string>();
  // Next suffix to try per repeated id, so a file repeating one id throughout stays linear.
  const nextSuffix = new Map<string, number>();
  let repeats = 0;
  let firstRepeat = '';
  const comments = entries.map(({ row, text }, i): Comment => {
    let id = given[i] ?? String(i + 1);
    if (seen.has(id)) {
      if (repeats++ === 0) firstRepeat = `"${id}" at line ${row.line}`;
      let k = nextSuffix.get(id) ?? 2;
      while (taken.has(`${id}~${k}`) || seen.has(`${id}~${k}`)) k++;
      nextSuffix.set(id, k + 1);
      id = `${id}~${k}`;
    }
    seen.add(id);
    const comment: Comment = { id, index: i + 1, text, line: row.line };
    const author = cell(row, 'author')?.trim();
    if (author) comment.author = author;
    const date = cell(row, 'date')?.trim();
    if (date) comment.createdAt = date;
    const parent = cell(row, 'parent')?.trim();
    if (parent !== undefined && !NO_PARENT.has(parent.toLowerCase())) comment.parentId = parent;
    const rawLabel = cell(row, 'label')?.trim();
    const label = parseLabel(rawLabel);
    if (label !== undefined) comment.label = label;
    else if (rawLabel && labels.unknown++ === 0) labels.example = rawLabel;
    return comment;
  });
  // "0" is the usual "no parent" of spreadsheet exports, unless a comment really has id 0.
  if (!seen.has('0')) for (const c of comments) if (c.parentId === '0') delete c.parentId;
  if (repeats > 0) {
    warnings.push(`${source}: thread "${threadId}" repeats ${repeats} comment id(s), first ${firstRepeat}; the repeats were renamed with a ~2, ~3… suffix`);
  }
  return comments;
}

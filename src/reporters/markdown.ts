/**
 * Markdown for `$GITHUB_STEP_SUMMARY`, pull-request comments and wikis: the run summary, a table of threads
 * worst first when there are several, then per thread the verdict, the flagged comments worst first (with
 * their top reasons and partner ids), duplicate clusters and off-article terms. `--verbose` adds every
 * other comment and every reason; `--quiet` leaves out threads with nothing flagged. The report is cut
 * to stay under GitHub's 1 MiB limit for a step summary, with a note of what was left out.
 *
 * Comment text is hostile and GitHub renders what we write, so every piece of input text goes through
 * `markdownText`: one line, no control characters, no Markdown or HTML syntax, no autolinks or mentions.
 */
import { threadIdFromSource } from '../util/thread-id.js';
import { excerpt } from '../text/sanitize.js';
import type { Report, ScoredComment, ThreadReport } from '../types.js';
import { listedReasons, relatedIds, timesNote, worstFirst } from './shared.js';
import type { Reporter } from './types.js';

const TOP_REASONS = 3;
const EXCERPT = 100;
const REASON_LENGTH = 160;
const SHORT = 60;

/**
 * Input text as inert Markdown on one line, cut to `max` visible characters: escape sequences and controls
 * removed; everything that could start emphasis, code, a link or image, a table cell, strikethrough, math or
 * HTML escaped; block markers (`#`, `-`, `1.`) escaped at the start because the text may open a list item or
 * heading. GitHub also links bare URLs, `@mentions` and `#123` after rendering, where backslashes no longer
 * count, so those get a zero-width space that breaks the pattern without changing what a reader sees.
 */
export function markdownText(text: string, max: number): string {
  return excerpt(text, max)
    .replace(/[\\`*_[\]|~$]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^[#+\-=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/@|#(?=\w)|:(?=\/\/)|\bwww(?=\.)/gi, '$&\u200B');
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
// Cluster and term rows name at most this many ids; a flood of copies would otherwise be one giant cell.
const MAX_IDS = 20;
const idList = (ids: string[]) =>
  `${ids.slice(0, MAX_IDS).map((id) => markdownText(id, SHORT)).join(', ')}${ids.length > MAX_IDS ? ` … +${ids.length - MAX_IDS} more` : ''}`;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

function table(header: string[], align: Array<'l' | 'r'>, rows: string[][]): string[] {
  return [row(header), row(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(row)];
}

/**
 * A piece of the report that is kept or cut whole: a heading with what follows it, a table's head, one
 * row. `flagged` counts the flagged comments it shows; `thread` is the position of the thread it belongs
 * to (-1 for the run-wide parts), `opens` marks its first piece.
 */
interface Piece {
  lines: string[];
  flagged: number;
  thread: number;
  opens?: true;
}

/** Pieces of run-wide matter: the lines as one piece, or a table's head and then each row. */
const runWide = (lines: string[]): Piece => ({ lines, flagged: 0, thread: -1 });

/** A table as pieces: the lines before it with its head, then one piece per row. */
function tablePieces(before: string[], header: string[], align: Array<'l' | 'r'>, rows: string[][], thread: number, flaggedRows = false): Piece[] {
  const [head, rule] = table(header, align, []);
  return [{ lines: [...before, head!, rule!], flagged: 0, thread }, ...rows.map((r) => ({ lines: [row(r)], flagged: flaggedRows ? 1 : 0, thread }))];
}

function commentRows(comments: ScoredComment[], verbose: boolean): string[][] {
  return comments.map((c) => {
    const reasons = listedReasons(c);
    const shown = verbose ? reasons : reasons.slice(0, TOP_REASONS);
    // Cut the message, not the count of how often the comment gave it.
    const cells = shown.map((r) => `${markdownText(r.reason.message, REASON_LENGTH)}${timesNote(r.times)} (${markdownText(r.reason.signal, SHORT)})`);
    if (shown.length < reasons.length) cells.push(`… ${reasons.length - shown.length} more (--verbose shows all)`);
    return [
      markdownText(c.id, SHORT),
      c.author ? markdownText(c.author, SHORT) : '—',
      c.score.toFixed(2),
      markdownText(c.text, EXCERPT),
      cells.join('<br>') || '—',
      idList(relatedIds(c)) || '—',
    ];
  });
}

const COMMENT_COLUMNS = ['Comment', 'Author', 'Score', 'Excerpt', 'Top reasons', 'Related'];
const COMMENT_ALIGN: Array<'l' | 'r'> = ['l', 'l', 'r', 'l', 'l', 'l'];

function threadSection(t: ThreadReport, at: number, verbose: boolean, quiet: boolean): Piece[] {
  const out = ['', `### ${t.title ? markdownText(t.title, 200) : '(untitled)'}`, ''];
  const id = threadIdFromSource(t.source) === t.id ? '' : ` (thread ${markdownText(t.id, SHORT)})`;
  out.push(`Source: ${markdownText(t.source, 200)}${id}`, '', `**${markdownText(t.summary.verdict, 400)}**`);
  if (t.declaredCommentCount !== undefined && t.declaredCommentCount !== t.commentCount) {
    out.push('', `The export declares ${t.declaredCommentCount} comments; ${t.commentCount} were read.`);
  }
  if (t.excluded && Object.keys(t.excluded).length) {
    out.push('', `Not analysed: ${Object.entries(t.excluded).map(([kind, n]) => `${n} ${markdownText(kind, SHORT)}`).join(', ')}.`);
  }
  const pieces: Piece[] = [{ lines: out, flagged: 0, thread: at, opens: true }];
  const flagged = t.comments.filter((c) => c.flagged).sort(worstFirst);
  // The unflagged majority is listed (and so sorted) only with -v.
  const rest = verbose && !quiet ? t.comments.filter((c) => !c.flagged).sort(worstFirst) : [];
  if (flagged.length) {
    pieces.push(...tablePieces(['', `#### Flagged comments (${flagged.length}), worst first`, ''], COMMENT_COLUMNS, COMMENT_ALIGN, commentRows(flagged, verbose), at, true));
  }
  if (rest.length) pieces.push(...tablePieces(['', `#### Other comments (${rest.length})`, ''], COMMENT_COLUMNS, COMMENT_ALIGN, commentRows(rest, verbose), at));
  if (t.clusters.length) {
    const rows = t.clusters.map((cl) => [markdownText(cl.id, SHORT), idList(cl.commentIds), cl.similarity.toFixed(2)]);
    pieces.push(...tablePieces(['', '#### Clusters of similar comments (copies and paraphrases)', ''], ['Cluster', 'Comments', 'Mean similarity'], ['l', 'l', 'r'], rows, at));
  }
  if (t.agendaTerms.length) {
    const rows = t.agendaTerms.map((a) => [markdownText(a.term, SHORT), idList(a.commentIds)]);
    pieces.push(...tablePieces(['', '#### Off-article terms repeated across comments', ''], ['Term', 'Comments'], ['l', 'l'], rows, at));
  }
  return pieces;
}

function threadsTable(threads: ThreadReport[]): Piece[] {
  const worst = threads
    .map((t, i) => ({ t, i }))
    .sort((a, b) => b.t.summary.botShare - a.t.summary.botShare || b.t.summary.flagged - a.t.summary.flagged || a.i - b.i)
    .map(({ t }) => [
      t.title ? markdownText(t.title, 80) : '(untitled)',
      markdownText(t.source, 80),
      String(t.commentCount),
      String(t.summary.flagged),
      percent(t.summary.botShare),
    ]);
  return tablePieces(['', '### Threads, worst first', ''], ['Thread', 'Source', 'Comments', 'Flagged', 'Bot share'], ['l', 'l', 'r', 'r', 'r'], worst, -1);
}

function runSummary(report: Report): string {
  const s = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(s.threads, 'thread'), plural(s.comments, 'comment'), `${s.flagged} flagged (${percent(s.botShare)})`];
  if (s.errors) parts.push(`${plural(s.errors, 'input')} not read`);
  return `**${parts.join(' · ')}**`;
}

/**
 * Largest report the format writes, in bytes of UTF-8. GitHub refuses a step summary over 1 MiB
 * (1,048,576 bytes) and shows none of it; this leaves room for the note and a line or two of the user's own.
 */
export const MARKDOWN_CAP_BYTES = 1_000_000;

/** "1,234 flagged comments". */
const counted = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * The pieces joined as lines, cut after the last piece that fits in `cap` bytes with a note of what was
 * left out: the flagged comments not shown, and the threads cut short or not reached.
 */
function joinCapped(pieces: Piece[], threads: ThreadReport[], cap: number): string {
  const sizes = pieces.map((p) => p.lines.reduce((n, line) => n + Buffer.byteLength(line) + 1, 0));
  if (sizes.reduce((a, b) => a + b, 0) <= cap) return `${pieces.flatMap((p) => p.lines).join('\n')}\n`;
  // Room for the note: its fixed words, a thread title of at most 200 characters, and the numbers.
  const room = cap - 1200;
  let used = 0;
  let kept = 0;
  while (kept < pieces.length && used + sizes[kept]! <= room) used += sizes[kept++]!;
  const cut = pieces.slice(kept);
  const flagged = cut.reduce((n, p) => n + p.flagged, 0);
  const unreached = cut.filter((p) => p.opens).length;
  // Pieces come in order: only the first piece cut can be in the middle of something.
  const first = cut[0]!;
  const partial = first.thread >= 0 && !first.opens ? threads[first.thread]! : undefined;
  const what = [
    first.thread < 0 ? 'the rest of the run summary' : '',
    partial ? `the rest of “${markdownText(partial.title || partial.id, 200)}”` : '',
    unreached ? counted(unreached, 'more thread') : '',
  ].filter(Boolean);
  const note = [
    '',
    '---',
    '',
    `**Cut here to stay under GitHub’s 1 MiB limit for a step summary.** Not shown: ${what.join(', ')}${flagged ? `, with ${counted(flagged, 'flagged comment')}` : ''}. ` +
      '`--format json`, `--format html` or `--format csv` has the whole report.',
  ];
  return `${[...pieces.slice(0, kept).flatMap((p) => p.lines), ...note].join('\n')}\n`;
}

/** The `markdown` format: see the module comment. */
export const markdownReporter: Reporter = (report, options) => {
  const head = [
    '## threadsift report',
    '',
    `${report.tool.name} ${report.tool.version} · threshold ${report.settings.threshold}`,
    '',
    runSummary(report),
  ];
  if (report.errors.length) {
    head.push('', '### Inputs not read', '', ...report.errors.map((e) => `- ${markdownText(e.message, 300)}`));
  }
  const pieces = [runWide(head)];
  const threads = options.quiet ? report.threads.filter((t) => t.summary.flagged > 0) : report.threads;
  if (report.threads.length > 1 && threads.length) pieces.push(...threadsTable(threads));
  const cross = report.crossThreadClusters ?? [];
  if (cross.length) {
    const shown = options.verbose ? cross : cross.slice(0, MAX_IDS);
    pieces.push(
      ...tablePieces(
        ['', '### Comments repeated across threads', ''],
        ['Cluster', 'Copies', 'Threads', 'Min similarity', 'Representative'],
        ['l', 'r', 'r', 'r', 'l'],
        shown.map((cl) => [markdownText(cl.id, SHORT), String(cl.size), String(cl.threads.length), cl.similarity.min.toFixed(2), markdownText(cl.representative, EXCERPT)]),
        -1,
      ),
    );
    if (shown.length < cross.length) pieces.push(runWide(['', `… ${cross.length - shown.length} more clusters (--verbose or --format json lists all).`]));
  }
  threads.forEach((t, i) => pieces.push(...threadSection(t, i, options.verbose, options.quiet)));
  if (report.threads.length === 0 && report.errors.length === 0) pieces.push(runWide(['', 'No threads to analyse.']));
  return joinCapped(pieces, threads, MARKDOWN_CAP_BYTES);
};

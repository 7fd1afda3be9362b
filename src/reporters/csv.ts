/**
 * One row per comment in thread order (`--quiet`: flagged comments only) for spreadsheets, pandas and R.
 * Columns:
 *
 * - `thread`, `source`: the thread id and the file it came from (`-` for stdin).
 * - `comment_id`: the comment's id; `index`: its 1-based position in the thread (a number).
 * - `author`: empty when the export has none.
 * - `score`: 0..1, a number; `flagged`: `true` or `false`.
 * - `top_reasons`: the wording of the strongest reasons, ` | `-separated (`--verbose`: every reason).
 * - `related`: ids of the comments the reasons point at (duplicate partners, echoed parents), space-separated.
 * - `excerpt`: the comment text on one line, cut to 160 characters (ids join back to the input).
 * - `reason_codes`: every reason code, once each, space-separated. Added after the documented columns so
 *   that filters can use the stable codes instead of the wording, which may change.
 *
 * RFC 4180 quoting, LF line ends, UTF-8 without a byte-order mark. Input errors are not rows: the CLI
 * reports them on stderr and in the exit code. Every text cell is one line and spreadsheet-safe (a leading
 * `=` `+` `-` `@` gets an apostrophe), so ids like `-1` are neutralised too; numeric cells are written by
 * the tool, never copied from input, and stay plain numbers.
 */
import { excerpt, spreadsheetSafe } from '../text/sanitize.js';
import type { ScoredComment, ThreadReport } from '../types.js';
import { orderedReasons, relatedIds } from './shared.js';
import type { Reporter } from './types.js';

const TOP_REASONS = 3;
const EXCERPT = 160;

const HEADER = ['thread', 'source', 'comment_id', 'index', 'author', 'score', 'flagged', 'top_reasons', 'related', 'excerpt', 'reason_codes'];

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes inside. */
const field = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

// spreadsheetSafe keeps tabs and newlines; flattening them keeps one record per physical line for grep and wc.
const text = (value: string) => spreadsheetSafe(value).replace(/[\t\n]/g, ' ');

function commentRow(t: ThreadReport, c: ScoredComment, verbose: boolean): string[] {
  const reasons = orderedReasons(c);
  const shown = verbose ? reasons : reasons.slice(0, TOP_REASONS);
  return [
    text(t.id),
    text(t.source),
    text(c.id),
    String(c.index),
    text(c.author ?? ''),
    String(Math.round(c.score * 1000) / 1000),
    String(c.flagged),
    text(shown.map((r) => r.message).join(' | ')),
    text(relatedIds(c).join(' ')),
    text(excerpt(c.text, EXCERPT)),
    text([...new Set(reasons.map((r) => r.code))].join(' ')),
  ];
}

/** The `csv` format: header row, then one row per comment (see the module comment for the columns). */
export const csvReporter: Reporter = (report, options) => {
  const rows = [HEADER];
  for (const t of report.threads) {
    for (const c of t.comments) {
      if (!options.quiet || c.flagged) rows.push(commentRow(t, c, options.verbose));
    }
  }
  return rows.map((r) => `${r.map(field).join(',')}\n`).join('');
};

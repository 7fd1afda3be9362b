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
 * - `date`: the comment's date as the export gives it; `parent`: the id of the comment it replies to.
 *   Empty when the export has none.
 * - `strength_<signal>`, one column per signal of the run (`-` in the id becomes `_`): the strongest
 *   evidence that signal found in the comment, 0..1; 0 when it found none, empty when it was off.
 *
 * New columns go after the existing ones, so scripts that read columns by position keep working.
 *
 * RFC 4180 quoting, LF line ends, UTF-8 without a byte-order mark. Input errors are not rows: the CLI
 * reports them on stderr and in the exit code. Every text cell is one line, without control characters,
 * and spreadsheet-safe (a leading `=` `+` `-` `@` gets an apostrophe), so ids like `-1` are neutralised
 * too; `--csv-raw` leaves that apostrophe out, for pandas, R and databases, which read a cell as data.
 * Numeric cells are written by the tool, never copied from input, and stay plain numbers.
 */
import { excerpt, spreadsheetSafe, stripControls } from '../text/sanitize.js';
import type { Report, ScoredComment, SignalInfo, ThreadReport } from '../types.js';
import { listedMessage, listedReasons, orderedReasons, relatedIds, signalStrengths } from './shared.js';
import type { Reporter } from './types.js';

const TOP_REASONS = 3;
const EXCERPT = 160;

const HEADER = ['thread', 'source', 'comment_id', 'index', 'author', 'score', 'flagged', 'top_reasons', 'related', 'excerpt', 'reason_codes', 'date', 'parent'];

/** The per-signal column of a signal: `strength_near_duplicate`. */
export const strengthColumn = (signal: string) => `strength_${signal.replace(/-/g, '_')}`;

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes inside. */
const field = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

// Both keep tabs and newlines; flattening them keeps one record per physical line for grep and wc.
const safeText = (value: string) => spreadsheetSafe(value).replace(/[\t\n]/g, ' ');
const rawText = (value: string) => stripControls(value, true).replace(/[\t\n]/g, ' ');

function commentRow(t: ThreadReport, c: ScoredComment, signals: SignalInfo[], verbose: boolean, text: (value: string) => string): string[] {
  const reasons = orderedReasons(c);
  const listed = listedReasons(c, reasons);
  const shown = verbose ? listed : listed.slice(0, TOP_REASONS);
  const strengths = signalStrengths(c);
  return [
    text(t.id),
    text(t.source),
    text(c.id),
    String(c.index),
    text(c.author ?? ''),
    String(Math.round(c.score * 1000) / 1000),
    String(c.flagged),
    text(shown.map(listedMessage).join(' | ')),
    text(relatedIds(c).join(' ')),
    text(excerpt(c.text, EXCERPT)),
    text([...new Set(reasons.map((r) => r.code))].join(' ')),
    text(c.createdAt ?? ''),
    text(c.parentId ?? ''),
    ...signals.map((s) => (s.enabled ? String(strengths.get(s.id) ?? 0) : '')),
  ];
}

/** The header row: the fixed columns, then one strength column per signal of the run. */
const header = (report: Report) => [...HEADER, ...report.signals.map((s) => strengthColumn(s.id))];

/** The `csv` format: header row, then one row per comment (see the module comment for the columns). */
export const csvReporter: Reporter = (report, options) => {
  const text = options.csvRaw ? rawText : safeText;
  const rows = [header(report)];
  for (const t of report.threads) {
    for (const c of t.comments) {
      if (!options.quiet || c.flagged) rows.push(commentRow(t, c, report.signals, options.verbose, text));
    }
  }
  return rows.map((r) => `${r.map(field).join(',')}\n`).join('');
};

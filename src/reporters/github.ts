/**
 * GitHub Actions workflow commands, so flagged comments show up as annotations on the run:
 *
 * - one `::error` per input that could not be read, first, because it means the run is incomplete;
 * - one annotation per flagged comment, worst first across all threads: GitHub shows at most 10 error and
 *   10 warning annotations per step, so the worst must come first (the log keeps the rest). A score of 0.8
 *   or more is an `::error`, any other flagged comment a `::warning`: two levels let a reviewer triage
 *   without opening the log, and neither fails the step (the exit code and gates decide that);
 * - a closing `::notice` with the run summary.
 *
 * An annotation names the file, and the comment's line in it where the input format has lines a reader
 * can open (the text dump and CSV: where the comment starts; JSONL: its thread's line); the other formats
 * name the file only. Title and message carry the comment's id and position either way. Threads read from stdin
 * (`-`) name no file and no line. `--verbose` lists every reason, not just the top 3.
 *
 * Comment text is hostile: a newline followed by `::add-mask::` would start a second command. Input text is
 * stripped of controls and flattened to one line before the tool adds its own line breaks, and then
 * everything is escaped the way GitHub's toolkit does it (`%` CR LF in data; `:` and `,` too in
 * properties), so each annotation is exactly one line and one command.
 */
import { excerpt, stripControls } from '../text/sanitize.js';
import type { Report, ScoredComment, ThreadReport } from '../types.js';
import { listedMessage, listedReasons, relatedIds } from './shared.js';
import type { Reporter } from './types.js';

const ERROR_SCORE = 0.8;
const TOP_REASONS = 3;
const EXCERPT = 100;
const TITLE = 80;
const ANNOTATIONS_SHOWN_PER_LEVEL = 10;

type Level = 'error' | 'warning' | 'notice';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const oneLine = (s: string) => stripControls(s).replace(/\s+/g, ' ').trim();

/** One workflow command; property values may come from input, so they are flattened here too. */
function command(level: Level, properties: Array<[string, string]>, message: string[]): string {
  const props = properties.map(([k, v]) => `${k}=${escapeProperty(oneLine(v))}`).join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message.join('\n'))}`;
}

const fileOf = (source: string): Array<[string, string]> => (source === '-' ? [] : [['file', source]]);
/** The file, and the comment's line in it when the input format gave one. */
const placeOf = (source: string, c: ScoredComment): Array<[string, string]> =>
  source === '-' ? [] : c.line === undefined ? fileOf(source) : [...fileOf(source), ['line', String(c.line)]];
const levelOf = (c: ScoredComment): Level => (c.score >= ERROR_SCORE ? 'error' : 'warning');

function annotation(t: ThreadReport, c: ScoredComment, verbose: boolean): string {
  const reasons = listedReasons(c);
  const shown = verbose ? reasons : reasons.slice(0, TOP_REASONS);
  const where = t.title ? `“${excerpt(t.title, TITLE)}”` : `thread ${excerpt(t.id, TITLE)}`;
  const related = relatedIds(c);
  const message = [
    `Comment #${excerpt(c.id, TITLE)}${c.author ? ` by ${excerpt(c.author, TITLE)}` : ''}, number ${c.index} of ${t.commentCount} in ${where}:`,
    `“${excerpt(c.text, EXCERPT)}”`,
    ...shown.map((r) => `- ${oneLine(listedMessage(r))} [${oneLine(r.reason.signal)}]`),
    ...(shown.length < reasons.length ? [`- … ${reasons.length - shown.length} more; --verbose shows all`] : []),
    ...(related.length ? [`Related comments: ${related.map((id) => `#${oneLine(id)}`).join(', ')}`] : []),
  ];
  const title = `Likely bot reply #${excerpt(c.id, TITLE)} (score ${c.score.toFixed(2)})`;
  return command(levelOf(c), [...placeOf(t.source, c), ['title', title]], message);
}

function summary(report: Report, shown: { errors: number; warnings: number }): string {
  const s = report.summary;
  const threads = `${s.threads} thread${s.threads === 1 ? '' : 's'}`;
  const parts = [
    s.flagged
      ? `${s.flagged} of ${s.comments} comments flagged (${Math.round(s.botShare * 100)}%) in ${threads}.`
      : `No likely bot replies among ${s.comments} comments in ${threads}.`,
  ];
  if (s.errors) parts.push(`${s.errors} input${s.errors === 1 ? '' : 's'} could not be read.`);
  if (Math.max(shown.errors, shown.warnings) > ANNOTATIONS_SHOWN_PER_LEVEL) {
    parts.push(`GitHub shows only the first ${ANNOTATIONS_SHOWN_PER_LEVEL} errors and ${ANNOTATIONS_SHOWN_PER_LEVEL} warnings of a step as annotations; the log lists them all.`);
  }
  return command('notice', [['title', 'threadsift']], [parts.join(' ')]);
}

/** The `github` format: input errors, then flagged comments worst first, then the summary notice. */
export const githubReporter: Reporter = (report, options) => {
  const flagged = report.threads
    .flatMap((t, order) => t.comments.filter((c) => c.flagged).map((c) => ({ t, c, order })))
    .sort((a, b) => b.c.score - a.c.score || a.order - b.order || a.c.index - b.c.index);
  const lines = [
    ...report.errors.map((e) => command('error', [...fileOf(e.source), ['title', 'threadsift: input not read']], [oneLine(e.message)])),
    ...flagged.map(({ t, c }) => annotation(t, c, options.verbose)),
  ];
  const errors = report.errors.length + flagged.filter(({ c }) => levelOf(c) === 'error').length;
  return `${[...lines, summary(report, { errors, warnings: lines.length - errors })].join('\n')}\n`;
};

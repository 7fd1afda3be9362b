/**
 * Markdown for `$GITHUB_STEP_SUMMARY`, pull-request comments and wikis: the run summary, a table of threads
 * worst first when there are several, then per thread the verdict, the flagged comments worst first (with
 * their top reasons and partner ids), duplicate clusters and off-article terms. `--verbose` adds every
 * other comment and every reason; `--quiet` leaves out threads with nothing flagged.
 *
 * Comment text is hostile and GitHub renders what we write, so every piece of input text goes through
 * `markdownText`: one line, no control characters, no Markdown or HTML syntax, no autolinks or mentions.
 */
import { threadIdFromSource } from '../util/thread-id.js';
import { excerpt } from '../text/sanitize.js';
import type { Report, ScoredComment, ThreadReport } from '../types.js';
import { orderedReasons, relatedIds, worstFirst } from './shared.js';
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

function commentTable(comments: ScoredComment[], verbose: boolean): string[] {
  const rows = comments.map((c) => {
    const reasons = orderedReasons(c);
    const shown = verbose ? reasons : reasons.slice(0, TOP_REASONS);
    const cells = shown.map((r) => `${markdownText(r.message, REASON_LENGTH)} (${markdownText(r.signal, SHORT)})`);
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
  return table(['Comment', 'Author', 'Score', 'Excerpt', 'Top reasons', 'Related'], ['l', 'l', 'r', 'l', 'l', 'l'], rows);
}

function threadSection(t: ThreadReport, verbose: boolean, quiet: boolean): string[] {
  const out = [`### ${t.title ? markdownText(t.title, 200) : '(untitled)'}`, ''];
  const id = threadIdFromSource(t.source) === t.id ? '' : ` (thread ${markdownText(t.id, SHORT)})`;
  out.push(`Source: ${markdownText(t.source, 200)}${id}`, '', `**${markdownText(t.summary.verdict, 400)}**`);
  if (t.declaredCommentCount !== undefined && t.declaredCommentCount !== t.commentCount) {
    out.push('', `The export declares ${t.declaredCommentCount} comments; ${t.commentCount} were read.`);
  }
  if (t.excluded && Object.keys(t.excluded).length) {
    out.push('', `Not analysed: ${Object.entries(t.excluded).map(([kind, n]) => `${n} ${markdownText(kind, SHORT)}`).join(', ')}.`);
  }
  const flagged = t.comments.filter((c) => c.flagged).sort(worstFirst);
  // The unflagged majority is listed (and so sorted) only with -v.
  const rest = verbose && !quiet ? t.comments.filter((c) => !c.flagged).sort(worstFirst) : [];
  if (flagged.length) out.push('', `#### Flagged comments (${flagged.length}), worst first`, '', ...commentTable(flagged, verbose));
  if (rest.length) out.push('', `#### Other comments (${rest.length})`, '', ...commentTable(rest, verbose));
  if (t.clusters.length) {
    const rows = t.clusters.map((cl) => [markdownText(cl.id, SHORT), idList(cl.commentIds), cl.similarity.toFixed(2)]);
    out.push('', '#### Duplicate clusters', '', ...table(['Cluster', 'Comments', 'Mean similarity'], ['l', 'l', 'r'], rows));
  }
  if (t.agendaTerms.length) {
    const rows = t.agendaTerms.map((a) => [markdownText(a.term, SHORT), idList(a.commentIds)]);
    out.push('', '#### Off-article terms repeated across comments', '', ...table(['Term', 'Comments'], ['l', 'l'], rows));
  }
  return out;
}

function threadsTable(threads: ThreadReport[]): string[] {
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
  return table(['Thread', 'Source', 'Comments', 'Flagged', 'Bot share'], ['l', 'l', 'r', 'r', 'r'], worst);
}

function runSummary(report: Report): string {
  const s = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(s.threads, 'thread'), plural(s.comments, 'comment'), `${s.flagged} flagged (${percent(s.botShare)})`];
  if (s.errors) parts.push(`${plural(s.errors, 'input')} not read`);
  return `**${parts.join(' · ')}**`;
}

/** The `markdown` format: see the module comment. */
export const markdownReporter: Reporter = (report, options) => {
  const out = [
    '## threadsift report',
    '',
    `${report.tool.name} ${report.tool.version} · threshold ${report.settings.threshold}`,
    '',
    runSummary(report),
  ];
  if (report.errors.length) {
    out.push('', '### Inputs not read', '', ...report.errors.map((e) => `- ${markdownText(e.message, 300)}`));
  }
  const threads = options.quiet ? report.threads.filter((t) => t.summary.flagged > 0) : report.threads;
  if (report.threads.length > 1 && threads.length) out.push('', '### Threads, worst first', '', ...threadsTable(threads));
  const cross = report.crossThreadClusters ?? [];
  if (cross.length) {
    const shown = options.verbose ? cross : cross.slice(0, MAX_IDS);
    out.push(
      '',
      '### Comments repeated across threads',
      '',
      ...table(
        ['Cluster', 'Copies', 'Threads', 'Min similarity', 'Representative'],
        ['l', 'r', 'r', 'r', 'l'],
        shown.map((cl) => [markdownText(cl.id, SHORT), String(cl.size), String(cl.threads.length), cl.similarity.min.toFixed(2), markdownText(cl.representative, EXCERPT)]),
      ),
    );
    if (shown.length < cross.length) out.push('', `… ${cross.length - shown.length} more clusters (--verbose or --format json lists all).`);
  }
  for (const t of threads) out.push('', ...threadSection(t, options.verbose, options.quiet));
  if (report.threads.length === 0 && report.errors.length === 0) out.push('', 'No threads to analyse.');
  return `${out.join('\n')}\n`;
};

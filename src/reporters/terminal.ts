/**
 * The report a moderator reads first: per thread a one-line verdict, the flagged comments worst first
 * (excerpt, score, top reasons with partner ids), then duplicate clusters and agenda terms; a run
 * summary when there are several threads. `--quiet` leaves out the threads with nothing flagged (a
 * batch of clean threads prints its summary line only). Every piece of input text is stripped of
 * control characters and escape sequences before colour is added.
 */
import { Chalk } from 'chalk';
import { threadIdFromSource } from '../util/thread-id.js';
import { excerpt, stripControls } from '../text/sanitize.js';
import type { ScoredComment } from '../types.js';
import { listedMessage, listedReasons, worstFirst } from './shared.js';
import type { Reporter } from './types.js';

const TOP_REASONS = 3;
const EXCERPT = 100;
const MAX_IDS = 20;

export const terminalReporter: Reporter = (report, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const clean = (s: string) => stripControls(s);
  const out: string[] = [];

  // A flood of 20,000 copies is one cluster; its line names the first ids, and the JSON report has all.
  const idList = (ids: string[]) =>
    `${ids.slice(0, options.verbose ? ids.length : MAX_IDS).map((id) => `#${clean(id)}`).join(' ')}${!options.verbose && ids.length > MAX_IDS ? ` … +${ids.length - MAX_IDS} more` : ''}`;

  const scoreColor = (comment: ScoredComment) =>
    comment.flagged ? c.red.bold : comment.score >= 0.3 ? c.yellow : c.green;

  const renderComment = (comment: ScoredComment) => {
    const who = comment.author ? ` ${c.dim(`@${excerpt(comment.author, 30)}`)}` : '';
    const mark = comment.flagged ? c.red('✖') : c.green('✓');
    out.push(`  ${mark} ${c.bold(`#${clean(comment.id)}`)}${who}  ${scoreColor(comment)(comment.score.toFixed(2))}  ${excerpt(comment.text, EXCERPT)}`);
    const ordered = listedReasons(comment);
    const shown = options.verbose ? ordered : ordered.slice(0, TOP_REASONS);
    for (const r of shown) out.push(`      ${c.dim('•')} ${clean(listedMessage(r))} ${c.dim(`[${r.reason.signal}]`)}`);
    if (shown.length < ordered.length) out.push(`      ${c.dim(`… ${ordered.length - shown.length} more reason(s); -v shows all`)}`);
  };

  for (const t of report.threads) {
    if (options.quiet && t.summary.flagged === 0) continue;
    const title = t.title ? clean(t.title) : c.dim('(untitled)');
    out.push(`${c.bold(title)} ${c.dim(`— ${clean(t.source)}${threadIdFromSource(t.source) === t.id ? '' : ` (${clean(t.id)})`}`)}`);
    const verdictColor = t.summary.verdictCode === 'LIKELY_COORDINATED' ? c.red.bold : t.summary.verdictCode === 'SOME_FLAGGED' ? c.yellow.bold : c.green.bold;
    out.push(verdictColor(clean(t.summary.verdict)));
    if (t.declaredCommentCount !== undefined && t.declaredCommentCount !== t.commentCount) {
      out.push(c.yellow(`The export declares ${t.declaredCommentCount} comments; ${t.commentCount} were read.`));
    }
    if (t.excluded && Object.keys(t.excluded).length) {
      out.push(c.dim(`Not analysed: ${Object.entries(t.excluded).map(([k, n]) => `${n} ${excerpt(k, 40)}`).join(', ')}.`));
    }
    const flagged = t.comments.filter((x) => x.flagged).sort(worstFirst);
    if (flagged.length) {
      out.push('', c.bold(`Flagged comments (${flagged.length}), worst first:`));
      for (const comment of flagged) renderComment(comment);
    }
    // The unflagged majority is listed (and so sorted) only with -v.
    const rest = options.verbose && !options.quiet ? t.comments.filter((x) => !x.flagged).sort(worstFirst) : [];
    if (rest.length) {
      out.push('', c.bold(`Other comments (${rest.length}):`));
      for (const comment of rest) renderComment(comment);
    }
    if (t.clusters.length) {
      out.push('', c.bold('Clusters of similar comments (copies and paraphrases):'));
      for (const cl of t.clusters) {
        out.push(`  ${c.cyan(cl.id)}  ${idList(cl.commentIds)}  ${c.dim(`${cl.commentIds.length} comments, mean similarity ${cl.similarity.toFixed(2)}`)}`);
      }
    }
    if (t.agendaTerms.length) {
      out.push('', c.bold('Off-article terms repeated across comments:'));
      for (const a of t.agendaTerms) {
        out.push(`  ${c.magenta(`“${excerpt(a.term, 60)}”`)}  ${idList(a.commentIds)}`);
      }
    }
    out.push('');
  }
  const cross = report.crossThreadClusters ?? [];
  if (cross.length) {
    out.push(c.bold(`Comments repeated across threads (${cross.length} cluster${cross.length === 1 ? '' : 's'}, largest first):`));
    for (const cl of cross.slice(0, options.verbose ? cross.length : 10)) {
      out.push(`  ${c.cyan(cl.id)}  ${cl.size} copies in ${cl.threads.length} threads  ${c.dim(`min similarity ${cl.similarity.min.toFixed(2)}`)}  ${excerpt(cl.representative, 80)}`);
    }
    if (!options.verbose && cross.length > 10) out.push(c.dim(`  … ${cross.length - 10} more; -v or --format json lists all`));
    out.push('');
  }
  // Unreadable inputs were already reported on stderr, one line each; the summary only counts them.
  if (report.threads.length > 1 || (report.threads.length > 0 && report.errors.length)) {
    const s = report.summary;
    out.push(c.bold(`${s.threads} thread(s), ${s.comments} comments, ${s.flagged} flagged (${Math.round(s.botShare * 100)}%)${s.errors ? `, ${s.errors} input(s) could not be read (see the errors above)` : ''}.`));
    const worst = [...report.threads].filter((t) => t.summary.flagged > 0).sort((a, b) => b.summary.botShare - a.summary.botShare || b.summary.flagged - a.summary.flagged).slice(0, 5);
    if (worst.length && report.threads.length > 1) {
      out.push('Worst threads:');
      for (const t of worst) out.push(`  ${Math.round(t.summary.botShare * 100)}%  ${t.summary.flagged}/${t.commentCount}  ${excerpt(t.title || t.id, 70)} ${c.dim(clean(t.source))}`);
    }
  }
  if (report.threads.length === 0) return report.errors.length ? '' : 'No threads to analyse.\n';
  const text = out.join('\n').replace(/\n+$/, '');
  return text ? `${text}\n` : '';
};

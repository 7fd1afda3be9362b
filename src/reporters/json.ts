import { escapeInvisible, excerpt } from '../text/sanitize.js';
import { relieveMemoryEvery } from '../memory.js';
import { jsonParts, LazyList } from './json-parts.js';
import type { ScoredComment } from '../types.js';
import type { Reporter } from './types.js';

/**
 * The versioned JSON report (DESIGN.md). Comments carry an excerpt, not the full text (ids join back to
 * the input). Control, bidi and other invisible characters are written as \u escapes, so the output is
 * terminal-safe as well and parses back to the same strings.
 */
export const jsonReporter: Reporter<Iterable<string>> = (report, options) => {
  const threads = report.threads.map((t) => {
    const comments = options.quiet ? t.comments.filter((c) => c.flagged) : t.comments;
    return { ...t, comments: new LazyList(comments.length, (i) => jsonComment(comments[i]!)) };
  });
  // Laid out down to each comment (report, threads, a thread, its comments): one part per comment.
  return (function* () {
    for (const part of jsonParts({ ...report, threads }, 4)) yield escapeInvisible(part);
    yield '\n';
  })();
};

/**
 * Every field of a scored comment but its text, which the report replaces with an excerpt, and the
 * fields schemaVersion 1 does not have (date, parent, line: CSV and JSONL carry them).
 */
type JsonComment = Omit<ScoredComment, 'text' | 'createdAt' | 'parentId' | 'line'> & { excerpt: string };

// A comment's fields in report order, written one by one rather than by object rest/spread per comment
// (a large report has many). A field added to ScoredComment and not listed here fails to compile.
const JSON_FIELDS = ['id', 'index', 'author', 'score', 'flagged', 'reasons', 'excerpt'] as const;
type Unlisted = Exclude<keyof JsonComment, (typeof JSON_FIELDS)[number]>;
const allListed: [Unlisted] extends [never] ? true : Unlisted = true;
void allListed;

function jsonComment(c: ScoredComment): JsonComment {
  relieveMemoryEvery();
  const out: Record<string, unknown> = {};
  for (let i = 0; i < JSON_FIELDS.length; i++) {
    const field = JSON_FIELDS[i]!;
    out[field] = field === 'excerpt' ? excerpt(c.text, 160) : c[field];
  }
  return out as JsonComment;
}

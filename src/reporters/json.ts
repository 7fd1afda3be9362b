import { excerpt } from '../text/sanitize.js';
import { jsonParts } from './json-parts.js';
import type { ScoredComment } from '../types.js';
import type { Reporter } from './types.js';

/**
 * The versioned JSON report (DESIGN.md). Comments carry an excerpt, not the full text (ids join back to
 * the input). JSON escapes control characters, so the output is terminal-safe as well.
 */
export const jsonReporter: Reporter<Iterable<string>> = (report, options) => {
  const threads = report.threads.map((t) => ({
    ...t,
    comments: t.comments
      .filter((c) => !options.quiet || c.flagged)
      .map(jsonComment),
  }));
  // Laid out down to each comment (report, threads, a thread, its comments): one part per comment.
  return (function* () {
    yield* jsonParts({ ...report, threads }, 4);
    yield '\n';
  })();
};

/** Every field of a scored comment but its text, which the report replaces with an excerpt. */
type JsonComment = Omit<ScoredComment, 'text'> & { excerpt: string };

// The fields a JSON comment has, in report order: a new field of ScoredComment fails to compile here
// until it is placed. Written out, where object rest/spread per comment was ~30 ms of a 5,000-comment report.
const JSON_FIELDS: Record<keyof JsonComment, true> = { id: true, index: true, author: true, score: true, flagged: true, reasons: true, excerpt: true };
void JSON_FIELDS;

function jsonComment(c: ScoredComment): JsonComment {
  return { id: c.id, index: c.index, author: c.author, score: c.score, flagged: c.flagged, reasons: c.reasons, excerpt: excerpt(c.text, 160) };
}

import { excerpt } from '../text/sanitize.js';
import type { Reporter } from './types.js';

/**
 * The versioned JSON report (DESIGN.md). Comments carry an excerpt, not the full text (ids join back to
 * the input). JSON escapes control characters, so the output is terminal-safe as well.
 */
export const jsonReporter: Reporter = (report, options) => {
  const threads = report.threads.map((t) => ({
    ...t,
    comments: t.comments
      .filter((c) => !options.quiet || c.flagged)
      .map(({ text, ...c }) => ({ ...c, excerpt: excerpt(text, 160) })),
  }));
  return `${JSON.stringify({ ...report, threads }, null, 2)}\n`;
};

/** When two exports hold the same page: what lets a thread read from one input be known in another. */
import { createHash } from 'node:crypto';
import type { Thread } from '../types.js';

/** Disqus's name for a post without a dsq:id (src/parsers/disqus.ts): its position in the file. */
const DISQUS_POSITION = /^post-\d+$/;

/**
 * The address that names a thread's page across exports (its url), or undefined when it cannot: the export
 * gives no address, or some comment's id is only its position (a parser numbers comments 1, 2, 3… when
 * the export gives no ids). Positions name other comments in another export of the page once one is
 * deleted, so such a thread is known by the file it was read from instead, as every thread was before
 * addresses were used. A platform whose real ids happen to equal their positions is treated the same way.
 */
export function pageAddress(thread: Thread): string | undefined {
  if (!thread.url) return undefined;
  for (const c of thread.comments) if (c.id === String(c.index) || DISQUS_POSITION.test(c.id)) return undefined;
  return thread.url;
}

/** An article at least this long (whitespace collapsed) names its page by its text. */
const NAMING_ARTICLE_CHARS = 200;

/**
 * The page a thread was read from, whatever its comment ids: its address, else its title and article text
 * (whitespace collapsed, as a hash) when the article is long enough to name it: two text dumps of one
 * article are one page. undefined when the export says neither (a table of comments without an article).
 * Unlike pageAddress it does not name comments: exports of one page whose ids are positions are still
 * different threads, and only the cross-thread report treats them as one page (see corpusPass).
 */
export function samePage(thread: Thread): string | undefined {
  if (thread.url) return `url ${thread.url}`;
  const collapse = (text: string) => text.replace(/\s+/gu, ' ').trim();
  const body = collapse(thread.body);
  if (body.length < NAMING_ARTICLE_CHARS) return undefined;
  return `text ${createHash('sha256').update(`${collapse(thread.title)}\n${body}`).digest('base64url')}`;
}

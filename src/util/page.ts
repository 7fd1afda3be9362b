/** When two exports hold the same page: what lets a thread read from one input be known in another. */
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

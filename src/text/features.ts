/**
 * Per-thread text features, computed once and shared by every signal: tokens, content stems, bigram
 * profiles, document frequencies, and what the article is about (topic) versus what it says in
 * particular (anchors). Cached per Thread object, so signals stay pure and cheap.
 */
import { checkMemoryEvery } from '../memory.js';
import type { Thread } from '../types.js';
import { articleFeatures, type ArticleFeatures } from './article.js';
import { commentFeatures, type CommentFeatures } from './comment.js';

// Signals read the thread's features and these per-text helpers from this one module.
export { contentPairs, differInLinksOrQuotes, quoteSpans, unquoted } from './comment.js';

export interface ThreadFeatures {
  comments: CommentFeatures[];
  article: ArticleFeatures;
  /** Content stem -> number of comments containing it. */
  docFreq: Map<string, number>;
  /** Comment id -> position in thread.comments. */
  indexById: Map<string, number>;
}

const cache = new WeakMap<Thread, ThreadFeatures>();

/**
 * Forget a thread's features once its signals have run: they are the largest part of an analysis, and
 * the thread itself stays alive until its report is made.
 */
export function forgetFeatures(thread: Thread): void {
  cache.delete(thread);
}

/** Features for a thread, computed on first use and cached for the thread's lifetime. */
export function threadFeatures(thread: Thread): ThreadFeatures {
  let f = cache.get(thread);
  if (f) return f;
  // Features depend on the text alone: copies of a comment (spam floods) share one computation.
  const byText = new Map<string, CommentFeatures>();
  const comments = thread.comments.map((c) => {
    checkMemoryEvery();
    let cf = byText.get(c.text);
    if (!cf) byText.set(c.text, (cf = commentFeatures(c.text)));
    return cf;
  });
  const docFreq = new Map<string, number>();
  const count = (s: string) => docFreq.set(s, (docFreq.get(s) ?? 0) + 1);
  for (let i = 0; i < comments.length; i++) {
    checkMemoryEvery();
    comments[i]!.contentStems.forEach(count);
  }
  const indexById = new Map<string, number>();
  for (let i = 0; i < thread.comments.length; i++) {
    checkMemoryEvery();
    indexById.set(thread.comments[i]!.id, i);
  }
  f = { comments, article: articleFeatures(thread.title, thread.body), docFreq, indexById };
  cache.set(thread, f);
  return f;
}

/**
 * Disqus XML export (`<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">`):
 * `<thread dsq:id>` elements (link, title, message) and `<post dsq:id>` elements pointing at their thread
 * and parent by dsq:id. One file holds many threads; only threads with posts become threads here.
 *
 * Decisions:
 * - Spam (`<isSpam>true`) is analysed, with meta.spam and a spam moderation mark (the platform-flag
 *   signal's evidence): moderators' spam folders hold exactly the replies the tool looks for, and they are
 *   evidence for clusters around replies still visible.
 * - Deleted (`<isDeleted>true`) posts whose message survives are analysed too, with meta.deleted and a
 *   deleted moderation mark, for the same reason. A deleted post without text has nothing to analyse: it is counted in
 *   `thread.excluded.deleted` (replies keep pointing at it by parentId). Other posts without text are
 *   counted as `excluded.empty`.
 * - Posts whose thread is not in the export are grouped into one thread with id "orphans" (placed last), with
 *   a warning.
 * - A post without dsq:id gets "post-<n>", n its 1-based position among the file's posts, with a warning.
 *   A dsq:id used twice is an error: Disqus ids are unique, so the file is damaged.
 * - A thread marked deleted keeps its posts (they are still in the export), with a warning.
 */
import { InputError } from '../errors.js';
import { checkMemoryEvery } from '../memory.js';
import type { Comment, ModerationMark, Thread } from '../types.js';
import { htmlToText } from './html.js';
import type { Parser } from './types.js';
import { readXmlRecords } from './xml.js';
import { attribute, childText, element, name, type XmlNode } from './xml-tree.js';

interface DisqusThread {
  thread: Thread;
  deleted: boolean;
}

/** A post read from its element, waiting for its thread (threads may come after their posts). */
interface Post {
  comment: Comment;
  threadId: string | undefined;
  deleted: boolean;
  line: number;
}

const flag = (node: XmlNode, tag: string) => childText(node, tag)?.trim().toLowerCase() === 'true';

function readThread(node: XmlNode, id: string, source: string): Thread {
  const thread: Thread = { id, source, title: childText(node, 'title')?.trim() ?? '', body: htmlToText(childText(node, 'message') ?? ''), comments: [] };
  const link = childText(node, 'link')?.trim();
  if (link) thread.url = link;
  return thread;
}

/** A post as a comment (index set later); the id is empty when the post has no dsq:id. */
function readPost(node: XmlNode, line: number): Post {
  const deleted = flag(node, 'isDeleted');
  const comment: Comment = { id: attribute(node, 'dsq:id')?.trim() ?? '', index: 0, text: htmlToText(childText(node, 'message') ?? '') };
  const author = element(node, 'author');
  const authorName = author ? childText(author, 'name')?.trim() || childText(author, 'username')?.trim() : undefined;
  if (authorName) comment.author = authorName;
  const createdAt = childText(node, 'createdAt')?.trim();
  if (createdAt) comment.createdAt = createdAt;
  const parent = element(node, 'parent');
  const parentId = parent ? attribute(parent, 'dsq:id')?.trim() : undefined;
  if (parentId) comment.parentId = parentId;
  const meta: Record<string, boolean> = {};
  if (flag(node, 'isSpam')) meta.spam = true;
  if (deleted) meta.deleted = true;
  if (Object.keys(meta).length > 0) comment.meta = meta;
  const moderation: ModerationMark[] = [];
  if (meta.spam) moderation.push({ kind: 'spam', field: 'isSpam=true' });
  if (deleted) moderation.push({ kind: 'deleted', field: 'isDeleted=true' });
  if (moderation.length > 0) comment.moderation = moderation;
  const threadRef = element(node, 'thread');
  return { comment, threadId: threadRef ? attribute(threadRef, 'dsq:id')?.trim() : undefined, deleted, line };
}

export const disqus: Parser = {
  name: 'disqus',
  description: 'Disqus XML export: <thread> and <post> elements, many threads per file',
  extensions: ['.xml'],
  sniff: (head) => /<disqus[\s>]/.test(head) && head.includes('disqus.com'),
  parse(text, source) {
    const threads = new Map<string, DisqusThread>();
    const posts: Post[] = [];
    const warnings = readXmlRecords(text, source, ['disqus'], ({ node, line }) => {
      const tag = name(node);
      // Posts are converted right away so the parsed elements can be freed: exports run to hundreds of MB.
      checkMemoryEvery();
      if (tag === 'post') posts.push(readPost(node, line));
      else if (tag === 'thread') {
        const id = attribute(node, 'dsq:id')?.trim();
        if (id) threads.set(id, { thread: readThread(node, id, source), deleted: flag(node, 'isDeleted') });
      }
    });

    let orphanId = 'orphans';
    while (threads.has(orphanId)) orphanId += '_';
    const orphans: Thread = { id: orphanId, source, title: 'Posts whose thread is not in the export', body: '', comments: [] };
    const orphanThreadIds = new Set<string>();
    const lines = new Map<string, number>();
    const unnamed: string[] = [];
    posts.forEach(({ comment, threadId, deleted, line }, i) => {
      if (comment.id === '') {
        comment.id = `post-${i + 1}`;
        unnamed.push(`${comment.id} at line ${line}`);
      }
      const earlier = lines.get(comment.id);
      if (earlier !== undefined) {
        throw new InputError(source, `post dsq:id "${comment.id}" was already used by the post at line ${earlier}`, String(line), 'post ids in a Disqus export are unique: export the forum again');
      }
      lines.set(comment.id, line);
      const home = threadId !== undefined ? threads.get(threadId)?.thread : undefined;
      if (!home) orphanThreadIds.add(threadId ?? '(none)');
      const thread = home ?? orphans;
      if (comment.text === '') {
        const kind = deleted ? 'deleted' : 'empty';
        thread.excluded = { ...thread.excluded, [kind]: (thread.excluded?.[kind] ?? 0) + 1 };
        return;
      }
      comment.index = thread.comments.length + 1;
      thread.comments.push(comment);
    });

    if (unnamed.length > 0) warnings.push(`${source}: ${unnamed.length} post(s) have no dsq:id and were named by position: ${unnamed.slice(0, 3).join(', ')}`);
    if (orphanThreadIds.size > 0) {
      const count = orphans.comments.length + Object.values(orphans.excluded ?? {}).reduce((a, b) => a + b, 0);
      warnings.push(`${source}: ${count} post(s) belong to threads not in the export (${[...orphanThreadIds].slice(0, 3).join(', ')}); they form thread "${orphanId}"`);
    }
    const all = [...threads.values()];
    const deletedWithPosts = all.filter((t) => t.deleted && hasPosts(t.thread)).map((t) => t.thread.id);
    if (deletedWithPosts.length > 0) warnings.push(`${source}: thread(s) ${deletedWithPosts.slice(0, 3).join(', ')} are marked deleted; their posts are analysed anyway`);
    const result = all.map((t) => t.thread).filter(hasPosts);
    if (hasPosts(orphans)) result.push(orphans);
    return { threads: result, warnings };
  },
};

function hasPosts(thread: Thread): boolean {
  return thread.comments.length > 0 || thread.excluded !== undefined;
}

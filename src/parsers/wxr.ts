/**
 * WordPress eXtended RSS (WXR 1.0–1.2), what Tools → Export writes: an RSS channel whose `<item>`s are posts
 * and pages, each with its `<wp:comment>`s threaded by `wp:comment_parent`.
 *
 * Decisions:
 * - An item is a thread when it holds at least one `<wp:comment>`; items without any are left out.
 * - Comment types: "" / "comment" (classic comments) and "review" (WooCommerce product reviews, written by
 *   people) are analysed. Everything else is counted in `thread.excluded` by its type and not analysed:
 *   pingbacks and trackbacks are machine-made link notices from other sites, and plugin types (order
 *   notes, webmentions…) are not replies written on the page.
 * - `wp:comment_approved` ("1", "0", "spam", "trash") is kept as meta.approved; unapproved and spam
 *   comments are analysed, since held-back replies are what moderators want sorted. "spam" and "trash"
 *   are moderation marks too (APPROVAL_MARKS).
 * - Comment text and the post body keep their line breaks (WordPress stores newlines and adds <p> only on
 *   display); HTML tags are dropped and entities decoded, titles included (WordPress titles are HTML). A
 *   comment without text is counted as `excluded.empty`.
 * - Dates: `wp:comment_date_gmt` as ISO 8601 UTC, else the site-local `wp:comment_date` without a zone.
 * - Thread ids are `wp:post_id`, or "item-<n>" (n the item's 1-based position) when it is missing; comment
 *   ids are `wp:comment_id`, or "comment-<n>" by position in the item. A comment id used twice in one item
 *   is an error: they are database keys, so the file is damaged.
 */
import { InputError } from '../errors.js';
import type { Comment, ModerationMark, Thread } from '../types.js';
import { htmlToText } from './html.js';
import type { Parser } from './types.js';
import { readXmlRecords } from './xml.js';
import { childText, elements, name, text, type XmlNode } from './xml-tree.js';

const ANALYSED_TYPES = new Set(['', 'comment', 'review']);
const SUPPORTED_VERSIONS = new Set(['1.0', '1.1', '1.2']);
/**
 * Approval states that are a moderation verdict: "spam" (Akismet or a moderator) and "trash" (a moderator
 * deleted it; commenters cannot). "0" is only the queue waiting for review, so it is no evidence.
 */
export const APPROVAL_MARKS: ReadonlyMap<string, ModerationMark['kind']> = new Map([
  ['spam', 'spam'],
  ['trash', 'removed'],
]);

/** "2014-01-14 17:32:12" -> "2014-01-14T17:32:12" (+ "Z" for GMT); WordPress writes zeros for "unknown". */
function isoDate(value: string | undefined, utc: boolean): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(value?.trim() ?? '');
  if (!m || m[1] === '0000-00-00') return undefined;
  return `${m[1]}T${m[2]}${utc ? 'Z' : ''}`;
}

function readComment(node: XmlNode, position: number): { comment: Comment; type: string } {
  const field = (tag: string) => childText(node, `wp:comment_${tag}`)?.trim();
  const comment: Comment = {
    id: field('id') || `comment-${position}`,
    index: 0,
    text: htmlToText(childText(node, 'wp:comment_content') ?? '', { keepNewlines: true }),
  };
  const author = field('author');
  if (author) comment.author = author;
  const createdAt = isoDate(field('date_gmt'), true) ?? isoDate(field('date'), false);
  if (createdAt) comment.createdAt = createdAt;
  const parent = field('parent');
  if (parent && parent !== '0') comment.parentId = parent;
  const approved = field('approved');
  if (approved !== undefined && approved !== '') comment.meta = { approved };
  const mark = approved !== undefined ? APPROVAL_MARKS.get(approved) : undefined;
  if (mark) comment.moderation = [{ kind: mark, field: `wp:comment_approved=${approved}` }];
  return { comment, type: (field('type') ?? '').toLowerCase() };
}

function readItem(node: XmlNode, position: number, line: number, source: string): Thread | undefined {
  const commentNodes = elements(node, 'wp:comment');
  if (commentNodes.length === 0) return undefined;
  const thread: Thread = {
    id: childText(node, 'wp:post_id')?.trim() || `item-${position}`,
    source,
    title: htmlToText(childText(node, 'title') ?? ''),
    body: htmlToText(childText(node, 'content:encoded') ?? '', { keepNewlines: true }),
    comments: [],
  };
  const link = childText(node, 'link')?.trim();
  if (link) thread.url = link;
  // Keyed by the export's own comment_type: without a prototype, "constructor" is a count like any other.
  const excluded: Record<string, number> = Object.create(null) as Record<string, number>;
  const seen = new Set<string>();
  commentNodes.forEach((c, i) => {
    const { comment, type } = readComment(c, i + 1);
    if (seen.has(comment.id)) {
      throw new InputError(source, `item "${thread.title}" has two comments with wp:comment_id ${comment.id}`, String(line), 'comment ids in a WordPress export are unique: export the site again');
    }
    seen.add(comment.id);
    const kind = !ANALYSED_TYPES.has(type) ? type : comment.text === '' ? 'empty' : undefined;
    if (kind !== undefined) {
      excluded[kind] = (excluded[kind] ?? 0) + 1;
      return;
    }
    comment.index = thread.comments.length + 1;
    thread.comments.push(comment);
  });
  if (Object.keys(excluded).length > 0) thread.excluded = excluded;
  return thread;
}

export const wxr: Parser = {
  name: 'wxr',
  description: 'WordPress WXR export (Tools → Export): each post or page with comments is a thread; pingbacks and trackbacks are counted, not analysed',
  extensions: ['.xml', '.wxr'],
  sniff: (head) => /<rss[\s>]/.test(head) && /xmlns:wp="https?:\/\/wordpress\.org\/export\//.test(head),
  parse(raw, source) {
    const threads: Thread[] = [];
    let items = 0;
    let version: string | undefined;
    const warnings = readXmlRecords(raw, source, ['rss', 'channel'], ({ node, line }) => {
      const tag = name(node);
      if (tag === 'wp:wxr_version') version = text(node).trim();
      if (tag !== 'item') return;
      items++;
      const thread = readItem(node, items, line, source);
      if (thread) threads.push(thread);
    });
    if (version !== undefined && !SUPPORTED_VERSIONS.has(version)) {
      warnings.push(`${source}: WXR version ${version} is not one this reader knows (1.0–1.2); check the counts`);
    }
    if (items === 0) warnings.push(`${source}: the channel has no <item> elements`);
    return { threads, warnings };
  },
};

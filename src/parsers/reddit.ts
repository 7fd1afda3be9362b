/**
 * Reddit thread JSON, what `https://www.reddit.com/r/<sub>/comments/<id>/<slug>.json` returns:
 * `[postListing, commentListing]`. The post (`t3`) is the article; `t1` comments nest through `replies`
 * (either "" or another Listing) and are flattened depth-first, parents before their replies.
 *
 * Decisions:
 * - Ids are Reddit's base-36 ids; parentId is `parent_id` without its `t1_` prefix, and absent for
 *   top-level comments (whose parent is the post, `t3_…`).
 * - Bodies are Reddit markdown with `&`, `<`, `>` escaped as entities; entities are decoded once.
 * - A comment whose body is "[deleted]" or "[removed]" has no text left: it is counted in
 *   `thread.excluded.deleted` / `.removed` and its replies keep pointing at it.
 * - Author "[deleted]" / "[removed]" is a placeholder, not a name: the comment is analysed without an
 *   author (so placeholders are never taken for one person posting twice) and meta.authorDeleted /
 *   meta.authorRemoved is set.
 * - Moderation fields of a moderator's export (`spam`, `removed`, `banned_by`) become moderation marks.
 * - `kind: "more"` stubs (replies Reddit did not send) are counted in `excluded.more` by the number of
 *   comment ids they list. `num_comments` becomes declaredCommentCount.
 */
import { InputError } from '../errors.js';
import { parseJsonText, shapeChecks, typeName, type JsonObject } from './json-shape.js';
import type { Comment, ModerationMark, Thread } from '../types.js';
import { decodeHtmlEntities } from './html.js';
import type { Parser } from './types.js';
import { threadIdFromSource } from '../util/thread-id.js';



// A Map, not an object: a comment whose body is "constructor" is text, not a key of Object's prototype.
const PLACEHOLDERS: ReadonlyMap<string, string> = new Map([
  ['[deleted]', 'deleted'],
  ['[removed]', 'removed'],
]);

/**
 * What a moderator's export of a thread says about a comment whose text it still holds: `spam: true`
 * (removed as spam), `removed: true` or `banned_by` (the remover's name, or true) for a removal. The
 * public API sends these fields as null or leaves them out.
 */
function moderationMarks(d: JsonObject): ModerationMark[] {
  const marks: ModerationMark[] = [];
  if (d.spam === true) marks.push({ kind: 'spam', field: 'spam=true' });
  else if (d.removed === true) marks.push({ kind: 'removed', field: 'removed=true' });
  else if ((typeof d.banned_by === 'string' && d.banned_by !== '') || d.banned_by === true) {
    marks.push({ kind: 'removed', field: `banned_by=${String(d.banned_by)}` });
  }
  return marks;
}

export const reddit: Parser = {
  name: 'reddit',
  description: 'Reddit thread JSON (<permalink>.json): the post and its nested comments',
  extensions: ['.json'],
  sniff: (head) => /^\s*\[\s*\{\s*"kind"\s*:\s*"Listing"/.test(head),
  parse(raw, source) {
    const data = parseJsonText(raw, source);
    const fail = (path: string, problem: string): never => {
      throw new InputError(source, `${path} ${problem}`, undefined, 'expected Reddit thread JSON: [post listing, comment listing]');
    };
    const { object } = shapeChecks(fail);
    const optional = <T>(obj: JsonObject, key: string, path: string, type: 'string' | 'number'): T | undefined => {
      const v = obj[key];
      if (v === undefined || v === null) return undefined;
      return typeof v === type ? (v as T) : fail(`${path}.${key}`, `must be a ${type}, got ${typeName(v)}`);
    };
    const required = <T>(obj: JsonObject, key: string, path: string, type: 'string' | 'number'): T =>
      optional<T>(obj, key, path, type) ?? fail(`${path}.${key}`, 'is missing');
    const listing = (v: unknown, path: string): unknown[] => {
      const l = object(v, path);
      if (l.kind !== 'Listing') fail(`${path}.kind`, `must be "Listing", got ${JSON.stringify(l.kind)}`);
      const children = object(l.data, `${path}.data`).children;
      return Array.isArray(children) ? children : fail(`${path}.data.children`, `must be an array, got ${typeName(children)}`);
    };

    if (!Array.isArray(data) || data.length < 2) {
      return fail('(top level)', `must be an array of two listings [post, comments], got ${Array.isArray(data) ? `an array of ${data.length}` : typeName(data)}`);
    }
    const postThing = object(listing(data[0], '[0]')[0], '[0].data.children[0]');
    if (postThing.kind !== 't3') fail('[0].data.children[0].kind', `must be "t3" (a post), got ${JSON.stringify(postThing.kind)}`);
    const postPath = '[0].data.children[0].data';
    const post = object(postThing.data, postPath);
    const thread: Thread = {
      id: optional<string>(post, 'id', postPath, 'string') ?? threadIdFromSource(source),
      source,
      title: decodeHtmlEntities(required<string>(post, 'title', postPath, 'string')).trim(),
      body: decodeHtmlEntities(optional<string>(post, 'selftext', postPath, 'string') ?? '').trim(),
      comments: [],
    };
    const permalink = optional<string>(post, 'permalink', postPath, 'string');
    const url = permalink?.startsWith('/') ? `https://www.reddit.com${permalink}` : (permalink ?? optional<string>(post, 'url', postPath, 'string'));
    if (url) thread.url = url;
    const declared = optional<number>(post, 'num_comments', postPath, 'number');
    if (declared !== undefined) thread.declaredCommentCount = declared;

    const excluded: Record<string, number> = {};
    const count = (kind: string, n: number) => {
      if (n > 0) excluded[kind] = (excluded[kind] ?? 0) + n;
    };
    // An explicit stack: reply chains can be deeper than the call stack allows.
    const stack: Array<{ thing: unknown; path: string }> = [];
    const pushChildren = (children: unknown[], path: string) => {
      for (let i = children.length - 1; i >= 0; i--) stack.push({ thing: children[i], path: `${path}.data.children[${i}]` });
    };
    const seen = new Set<string>();
    pushChildren(listing(data[1], '[1]'), '[1]');
    while (stack.length > 0) {
      const { thing, path } = stack.pop()!;
      const t = object(thing, path);
      const d = object(t.data, `${path}.data`);
      const dp = `${path}.data`;
      if (t.kind === 'more') {
        const ids = d.children;
        count('more', Array.isArray(ids) ? ids.length : (optional<number>(d, 'count', dp, 'number') ?? 0));
        continue;
      }
      if (t.kind !== 't1') fail(`${path}.kind`, `must be "t1" (a comment) or "more", got ${JSON.stringify(t.kind)}`);
      const replies = d.replies;
      if (replies !== undefined && replies !== null && replies !== '') pushChildren(listing(replies, `${dp}.replies`), `${dp}.replies`);
      const body = required<string>(d, 'body', dp, 'string');
      const gone = PLACEHOLDERS.get(body.trim());
      if (gone) {
        count(gone, 1);
        continue;
      }
      const id = required<string>(d, 'id', dp, 'string');
      // Reddit ids are unique; a repeat means a damaged or hand-edited file, refused as the other formats do.
      if (seen.has(id)) fail(`${dp}.id`, `repeats id "${id}"; comment ids must be unique in a thread`);
      seen.add(id);
      const comment: Comment = { id, index: thread.comments.length + 1, text: decodeHtmlEntities(body).trim() };
      const meta: Record<string, string | number | boolean> = {};
      const author = optional<string>(d, 'author', dp, 'string');
      const placeholder = author !== undefined ? PLACEHOLDERS.get(author) : undefined;
      if (placeholder === 'deleted') meta.authorDeleted = true;
      else if (placeholder === 'removed') meta.authorRemoved = true;
      else if (author) comment.author = author;
      const parent = optional<string>(d, 'parent_id', dp, 'string');
      if (parent?.startsWith('t1_')) comment.parentId = parent.slice(3);
      const created = new Date((optional<number>(d, 'created_utc', dp, 'number') ?? NaN) * 1000);
      if (!Number.isNaN(created.getTime())) comment.createdAt = created.toISOString().replace('.000Z', 'Z');
      const score = optional<number>(d, 'score', dp, 'number');
      if (score !== undefined) meta.score = score;
      if (Object.keys(meta).length > 0) comment.meta = meta;
      const moderation = moderationMarks(d);
      if (moderation.length > 0) comment.moderation = moderation;
      thread.comments.push(comment);
    }
    if (Object.keys(excluded).length > 0) thread.excluded = excluded;
    return { threads: [thread], warnings: [] };
  },
};

/**
 * Commento (and Commento++) JSON export: `{"version": 1, "comments": [...], "commenters": [...]}`.
 *
 * Decisions:
 * - Threads are the pages: comments grouped by domain + url (the page path), in order of first
 *   appearance; the export has no page titles, so the page address is the thread id and title.
 * - Text is the `markdown` field (what the commenter typed); `html` is used only when markdown is empty.
 * - Commento deletes by overwriting the text with "[deleted]" and the author with "anonymous": such a
 *   comment is counted in `thread.excluded.deleted`. A deleted comment whose text survives is analysed,
 *   with meta.deleted. Other comments without text are counted as `excluded.empty`.
 * - Authors come from `commenters` by commenterHex; "anonymous" has no author. parentHex "root" = no parent.
 * - `state` (approved, unapproved, flagged) is kept as meta.state. "flagged" is what Commento sets when its
 *   spam check (Akismet) calls a new comment spam, so it is a spam moderation mark too; "unapproved" is the
 *   review queue, no verdict.
 */
import { InputError } from '../errors.js';
import { parseJsonText, shapeChecks, typeName, type JsonObject } from './json-shape.js';
import type { Comment, ModerationMark, Thread } from '../types.js';
import { htmlToText } from './html.js';
import type { Parser } from './types.js';



const DELETED = '[deleted]';

export const commento: Parser = {
  name: 'commento',
  description: 'Commento JSON export {"version": 1, "comments": [...], "commenters": [...]}; one thread per page',
  extensions: ['.json'],
  sniff: (head) => /^\s*\{/.test(head) && /"commentHex"\s*:/.test(head),
  parse(raw, source) {
    const data = parseJsonText(raw, source);
    const fail = (path: string, problem: string): never => {
      throw new InputError(source, `${path} ${problem}`, undefined, 'expected a Commento export {"version": 1, "comments": [...], "commenters": [...]}');
    };
    const { object, array } = shapeChecks(fail);
    const string = (obj: JsonObject, key: string, path: string): string | undefined => {
      const v = obj[key];
      if (v === undefined || v === null) return undefined;
      return typeof v === 'string' ? v : fail(`${path}.${key}`, `must be a string, got ${typeName(v)}`);
    };

    const root = object(data, '(top level)');
    const warnings: string[] = [];
    if (root.version !== undefined && root.version !== 1) warnings.push(`${source}: export version ${JSON.stringify(root.version)} is not 1, the only one this reader knows; check the counts`);
    const names = new Map<string, string>();
    array(root.commenters ?? [], 'commenters').forEach((c, i) => {
      const path = `commenters[${i}]`;
      const o = object(c, path);
      const hex = string(o, 'commenterHex', path);
      const name = string(o, 'name', path)?.trim();
      if (hex && name) names.set(hex, name);
    });

    const threads = new Map<string, Thread>();
    const seen = new Set<string>();
    array(root.comments, 'comments').forEach((c, i) => {
      const path = `comments[${i}]`;
      const o = object(c, path);
      const id = string(o, 'commentHex', path) ?? fail(`${path}.commentHex`, 'is missing');
      if (seen.has(id)) fail(`${path}.commentHex`, `repeats "${id}"; comment ids in a Commento export are unique`);
      seen.add(id);
      const page = `${string(o, 'domain', path) ?? ''}${string(o, 'url', path) ?? ''}` || '(no url)';
      let thread = threads.get(page);
      if (!thread) threads.set(page, (thread = { id: page, source, title: page, body: '', comments: [] }));
      const markdown = string(o, 'markdown', path)?.trim() ?? '';
      const text = markdown || htmlToText(string(o, 'html', path) ?? '');
      const deleted = o.deleted === true;
      if (text === '' || (deleted && text === DELETED)) {
        const kind = deleted ? 'deleted' : 'empty';
        thread.excluded = { ...thread.excluded, [kind]: (thread.excluded?.[kind] ?? 0) + 1 };
        return;
      }
      const comment: Comment = { id, index: thread.comments.length + 1, text };
      const author = names.get(string(o, 'commenterHex', path) ?? '');
      if (author) comment.author = author;
      const createdAt = string(o, 'creationDate', path)?.trim();
      if (createdAt) comment.createdAt = createdAt;
      const parent = string(o, 'parentHex', path)?.trim();
      if (parent && parent !== 'root') comment.parentId = parent;
      const meta: Record<string, string | boolean> = {};
      const state = string(o, 'state', path)?.trim();
      if (state) meta.state = state;
      if (deleted) meta.deleted = true;
      if (Object.keys(meta).length > 0) comment.meta = meta;
      const moderation: ModerationMark[] = [];
      if (state === 'flagged') moderation.push({ kind: 'spam', field: 'state=flagged' });
      if (deleted) moderation.push({ kind: 'deleted', field: 'deleted=true' });
      if (moderation.length > 0) comment.moderation = moderation;
      thread.comments.push(comment);
    });
    return { threads: [...threads.values()], warnings };
  },
};

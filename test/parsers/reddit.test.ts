import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Thread } from '../../src/types.js';
import { byId, ids, inputError, parseFile, parserFixture, parseText, realExport } from './support.js';

/** Parent ids that point at no analysed comment (they must be excluded comments). */
const danglingParents = (thread: Thread) => {
  const known = new Set(ids(thread));
  return thread.comments.filter((c) => c.parentId !== undefined && !known.has(c.parentId)).map((c) => c.parentId);
};

/** Depth of a comment: 0 for top level. */
const depth = (thread: Thread, id: string): number => {
  const parent = byId(thread, id).parentId;
  return parent === undefined ? 0 : 1 + depth(thread, parent);
};

describe('reddit: edge cases (test/fixtures/parsers/reddit-edge.json)', () => {
  const { threads, warnings } = parseFile(parserFixture('reddit-edge.json'));
  const [thread] = threads;

  it('reads the post as the article: title and selftext decoded, permalink url, num_comments declared', () => {
    expect(threads).toHaveLength(1);
    expect([thread!.id, thread!.title, thread!.body, thread!.url, thread!.declaredCommentCount]).toEqual([
      'abc123',
      'Is o1 any good for SQL & dbt?',
      'Asking for a friend > really.',
      'https://www.reddit.com/r/dataengineering/comments/abc123/is_o1_any_good/',
      9,
    ]);
    expect(warnings).toEqual([]);
  });

  it('flattens nested replies depth-first, parents before replies, with t1_ prefixes stripped', () => {
    expect(ids(thread!)).toEqual(['a', 'b', 'c', 'e', 'f']);
    expect(thread!.comments.map((c) => c.parentId ?? null)).toEqual([null, 'a', 'b', 'd', null]);
    expect(depth(thread!, 'c')).toBe(2);
  });

  it('counts more-stubs by the ids they list, and [deleted]/[removed] bodies, without analysing them', () => {
    expect(thread!.excluded).toEqual({ more: 8, deleted: 1, removed: 1 });
    expect(danglingParents(thread!)).toEqual(['d']);
  });

  it('analyses a comment whose account is gone, without taking "[deleted]" for an author name', () => {
    const f = byId(thread!, 'f');
    expect([f.author, f.meta, f.text]).toEqual([undefined, { authorDeleted: true, score: 3 }, 'Account gone, text stays']);
  });

  it('decodes the body entities once and keeps markdown quotes; dates from created_utc', () => {
    expect(byId(thread!, 'b').text).toBe('> quoted line\n\nReply to a');
    expect(byId(thread!, 'c').text).toBe('Third level, with &amp; literal');
    expect(byId(thread!, 'a').createdAt).toBe('2024-09-12T22:26:40Z');
  });
});

describe('reddit: wrong shapes name the field path', () => {
  it('a nested body of the wrong type', () => {
    const err = inputError(() => parseFile(parserFixture('reddit-wrong-type.json')));
    expect(err.problem).toBe('[1].data.children[0].data.replies.data.children[0].data.body must be a string, got number');
  });

  it('a post listing without a post, and a comment of an unknown kind', () => {
    const post = '{"kind":"Listing","data":{"children":[{"kind":"t3","data":{"id":"p","title":"T"}}]}}';
    expect(inputError(() => parseText('[{"kind":"Listing","data":{"children":[]}}, {}]', 'x.json', 'reddit')).problem).toBe(
      '[0].data.children[0] is missing',
    );
    expect(inputError(() => parseText(`[${post}, {"kind":"Listing","data":{"children":[{"kind":"t5","data":{}}]}}]`, 'x.json')).problem).toBe(
      '[1].data.children[0].kind must be "t1" (a comment) or "more", got "t5"',
    );
    expect(inputError(() => parseText(`[${post}, {"kind":"Listing","data":{"children":{}}}]`, 'x.json')).problem).toBe(
      '[1].data.children must be an array, got object',
    );
  });

  it('a file that is not the two-listing array', () => {
    expect(inputError(() => parseText('{"kind":"Listing"}', 'x.json', 'reddit')).problem).toBe(
      '(top level) must be an array of two listings [post, comments], got object',
    );
  });
});

describe('reddit: real threads (langchain-ai/social-media-agent, MIT)', () => {
  it('thoughts_on_openai_o1.json: 32 comments, matching num_comments 32, with the bot reply four levels deep', () => {
    // Counted by hand: grep -c '"kind": "t1"' = 32, grep -c '"kind": "more"' = 0; no body is "[deleted]"
    // or "[removed]"; two comments have author "[deleted]" (lmua7wv, lmucnd1).
    const { threads } = parseFile(realExport('reddit', 'thoughts_on_openai_o1.json'));
    const [thread] = threads;
    expect([thread!.id, thread!.comments.length, thread!.declaredCommentCount, thread!.excluded]).toEqual(['1ffeo0g', 32, 32, undefined]);
    expect(thread!.comments.filter((c) => c.meta?.authorDeleted).map((c) => c.id)).toEqual(['lmua7wv', 'lmucnd1']);
    const bot = thread!.comments.find((c) => c.author === 'sneakpeekbot')!;
    expect(bot.text).toMatch(/^Here's a sneak peek of \/r\/PowerBI using the \[top posts\]\(https:\/\/np\.reddit\.com\/r\/PowerBI\/top\/\?sort=top&t=year\)/);
    expect(depth(thread!, bot.id)).toBe(3);
    expect(danglingParents(thread!)).toEqual([]);
  });

  it('openai_o1_vs_recent_leetcode_questions.json: 43 comments + 1 deleted + 1 removed = 45 t1; num_comments says 44', () => {
    // Counted by hand: grep -c '"kind": "t1"' = 45; bodies "[deleted]" (locawmi) and "[removed]" (locr0hf, a
    // reply to locawmi); grep -c '"author": "\[deleted\]"' = 6, all comments, 2 of them those two.
    const raw = readFileSync(realExport('reddit', 'openai_o1_vs_recent_leetcode_questions.json'), 'utf8');
    expect(raw.match(/"kind": "t1"/g)).toHaveLength(45);
    const [thread] = parseFile(realExport('reddit', 'openai_o1_vs_recent_leetcode_questions.json')).threads;
    expect([thread!.comments.length, thread!.declaredCommentCount, thread!.excluded]).toEqual([43, 44, { deleted: 1, removed: 1 }]);
    expect(thread!.comments.filter((c) => c.meta?.authorDeleted)).toHaveLength(4);
    expect(danglingParents(thread!)).toEqual([]);
    expect(thread!.title).toBe('OpenAI o1 vs Recent LeetCode Questions');
    expect(thread!.body).toContain('https://preview.redd.it/xigym8kfgaqd1.png?width=1415&format=png&auto=webp');
  });
});

describe('reddit: duplicate comment ids (issue #12, item 10)', () => {
  it('are refused, naming the field of the second one, as the other formats refuse them', () => {
    const comment = (id: string, body: string) => ({ kind: 't1', data: { id, body, author: 'a', parent_id: 't3_p', replies: '' } });
    const data = [
      { kind: 'Listing', data: { children: [{ kind: 't3', data: { id: 'p', title: 'Post' } }] } },
      { kind: 'Listing', data: { children: [comment('k1', 'first'), comment('k1', 'second')] } },
    ];
    const err = inputError(() => parseText(JSON.stringify(data), 'r.json', 'reddit'));
    expect(err.message).toMatch(/r\.json: \[1\]\.data\.children\[1\]\.data\.id repeats id "k1"/);
  });
});

describe('reddit: moderation marks (a moderator\'s export keeps the text of removed comments)', () => {
  const post = '{"kind":"Listing","data":{"children":[{"kind":"t3","data":{"id":"p1","title":"T"}}]}}';
  const comment = (id: string, extra: string) => `{"kind":"t1","data":{"id":"${id}","body":"text of ${id}","author":"u${id}","parent_id":"t3_p1","replies":""${extra}}}`;
  const parse = (...comments: string[]) => parseText(`[${post}, {"kind":"Listing","data":{"children":[${comments.join(',')}]}}]`, 'x.json').threads[0]!;

  it('spam, removed and banned_by become marks; the public API\'s nulls do not', () => {
    const thread = parse(
      comment('a', ',"spam":true,"removed":true,"banned_by":"AutoModerator"'),
      comment('b', ',"removed":true,"banned_by":null'),
      comment('c', ',"banned_by":"some_mod"'),
      comment('d', ',"banned_by":null,"removal_reason":null'),
    );
    expect(thread.comments.map((c) => [c.id, c.moderation ?? null])).toEqual([
      ['a', [{ kind: 'spam', field: 'spam=true' }]],
      ['b', [{ kind: 'removed', field: 'removed=true' }]],
      ['c', [{ kind: 'removed', field: 'banned_by=some_mod' }]],
      ['d', null],
    ]);
  });

  it('a body or author that names a member of Object.prototype is text, not a placeholder', () => {
    const named = (id: string, body: string) => `{"kind":"t1","data":{"id":"${id}","body":"${body}","author":"${body}","parent_id":"t3_p1","replies":""}}`;
    const thread = parse(named('a', 'constructor'), named('b', 'toString'), named('c', '__proto__'), named('d', '[deleted]'));
    expect(thread.comments.map((c) => [c.id, c.text, c.author])).toEqual([
      ['a', 'constructor', 'constructor'],
      ['b', 'toString', 'toString'],
      ['c', '__proto__', '__proto__'],
    ]);
    expect(JSON.stringify(thread.excluded)).toBe('{"deleted":1}');
  });

  it('the real exports (public API) carry no marks', () => {
    for (const file of ['thoughts_on_openai_o1.json', 'openai_o1_vs_recent_leetcode_questions.json']) {
      expect(parseFile(realExport('reddit', file)).threads[0]!.comments.filter((c) => c.moderation)).toEqual([]);
    }
  });
});

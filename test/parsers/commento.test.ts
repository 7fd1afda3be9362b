import { describe, expect, it } from 'vitest';
import { byId, ids, inputError, parseFile, parserFixture, parseText, realExport } from './support.js';

describe('commento: edge cases (test/fixtures/parsers/commento-edge.json)', () => {
  const { threads, warnings } = parseFile(parserFixture('commento-edge.json'));
  const [budget, other] = threads;

  it('groups comments by domain + page path, in order of first appearance', () => {
    expect(threads.map((t) => [t.id, t.title, ids(t)])).toEqual([
      ['blog.example.com/posts/budget', 'blog.example.com/posts/budget', ['h1', 'h2', 'h5']],
      ['blog.example.com/posts/other', 'blog.example.com/posts/other', ['h4', 'h6']],
    ]);
    expect(warnings).toEqual([]);
  });

  it('counts a comment Commento deleted ("[deleted]", anonymous) and keeps one whose text survived, flagged', () => {
    expect(budget!.excluded).toEqual({ deleted: 1 });
    expect(byId(other!, 'h6').meta).toEqual({ state: 'approved', deleted: true });
  });

  it('takes authors from commenters; anonymous and unknown commenters have none', () => {
    expect(threads.flatMap((t) => t.comments.map((c) => [c.id, c.author ?? null]))).toEqual([
      ['h1', 'Ann'],
      ['h2', 'Bob'],
      ['h5', null],
      ['h4', null],
      ['h6', 'Ann'],
    ]);
  });

  it('uses markdown as the text, HTML only when markdown is empty; parentHex "root" means no parent', () => {
    expect(byId(budget!, 'h1').text).toBe('First **comment** on the budget.');
    expect(byId(other!, 'h4').text).toBe('Only HTML & no markdown');
    expect(budget!.comments.map((c) => c.parentId ?? null)).toEqual([null, 'h1', 'h3']);
    expect(byId(budget!, 'h2').meta).toEqual({ state: 'unapproved' });
    expect(byId(budget!, 'h2').createdAt).toBe('2021-03-12T12:00:00Z');
  });
});

describe('commento: wrong shapes name the field path', () => {
  const wrap = (comments: string) => `{"version": 1, "comments": ${comments}, "commenters": []}`;

  it('comments that are not an array, or missing', () => {
    expect(inputError(() => parseText(wrap('{"commentHex": "a"}'), 'c.json')).problem).toBe('comments must be an array, got object');
    expect(inputError(() => parseText('{"version": 1, "commentHex": null}', 'c.json', 'commento')).problem).toBe('comments is missing');
  });

  it('a field of the wrong type, a missing id, a repeated id', () => {
    const ok = '{"commentHex": "a", "url": "/p", "markdown": "hi", "parentHex": "root"}';
    expect(inputError(() => parseText(wrap(`[${ok}, {"commentHex": "b", "markdown": 7}]`), 'c.json')).problem).toBe('comments[1].markdown must be a string, got number');
    expect(inputError(() => parseText(wrap(`[${ok}, {"markdown": "x"}]`), 'c.json', 'commento')).problem).toBe('comments[1].commentHex is missing');
    expect(inputError(() => parseText(wrap(`[${ok}, ${ok}]`), 'c.json')).problem).toBe('comments[1].commentHex repeats "a"; comment ids in a Commento export are unique');
  });
});

describe('commento: remark42 test export (umputun/remark42, MIT)', () => {
  // Counted by hand: 3 objects in "comments": one on /blog/post/2 (anonymous), two on /blog/post/1 (the second
  // replies to the first by parentHex); 2 commenters.
  const { threads } = parseFile(realExport('commento', 'remark42-testdata-commento.json'));

  it('has 2 threads and 3 comments, with the reply and the commenter names', () => {
    expect(threads.map((t) => [t.id, t.comments.map((c) => [c.id.slice(0, 6), c.author ?? null, c.parentId?.slice(0, 6) ?? null, c.text])])).toEqual([
      ['example.com/blog/post/2', [['e7069a', null, null, 'Example comment created by user.']]],
      [
        'example.com/blog/post/1',
        [
          ['7d77e3', 'User5276', null, 'Example 2 comment created by user.'],
          ['ea5f7b', 'Saturnin Uf', '7d77e3', 'Great reply!'],
        ],
      ],
    ]);
  });
});

describe('commento: moderation marks', () => {
  const comment = (hex: string, state: string, deleted = false) =>
    `{"commentHex":"${hex}","domain":"example.com","url":"/p","commenterHex":"anonymous","markdown":"text ${hex}","parentHex":"root","state":"${state}","deleted":${deleted}}`;

  it('"flagged" (Commento\'s spam check) is a spam mark; a deleted comment whose text survives is a deleted mark; the queue is none', () => {
    const { threads } = parseText(`{"version":1,"comments":[${[comment('a', 'flagged'), comment('b', 'approved', true), comment('c', 'unapproved'), comment('d', 'approved')].join(',')}],"commenters":[]}`, 'x.json');
    expect(threads[0]!.comments.map((c) => [c.id, c.moderation ?? null])).toEqual([
      ['a', [{ kind: 'spam', field: 'state=flagged' }]],
      ['b', [{ kind: 'deleted', field: 'deleted=true' }]],
      ['c', null],
      ['d', null],
    ]);
  });

  it('the edge fixture: the surviving deleted comment is marked, the unapproved one is not', () => {
    const { threads } = parseFile(parserFixture('commento-edge.json'));
    expect(threads.flatMap((t) => t.comments.filter((c) => c.moderation).map((c) => [c.id, c.moderation]))).toEqual([['h6', [{ kind: 'deleted', field: 'deleted=true' }]]]);
  });
});

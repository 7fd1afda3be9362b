import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { byId, commentCount, ids, inputError, parseFile, parserFixture, parseText, realExport } from './support.js';

describe('disqus: edge cases (test/fixtures/parsers/disqus-edge.xml)', () => {
  const { threads, warnings } = parseFile(parserFixture('disqus-edge.xml'));
  const t1 = threads.find((t) => t.id === 't1')!;

  it('makes threads of the threads with posts, in file order, orphans last; t2 has no posts', () => {
    expect(threads.map((t) => t.id)).toEqual(['t1', 't3', 'orphans']);
    expect([t1.title, t1.url, t1.body]).toEqual(['Budget & taxes', 'https://example.com/budget', 'The article body.']);
  });

  it('keeps spam and text-bearing deleted posts with meta flags; counts empty deleted and empty posts', () => {
    expect(ids(t1)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p7']);
    expect(t1.comments.map((c) => c.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(byId(t1, 'p4').meta).toEqual({ spam: true });
    expect(byId(t1, 'p5').meta).toEqual({ deleted: true });
    expect(byId(t1, 'p1').meta).toBeUndefined();
    expect(t1.excluded).toEqual({ deleted: 1, empty: 1 });
  });

  it('links replies by dsq:id, including a reply to an excluded deleted post', () => {
    expect(t1.comments.map((c) => c.parentId)).toEqual([undefined, 'p1', 'p2', undefined, undefined, 'p6']);
  });

  it('turns messages into text: CDATA HTML and entity-escaped HTML, each decoded once', () => {
    expect(byId(t1, 'p1').text).toBe('First!\n\nSecond paragraph\nnext line');
    expect(byId(t1, 'p2').text).toBe('Escaped & HTML, a reply');
    expect(byId(t1, 'p3').text).toBe('5 < 6 &amp; a reply to a reply. Quoting markup: <!DOCTYPE x [<!ENTITY y "z">]>');
  });

  it('takes the author name, falling back to the username, and the date', () => {
    expect(t1.comments.map((c) => c.author)).toEqual(['Ann', 'bob', 'Cy', 'Spammer', 'Dee', 'Fay']);
    expect(byId(t1, 'p1').createdAt).toBe('2020-01-01T10:00:00Z');
  });

  it('groups posts whose thread is missing into "orphans", names id-less posts by position, and warns', () => {
    expect(ids(threads[2]!)).toEqual(['p9', 'p10']);
    expect(ids(threads[1]!)).toEqual(['post-11']);
    expect(warnings).toEqual([
      'test/fixtures/parsers/disqus-edge.xml: 1 post(s) have no dsq:id and were named by position: post-11 at line 78',
      'test/fixtures/parsers/disqus-edge.xml: 2 post(s) belong to threads not in the export (999, (none)); they form thread "orphans"',
      'test/fixtures/parsers/disqus-edge.xml: thread(s) t3 are marked deleted; their posts are analysed anyway',
    ]);
  });

  it('ignores a post inside an XML comment', () => {
    expect(threads.flatMap((t) => t.comments.map((c) => c.text))).not.toContain('commented out');
  });
});

describe('disqus: unsafe and broken files', () => {
  it('refuses a billion-laughs DOCTYPE with one line naming the first entity', () => {
    const err = inputError(() => parseFile(parserFixture('disqus-entity-bomb.xml')));
    expect(err.message).toBe(
      'test/fixtures/parsers/disqus-entity-bomb.xml:3: declares DTD entities (<!ENTITY>), which are never expanded (entity expansion bombs, external entities)',
    );
  });

  it('refuses a dsq:id used by two posts, naming both lines', () => {
    const xml = '<disqus xmlns="http://disqus.com">\n<post dsq:id="1"><message>a</message></post>\n<post dsq:id="1"><message>b</message></post>\n</disqus>';
    const err = inputError(() => parseText(xml, 'dup.xml'));
    expect([err.where, err.problem]).toEqual(['3', 'post dsq:id "1" was already used by the post at line 2']);
  });

  it('refuses a truncated export', () => {
    const cut = readFileSync(parserFixture('disqus-edge.xml'), 'utf8').slice(0, 1500);
    expect(inputError(() => parseText(cut, 'cut.xml')).problem).toMatch(/^is not well-formed XML/);
  });

  it('refuses another XML format forced as disqus', () => {
    const err = inputError(() => parseFile(realExport('wordpress', 'isso-tests-wordpress.xml'), 'disqus'));
    expect(err.problem).toBe('has a <rss> root element, not <disqus>');
  });
});

describe('disqus: isso test export (isso-comments/isso, MIT)', () => {
  // Counted by hand: grep -c '<post ' = 6 posts (dsq:id 4, 5, 6, 8, 9, 11); threads 2, 3, 7.
  // Thread 2: posts 4, 5, 11 analysed + 9 (isDeleted, empty <message/>) counted as deleted.
  // Thread 7 (empty title): post 8. Thread 3: no posts, so no thread. Post 6 points at thread 1337: orphans.
  const { threads, warnings } = parseFile(realExport('disqus', 'isso-tests-disqus.xml'));

  it('has 3 threads and 5 comments', () => {
    expect(threads.map((t) => [t.id, t.comments.length, t.excluded])).toEqual([
      ['2', 3, { deleted: 1 }],
      ['7', 1, undefined],
      ['orphans', 1, undefined],
    ]);
    expect(commentCount(threads)).toBe(5);
    expect(warnings).toHaveLength(1);
  });

  it('keeps the reply to the deleted post and the reply chain', () => {
    expect(threads[0]!.comments.map((c) => [c.id, c.parentId ?? null, c.author, c.text])).toEqual([
      ['4', null, 'peter', '...'],
      ['5', '4', 'user', 'Hello, World.'],
      ['11', '9', 'user', 'Hello, World.'],
    ]);
    expect(threads[1]!.title).toBe('');
    expect(threads[1]!.comments[0]!.text).toBe('Message from thread with empty title and id');
  });

  it('reads the same export with CRLF line endings the same way', () => {
    const crlf = readFileSync(realExport('disqus', 'isso-tests-disqus.xml'), 'utf8').replace(/\n/g, '\r\n');
    expect(parseText(crlf, 'test/fixtures/export-formats/disqus/isso-tests-disqus.xml')).toEqual({ threads, warnings });
  });
});

describe('disqus: remark42 test exports (umputun/remark42, MIT; deliberately malformed)', () => {
  // Counted by hand: grep -c '<post' = 6. Thread 247937687: 299619020, 299744309, 299986073 (isSpam true),
  // x299986073 (its <thread dsq:id=247937687/> is unquoted). Thread 247918464: 299986072 and one post without
  // dsq:id (line 102). remark42 itself imports 4: it drops the spam post and the bad one.
  const expected = [
    ['247918464', ['299986072', 'post-4']],
    ['247937687', ['299619020', '299744309', '299986073', 'x299986073']],
  ];

  for (const file of ['remark42-testdata-disqus.xml', 'remark42-testdata-disqus-deleted-post.xml', 'remark42-testdata-disqus-deleted-thread.xml']) {
    it(`${file}: read tolerantly, 2 threads and 6 comments, with a warning per repair`, () => {
      const { threads, warnings } = parseFile(realExport('disqus', file));
      expect(threads.map((t) => [t.id, ids(t)])).toEqual(expected);
      const source = `test/fixtures/export-formats/disqus/${file}`;
      expect(warnings.slice(0, 3)).toEqual([
        `${source}:1: ignored 1 stray character(s) before the first tag ("\`")`,
        `${source}:147: read 1 attribute value(s) written without quotes, first dsq:id=247937687 (XML requires quotes)`,
        `${source}: 1 post(s) have no dsq:id and were named by position: post-4 at line 102`,
      ]);
      expect(byId(threads[1]!, '299986073').meta).toEqual({ spam: true });
      expect(byId(threads[1]!, '299986073').moderation).toEqual([{ kind: 'spam', field: 'isSpam=true' }]);
      // isSpam "123" (the broken post) is not "true": no mark.
      expect(byId(threads[1]!, 'x299986073').moderation).toBeUndefined();
      expect(byId(threads[1]!, '299619020').text).toBe('The quick brown fox jumps over the lazy dog.\n\nsome link');
    });
  }

  it('the deleted-post variant keeps the deleted post (its text survives) flagged as deleted', () => {
    const { threads } = parseFile(realExport('disqus', 'remark42-testdata-disqus-deleted-post.xml'));
    expect(byId(threads[1]!, '299619020').meta).toEqual({ deleted: true });
    expect(byId(threads[1]!, '299619020').moderation).toEqual([{ kind: 'deleted', field: 'isDeleted=true' }]);
  });

  it('the deleted-thread variant warns that thread 247937687 is marked deleted', () => {
    const { warnings } = parseFile(realExport('disqus', 'remark42-testdata-disqus-deleted-thread.xml'));
    expect(warnings[3]).toBe(
      'test/fixtures/export-formats/disqus/remark42-testdata-disqus-deleted-thread.xml: thread(s) 247937687 are marked deleted; their posts are analysed anyway',
    );
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { byId, commentCount, ids, inputError, parseFile, parserFixture, parseText, sharedDataset } from './support.js';
import { present } from '../helpers.js';

describe('csv: YouTube-style export with HTML cells', () => {
  const { threads, warnings } = parseFile(parserFixture('youtube-html.csv'));
  const [thread] = threads;

  it('is one thread named after the file, with the export ids, authors, dates and CLASS labels', () => {
    expect(threads).toHaveLength(1);
    expect(thread!.id).toBe('youtube-html');
    expect(ids(thread!)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(thread!.comments.map((c) => c.author)).toEqual(['Ann', 'Bob', 'Cy', 'Dee']);
    expect(thread!.comments.map((c) => c.label)).toEqual([false, true, false, false]);
    expect(byId(thread!, 'c1').createdAt).toBe('2015-05-28T21:39:52');
    expect(byId(thread!, 'c3').createdAt).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('turns HTML into text: links keep their text, <br /> becomes a newline, the trailing U+FEFF goes', () => {
    expect(byId(thread!, 'c1').text).toBe('2:19 best part');
    expect(byId(thread!, 'c2').text).toBe("Hey guys, I'm a human.\n\nCheck out my channel!");
  });

  it('decodes entities exactly once and never takes "<3" or "1 < 2" for tags', () => {
    expect(byId(thread!, 'c3').text).toBe('I <3 this &amp; that');
    expect(byId(thread!, 'c4').text).toBe('plain text, 1 < 2 and 3 > 2');
  });
});

describe('csv: TweepFake-style ";" file', () => {
  const [thread] = parseFile(parserFixture('tweepfake-semicolon.csv')).threads;

  it('sniffs the ";" delimiter and maps screen_name / text / account.type', () => {
    expect(thread!.comments).toHaveLength(5);
    expect(thread!.comments.map((c) => c.author)).toEqual(['imranyebot', 'zawvrk', 'dril', 'kevinhookebot', 'ahadsheriff']);
    expect(thread!.comments.map((c) => c.label)).toEqual([true, false, false, true, false]);
  });

  it('keeps quotes inside unquoted cells, delimiters inside quoted cells, and <U+…> escapes as text', () => {
    expect(thread!.comments[2]!.text).toBe('just admiring my "Pornfree" badge . https://t.co/Hbk986wXih');
    expect(thread!.comments[3]!.text).toBe('a semicolon; inside quotes');
    expect(thread!.comments[4]!.text).toBe('<U+0001F447><U+0001F3FF> escaped emoji, not tags');
  });
});

describe('csv: grouping column, parents, repeated ids, empty rows', () => {
  const { threads, warnings } = parseFile(parserFixture('grouped.csv'));

  it('groups rows by thread_id in order of first appearance, with title and url columns', () => {
    expect(threads.map((t) => [t.id, t.title, t.url])).toEqual([
      ['a1', 'First article', 'https://example.com/a1'],
      ['a2', 'Second article', 'https://example.com/a2'],
    ]);
  });

  it('makes repeated ids unique with a suffix that avoids ids already in the file, and warns', () => {
    const a1 = threads[0]!;
    expect(ids(a1)).toEqual(['1', '2', '2~3', '2~2']);
    expect(a1.comments.map((c) => c.index)).toEqual([1, 2, 3, 4]);
    expect(byId(a1, '2~3').author).toBe('dee');
    expect(warnings).toContain('test/fixtures/parsers/grouped.csv: thread "a1" repeats 1 comment id(s), first "2" at line 6; the repeats were renamed with a ~2, ~3… suffix');
  });

  it('reads parents ("0" means none), dates and is_bot labels; an unknown label value is reported', () => {
    const a1 = threads[0]!;
    expect(a1.comments.map((c) => c.parentId)).toEqual([undefined, '1', undefined, undefined]);
    expect(byId(a1, '2').createdAt).toBe('2024-01-01T10:05:00Z');
    expect(a1.comments.map((c) => c.label)).toEqual([false, true, undefined, undefined]);
    expect(warnings.some((w) => w.includes('label column') && w.includes('"maybe"'))).toBe(true);
  });

  it('keeps multi-line cells and skips empty-text rows with a warning naming the first one', () => {
    expect(threads[1]!.comments.map((c) => c.text)).toEqual(['A comment\non two lines']);
    expect(warnings).toContain('test/fixtures/parsers/grouped.csv:7: skipped 1 row(s) with empty text');
  });

  it('gives each comment the line its row starts on (a multi-line cell takes the first)', () => {
    expect(threads.map((t) => t.comments.map((c) => c.line))).toEqual([[2, 3, 6, 8], [4]]);
  });

  it('reads the same file with CRLF line endings the same way, line numbers included', () => {
    const crlf = readFileSync(parserFixture('grouped.csv'), 'utf8').replace(/\n/g, '\r\n');
    const out = parseText(crlf, 'test/fixtures/parsers/grouped.csv');
    expect(out.threads).toEqual(threads);
    expect(out.warnings).toEqual(warnings);
  });
});

describe('csv: explicit columns', () => {
  const file = parserFixture('explicit-columns.tsv');

  it('uses the named columns, matched case- and spacing-insensitively, over the header guesses', () => {
    const { threads } = parseFile(file, undefined, { csv: { text: 'said', author: 'WHO', parent: 'in reply to', thread: 'page' } });
    expect(threads.map((t) => [t.id, t.comments.length])).toEqual([
      ['p1', 2],
      ['p2', 1],
    ]);
    expect(threads[0]!.comments.map((c) => [c.author, c.text, c.parentId])).toEqual([
      ['ann', 'First comment', undefined],
      ['bob', 'Second comment', 'ann-1'],
    ]);
  });

  it('refuses a named column that does not exist, listing the columns', () => {
    const err = inputError(() => parseFile(file, undefined, { csv: { text: 'body_text' } }));
    expect(err.problem).toBe('has no column "body_text" (given with --csv-text)');
    expect(err.hint).toBe('columns: "who", "said", "in reply to", "page"');
  });

  it('without them, fails naming the header because no column looks like comment text', () => {
    const err = inputError(() => parseFile(file));
    expect(err.where).toBe('1');
    expect(err.problem).toMatch(/^has no comment text column/);
    expect(err.hint).toContain('header: "who", "said", "in reply to", "page"');
  });
});

describe('csv: columns named as tweet datasets and WordPress name them', () => {
  it('reads the tweet column of a labelled tweet set (the header of davidson-tweets)', () => {
    const text = ',count,hate_speech,offensive_language,neither,class,tweet\n0,3,0,0,3,2,first tweet here\n1,3,0,3,0,1,second tweet\n';
    const [thread] = parseText(text, 'tweets.csv').threads;
    expect(thread!.comments.map((c) => c.text)).toEqual(['first tweet here', 'second tweet']);
  });

  it('prefers full_text to text, which Twitter cut at 140 characters, and groups replies by conversation_id', () => {
    const text = 'id,conversation_id,in_reply_to_status_id,text,full_text\n11,11,,cut…,the whole first tweet\n12,11,11,cut…,the whole reply\n';
    const { threads } = parseText(text, 'x-export.csv');
    expect(threads.map((t) => t.id)).toEqual(['11']);
    expect(threads[0]!.comments.map((c) => [c.id, c.text, c.parentId])).toEqual([
      ['11', 'the whole first tweet', undefined],
      ['12', 'the whole reply', '11'],
    ]);
  });

  it("reads a wp_comments export: one thread per post, comment_parent 0 is no parent", () => {
    const text = [
      'comment_ID,comment_post_ID,comment_author,comment_date,comment_date_gmt,comment_content,comment_approved,comment_parent',
      '7,42,Ann,2024-03-01 11:00:00,2024-03-01 10:00:00,Great piece,1,0',
      '8,42,Bob,2024-03-01 12:00:00,2024-03-01 11:00:00,Agreed with Ann,1,7',
      '9,43,Cy,2024-03-02 09:00:00,2024-03-02 08:00:00,Other post,1,0',
    ].join('\n');
    const { threads } = parseText(text, 'wp_comments.csv');
    expect(threads.map((t) => [t.id, t.comments.map((c) => [c.id, c.author, c.text, c.parentId])])).toEqual([
      ['42', [['7', 'Ann', 'Great piece', undefined], ['8', 'Bob', 'Agreed with Ann', '7']]],
      ['43', [['9', 'Cy', 'Other post', undefined]]],
    ]);
    expect(threads[0]!.comments[0]!.createdAt).toBe('2024-03-01 10:00:00');
  });

  it('keeps comment_approved spam and trash as the site\'s moderation marks, and no other value', () => {
    const text = [
      'comment_ID,comment_post_ID,comment_content,comment_approved',
      '1,5,Cheap pills here,spam',
      '2,5,Removed by a moderator,trash',
      '3,5,Waiting for review,0',
      '4,5,An ordinary comment,1',
      '5,5,A hostile state,constructor',
    ].join('\n');
    const [thread] = parseText(text, 'wp_comments.csv').threads;
    expect(thread!.comments.map((c) => c.moderation)).toEqual([
      [{ kind: 'spam', field: 'comment_approved=spam' }],
      [{ kind: 'removed', field: 'comment_approved=trash' }],
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('csv: broken files', () => {
  it('names the line where an unbalanced quote opens', () => {
    const err = inputError(() => parseFile(parserFixture('unbalanced.csv')));
    expect(err.message).toBe('test/fixtures/parsers/unbalanced.csv:3: a quoted cell opened on this line is never closed');
  });

  it('names the ragged row and both cell counts', () => {
    const err = inputError(() => parseFile(parserFixture('ragged.csv')));
    expect(err.message).toBe('test/fixtures/parsers/ragged.csv:4: row has 4 cells but the header has 3');
  });

  it('lists the header when there is no text column', () => {
    const err = inputError(() => parseFile(parserFixture('no-text-column.csv')));
    expect(err.hint).toContain('header: "user", "score", "when"');
  });

  it('treats a line of spaces as blank, not as a ragged row', () => {
    expect(parseText('id,text\n1,one\n   \n2,two\n', 'spaces.csv').threads[0]!.comments.map((c) => c.id)).toEqual(['1', '2']);
  });

  it('reads a header-only file as one empty thread, with a warning', () => {
    const out = parseText('id,text\n', 'empty.csv');
    expect(out.threads.map((t) => [t.id, t.comments.length])).toEqual([['empty', 0]]);
    expect(out.warnings).toEqual(['empty.csv: has a header but no rows']);
  });
});

describe('csv: real datasets from ../shared', () => {
  const lmfao = sharedDataset('youtube-spam', 'Youtube03-LMFAO.csv');
  it.runIf(present(lmfao))('YouTube LMFAO: 438 comments, 236 spam (SOURCE.md table), no tags or entities left', () => {
    const { threads, warnings } = parseFile(lmfao);
    expect(commentCount(threads)).toBe(438);
    expect(threads[0]!.comments.filter((c) => c.label === true)).toHaveLength(236);
    expect(threads[0]!.comments.filter((c) => /<(?:a|br|i|span)\b|&(?:#39|quot|amp);/.test(c.text))).toEqual([]);
    expect(warnings).toEqual([]);
  });

  const tweepfake = sharedDataset('tweepfake', 'train.csv');
  it.runIf(present(tweepfake))('TweepFake train: 20,712 rows (python csv, delimiter ";"), 10,354 of them bot', () => {
    const { threads, warnings } = parseFile(tweepfake);
    expect(commentCount(threads)).toBe(20712);
    expect(threads[0]!.comments.filter((c) => c.label === true)).toHaveLength(10354);
    expect(warnings).toEqual([]);
  });
});

describe('csv: scale', () => {
  it('renames 20,000 repeats of one id in linear time, each unique', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `7,comment number ${i}`);
    const started = performance.now();
    const { threads } = parseText(`id,text\n${rows.join('\n')}\n`, 'same-id.csv');
    const got = ids(threads[0]!);
    expect(new Set(got).size).toBe(20_000);
    expect(got.slice(0, 3)).toEqual(['7', '7~2', '7~3']);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

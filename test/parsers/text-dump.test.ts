import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseInput } from '../../src/parsers/index.js';
import { textDump } from '../../src/parsers/text-dump.js';

const ARTICLE = ['Listen to the article', 'Bridge Reopens After Repairs', 'The Elm Street bridge reopened on Friday after six weeks of repairs.', 'Share this article', 'Traffic is expected to return to normal next week.', 'Fact Checker', 'Verify the accuracy of this article using our sources.', ''].join('\n');
const parse = (text: string, source = 'dump.txt') => textDump.parse(text, source, {});

describe('text-dump parser', () => {
  it.each([
    ['3 Comments'],
    ['3 comments'],
    ['Comments (3)'],
    ['Comments: 3'],
    ['Comments'],
    ['COMMENTS'],
    ['3 Responses'],
  ])('finds the comments header "%s"', (header) => {
    const out = parse(`${ARTICLE}\n${header}\nFirst comment.\nSecond comment.\nThird comment.\n`);
    const t = out.threads[0]!;
    expect(t.title).toBe('Bridge Reopens After Repairs');
    expect(t.body).toBe('The Elm Street bridge reopened on Friday after six weeks of repairs.\nTraffic is expected to return to normal next week.');
    expect(t.comments.map((c) => [c.id, c.index, c.text])).toEqual([
      ['1', 1, 'First comment.'],
      ['2', 2, 'Second comment.'],
      ['3', 3, 'Third comment.'],
    ]);
    expect(out.warnings).toEqual([]);
    expect(t.declaredCommentCount).toBe(/\d/.test(header) ? 3 : undefined);
  });

  it('strips page chrome from the body', () => {
    const t = parse(`${ARTICLE}\n2 Comments\na\nb\n`).threads[0]!;
    for (const chrome of ['Listen to the article', 'Share this article', 'Fact Checker', 'Verify the accuracy']) expect(t.body).not.toContain(chrome);
  });

  it('warns when the declared count differs from what was found, naming the header line', () => {
    const out = parse(`${ARTICLE}\n5 Comments\nOnly one.\nAnd two.\n`);
    expect(out.threads[0]!.comments).toHaveLength(2);
    expect(out.warnings).toEqual(['dump.txt:9: the header declares 5 comments but 2 were found']);
  });

  it('reads blank-line separated multi-line comments as one comment each', () => {
    const out = parse(`${ARTICLE}\nComments\nFirst line of one.\nSecond line of one.\n\nComment two.\n\n\nComment three\nspans two lines.\n`);
    expect(out.threads[0]!.comments.map((c) => c.text)).toEqual([
      'First line of one.\nSecond line of one.',
      'Comment two.',
      'Comment three\nspans two lines.',
    ]);
  });

  it('records the line each comment starts on, one per line or in blocks', () => {
    // ARTICLE is 7 lines and a blank one; the header is line 9.
    const lines = parse(`${ARTICLE}\n3 Comments\nOne.\n\nTwo.\nThree.\n`).threads[0]!.comments.map((c) => [c.text, c.line]);
    expect(lines).toEqual([['One.', 10], ['Two.', 12], ['Three.', 13]]);
    const blocks = parse(`${ARTICLE}\nComments\nFirst line of one.\nSecond line.\n\n\nComment two.\n`).threads[0]!.comments.map((c) => [c.text, c.line]);
    expect(blocks).toEqual([['First line of one.\nSecond line.', 10], ['Comment two.', 14]]);
  });

  it('lets a declared count decide between one-per-line and blocks', () => {
    const out = parse(`${ARTICLE}\n4 Comments\na1\na2\n\nb1\nb2\n`);
    expect(out.threads[0]!.comments.map((c) => c.text)).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('handles a BOM, CRLF line ends, trailing spaces and stray blank lines', () => {
    const crlf = `\uFEFF${ARTICLE}\n\n2 Comments  \nOne.   \nTwo.\t\n\n`.replace(/\n/g, '\r\n');
    const bytes = new TextEncoder().encode(crlf);
    const out = parseInput(bytes, 'crlf.txt');
    const t = out.threads[0]!;
    expect(t.title).toBe('Bridge Reopens After Repairs');
    expect(t.comments.map((c) => c.text)).toEqual(['One.', 'Two.']);
    expect(t.body).not.toMatch(/\r/);
    expect(out.warnings).toEqual([]);
  });

  it('reads UTF-16 with a BOM', () => {
    const text = `${ARTICLE}\n1 Comment\nÇa marche très bien.\n`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(parseInput(le, 'u16.txt').threads[0]!.comments[0]!.text).toBe('Ça marche très bien.');
  });

  it('refuses a dump with no comments section, in one line', () => {
    expect(() => parse('Title\nJust an article.\nNothing else.\n')).toThrowError(InputError);
    expect(() => parse('Title\nJust an article.\n')).toThrowError(/dump\.txt: has no comments section/);
  });

  it('a header with no comments after it is a thread with no comments', () => {
    const out = parse(`${ARTICLE}\n0 Comments\n`);
    expect(out.threads[0]!.comments).toEqual([]);
    expect(out.warnings).toEqual([]);
  });

  it('names the thread after the file', () => {
    expect(parse(`${ARTICLE}\nComments\nx\n`, 'dumps/bridge-reopens.txt').threads[0]!.id).toBe('bridge-reopens');
  });
});

describe('text-dump header choice', () => {
  it('an article sub-heading "Discussion" is not the comments header when a later one exists', () => {
    const out = textDump.parse(`Title\nFirst paragraph.\nDiscussion\nThe article continues here.\nComments\nReal comment one.\nReal comment two.\n`, 'd.txt', {});
    const t = out.threads[0]!;
    expect(t.body).toBe('First paragraph.\nDiscussion\nThe article continues here.');
    expect(t.comments.map((c) => c.text)).toEqual(['Real comment one.', 'Real comment two.']);
  });

  it('a header with a count wins over bare headers', () => {
    const out = textDump.parse(`Title\nBody.\n2 Comments\nOne.\nComments\n`, 'd.txt', {});
    expect(out.threads[0]!.comments.map((c) => c.text)).toEqual(['One.', 'Comments']);
  });
});

describe('text-dump parser: long runs of spaces (issue #12, item 1)', () => {
  // Trailing blanks were stripped with /[ \t\u00A0]+$/, which retries the whole run from every space
  // inside it that is followed by more text: a comment with a million inner spaces took hours.
  it('reads a comment with a million inner spaces and strips trailing blanks of every line', () => {
    const inner = ' '.repeat(1_000_000);
    const out = parse(`Title\nBody\n\n3 Comments\nx\na${inner}x \t\u00A0\ny\n`);
    expect(out.threads[0]!.comments.map((c) => c.text)).toEqual(['x', `a${inner}x`, 'y']);
  });

  it('keeps non-breaking and tab characters inside a line, only trailing ones go', () => {
    const out = parse('Title\nBody\n\n2 Comments\na\u00A0b\t \ny\u00A0\n');
    expect(out.threads[0]!.comments.map((c) => c.text)).toEqual(['a\u00A0b', 'y']);
  });
});

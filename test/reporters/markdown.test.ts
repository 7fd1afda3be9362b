import { describe, expect, it } from 'vitest';
import { MARKDOWN_CAP_BYTES, markdownReporter, markdownText } from '../../src/reporters/markdown.js';
import { CONTROL_BYTES, DEFAULT_OPTIONS, HOSTILE, hostileReport, makeComment, makeReason, makeReport, makeThread, sampleReport } from './builders.js';

const ZWSP = '\u200B';

/** Occurrences of `ch` that Markdown reads as syntax, i.e. not preceded by a backslash escape. */
function unescaped(line: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === ch) n++;
  }
  return n;
}

/** The table rows (header and delimiter excluded) under a heading. */
function tableRows(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[] = [];
  for (const line of lines.slice(start + 4)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

describe('markdown reporter', () => {
  it('renders a typical run (golden)', async () => {
    await expect(markdownReporter(sampleReport(), DEFAULT_OPTIONS)).toMatchFileSnapshot('__golden__/markdown.txt');
  });

  it('--verbose lists the other comments and every reason', () => {
    const out = markdownReporter(sampleReport(), { ...DEFAULT_OPTIONS, verbose: true });
    expect(out.split('\n').filter((l) => l === '#### Other comments (1)')).toHaveLength(2);
    expect(out).toContain('\n| 1 | alice | 0.05 | The summit covered grain exports and a new pipeline. | — | — |\n');
    expect(out).toContain('pushes “mining” (agenda-drift)');
    expect(out).not.toContain('more |');
  });

  it('--quiet leaves out threads with nothing flagged, but still counts them', () => {
    const out = markdownReporter(sampleReport(), { ...DEFAULT_OPTIONS, quiet: true });
    expect(out).not.toContain('Storm warning');
    expect(out).toContain('**2 threads · 5 comments · 3 flagged (60%) · 1 input not read**');
    expect(tableRows(out, '### Threads, worst first')).toHaveLength(1);
  });

  it('a single clean thread gets its verdict and no tables', () => {
    const report = makeReport({ threads: [makeThread({ comments: [makeComment({ id: '1' })] })] });
    expect(markdownReporter(report, DEFAULT_OPTIONS)).toBe(
      [
        '## threadsift report',
        '',
        'threadsift 9.9.9 · threshold 0.5',
        '',
        '**1 thread · 1 comment · 0 flagged (0%)**',
        '',
        '### A thread',
        '',
        'Source: dumps/t1.txt',
        '',
        '**No likely bot replies among 1 comments.**',
        '',
      ].join('\n'),
    );
  });

  it('stays under GitHub’s 1 MiB step-summary limit, cut between rows, with a note of what was left out', () => {
    const long = 'word '.repeat(40);
    const thread = (n: number) =>
      makeThread({
        id: `t${n}`,
        source: `dumps/t${n}.txt`,
        title: `Thread ${n}`,
        comments: Array.from({ length: 2000 }, (_, i) =>
          makeComment({ id: String(i + 1), text: `${long}${i}`, score: 0.9, reasons: [makeReason({ message: `${long} reason ${i}`, related: [String(i + 2)] })] }),
        ),
      });
    const report = makeReport({ threads: [thread(1), thread(2), thread(3)] });
    const out = markdownReporter(report, DEFAULT_OPTIONS);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(MARKDOWN_CAP_BYTES);
    expect(MARKDOWN_CAP_BYTES).toBeLessThan(1024 * 1024);
    const lines = out.trimEnd().split('\n');
    const note = lines[lines.length - 1]!;
    expect(note).toMatch(/^\*\*Cut here to stay under GitHub’s 1 MiB limit for a step summary\.\*\* Not shown: the rest of “Thread \d”, (1 more thread|2 more threads), with [\d,]+ flagged comments\./);
    // Every flagged comment is either a row or counted in the note.
    const rows = lines.filter((l) => /^\| \d+ \| — \| 0\.90 \|/.test(l)).length;
    const cut = Number(/with ([\d,]+) flagged/.exec(note)![1]!.replace(/,/g, ''));
    expect(rows + cut).toBe(6000);
    // The last row kept is whole: the table before the note is intact.
    expect(lines[lines.length - 5]).toMatch(/\|$/);
  });

  it('says so when there is nothing to analyse', () => {
    expect(markdownReporter(makeReport(), DEFAULT_OPTIONS)).toContain('\n\nNo threads to analyse.\n');
  });

  it.each([
    ['plain text', 'plain text'],
    ['a | b', 'a \\| b'],
    ['back\\slash', 'back\\\\slash'],
    ['`x` *y* _z_ ~~w~~ $m$', '\\`x\\` \\*y\\* \\_z\\_ \\~\\~w\\~\\~ \\$m\\$'],
    ['![img](http://x)', `!\\[img\\](http:${ZWSP}//x)`],
    ['<script>alert(1)</script> & co', '&lt;script&gt;alert(1)&lt;/script&gt; &amp; co'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['12. not a list', '12\\. not a list'],
    ['a - b # c', `a - b # c`],
    ['two\nlines\r\nhere', 'two lines here'],
    ['\u001b[31mred\u001b[0m', 'red'],
    ['\u001b]8;;http://evil\u0007x\u001b]8;;\u0007', 'x'],
    ['@octocat #12 www.x.test https://x.test', `@${ZWSP}octocat #${ZWSP}12 www${ZWSP}.x.test https:${ZWSP}//x.test`],
  ])('markdownText(%j) is inert', (input, expected) => {
    expect(markdownText(input, 100)).toBe(expected);
  });

  it('cuts before escaping, so an escape is never split', () => {
    expect(markdownText('abc|defgh', 5)).toBe('abc\\|…');
  });

  describe('hostile input', () => {
    const out = markdownReporter(hostileReport(), { ...DEFAULT_OPTIONS, verbose: true });

    it('contains no control bytes or escape sequences', () => {
      expect(out).not.toMatch(CONTROL_BYTES);
    });

    it('contains no HTML but its own <br>', () => {
      expect(out.replace(/<br>/g, '')).not.toContain('<');
      expect(out).not.toMatch(/<script/i);
    });

    it('keeps every table row whole: one row per comment, the same number of cells', () => {
      const rows = tableRows(out, `#### Flagged comments (${HOSTILE.length}), worst first`);
      expect(rows).toHaveLength(HOSTILE.length);
      for (const row of rows) expect(unescaped(row, '|')).toBe(7);
      const terms = tableRows(out, '#### Off-article terms repeated across comments');
      expect(terms).toHaveLength(HOSTILE.length);
      for (const row of terms) expect(unescaped(row, '|')).toBe(3);
    });

    it('has no link, image, emphasis or code syntax, no autolink, no mention', () => {
      for (const line of out.split('\n')) {
        for (const ch of ['[', ']', '`', '*', '_', '~', '$']) {
          // The report's own bold lines are the only emphasis allowed.
          const own = ch === '*' && /^\*\*.*\*\*$/.test(line) ? 4 : 0;
          expect(unescaped(line, ch), `${ch} in ${line}`).toBe(own);
        }
      }
      expect(out).not.toMatch(/:\/\/|www\.|@\w|#\d/);
    });

    it('starts no block from input: every line is a heading, table row, list item or paragraph of its own', () => {
      for (const line of out.split('\n')) {
        expect(line).not.toMatch(/^\s*(?:[+=>]|\d+[.)]|-(?! )|#+(?=[^# ]))/);
      }
      expect(out.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(1);
    });
  });
});

describe('markdown: comments repeated across threads', () => {
  it('lists cross-thread clusters as a table, with hostile representatives neutralised', () => {
    const report = {
      ...sampleReport(),
      crossThreadClusters: [
        {
          id: '0123456789abcdef',
          size: 3,
          threads: [{ source: 'a.json', id: 'a' }, { source: 'b.json', id: 'b' }, { source: 'c.json', id: 'c' }],
          members: [],
          representative: 'Buy | now <script>alert(1)</script> [link](http://x)',
          similarity: { min: 0.86, mean: 0.9 },
        },
      ],
    };
    const out = markdownReporter(report, { color: false, verbose: false, quiet: false });
    const lines = out.split('\n');
    const at = lines.indexOf('### Comments repeated across threads');
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 2]).toBe('| Cluster | Copies | Threads | Min similarity | Representative |');
    expect(lines[at + 4]).toMatch(/^\| 0123456789abcdef \| 3 \| 3 \| 0\.86 \| /);
    expect(lines[at + 4]!.replace(/\\\|/g, '').split('|')).toHaveLength(7);
    expect(out).not.toContain('<script>');
  });
});

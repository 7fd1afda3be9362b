/**
 * Hostile input suite: every case must end without a crash or hang, with a clear one-line message when
 * the input is refused, and with no escape sequence reaching a terminal or formula reaching a spreadsheet.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../src/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'threadsift-hostile-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function run(args: string[], tty = true) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: () => Buffer.from(''),
    stdoutIsTTY: tty,
    stderrIsTTY: false,
    env: {},
    cwd: dir,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

// Control characters other than \n, plus the C1 range (8-bit CSI/OSC introducers).
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
const ESC = '\u001b';

const HOSTILE_COMMENTS = [
  'Red alert \u001b[31mALL CAPS\u001b[0m and \u001b[2J screen wipe',
  'Click \u001b]8;;http://evil.example/\u0007here\u001b]8;;\u0007 for free stuff',
  'Title change \u001b]0;pwned\u0007 and 8-bit CSI \u009b31m red',
  '=HYPERLINK("http://evil.example","click me")',
  '+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '-2+3+cmd|\' /C calc\'!A0',
  '\tTabbed =1+1',
  'Bidi \u202Eevil\u202C override',
  'BEL\u0007 and backspace\u0008 and NUL-free',
];

function hostileThread() {
  return JSON.stringify({
    title: 'Hostile \u001b[31mtitle\u001b[0m',
    body: '',
    comments: HOSTILE_COMMENTS.map((text, i) => ({ id: `h${i + 1}`, author: i === 0 ? '=cmd\u001b[1m' : undefined, text })),
  });
}

describe('hostile text never reaches a terminal or a spreadsheet', () => {
  const input = file('hostile.json', hostileThread());

  it('terminal report (coloured, every comment shown) has no escape sequences from comments', async () => {
    const r = await run([input, '-v', '--threshold', '0']);
    expect(r.code).toBe(0);
    // The only ESC sequences left are our own SGR colour codes.
    const withoutOurColours = r.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(withoutOurColours).not.toContain(ESC);
    expect(withoutOurColours).not.toMatch(CONTROL);
    expect(r.stdout).not.toContain('\u001b[2J');
    expect(r.stdout).not.toContain('\u001b]');
    expect(r.stdout).not.toContain('\u202E');
    expect(r.stdout).toContain('ALL CAPS');
  });

  it('CSV report: no cell starts with a formula character, and it round-trips', async () => {
    const r = await run([input, '-f', 'csv', '--threshold', '0'], false);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(ESC);
    const rows = parseCsv(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(HOSTILE_COMMENTS.length);
    for (const row of rows) {
      for (const [column, cell] of Object.entries(row)) {
        if (column === 'score') continue;
        expect(cell, `${column}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it('JSON report escapes control characters', async () => {
    const r = await run([input, '-f', 'json'], false);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(JSON.parse(r.stdout).threads[0].comments).toHaveLength(HOSTILE_COMMENTS.length);
  });

  it('JSON report and parse output write C1 and bidi characters in titles, ids and authors as \\u escapes', async () => {
    const path = file('c1-bidi.json', JSON.stringify({ id: 'id\u009b31m', title: 'T\u202Eevil\u2066x\u2069', comments: [{ id: 'c\u200e1', author: 'a\u009b2J', text: 'hello there' }] }));
    for (const args of [[path, '-f', 'json'], ['parse', path]]) {
      const r = await run(args, false);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/[\u0080-\u009f\u200e\u202e\u2066\u2069]/);
      expect(r.stdout).toContain('\\u009b');
      const back = JSON.parse(r.stdout);
      expect(back.threads[0].title).toBe('T\u202Eevil\u2066x\u2069');
    }
  });

  it('escapes written as character references in an HTML export are decoded, then stripped like raw ones', async () => {
    const csv = 'text\n"<p>&#27;[31mred&#27;[0m &#x9B;2J &#27;]8;;http://evil.example/&#7;link &rlm;&#x202E;caf&eacute;</p>"\n"plain reply"\n';
    const r = await run([file('entities.csv', csv), '-v', '--threshold', '0']);
    expect(r.code).toBe(0);
    const withoutOurColours = r.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(withoutOurColours).not.toContain(ESC);
    expect(withoutOurColours).not.toMatch(CONTROL);
    expect(r.stdout).not.toMatch(/[\u200f\u202e]/);
    expect(r.stdout).toContain('café');
  });

  it('error messages about hostile file names are stripped too', async () => {
    const name = file('evil\u001b[31m.txt', '');
    const r = await run([name]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(ESC);
  });
});

describe('hostile bytes: refused or read, never a crash or a hang', () => {
  const cases: Array<[string, string | Uint8Array, number, RegExp | null]> = [
    ['invalid UTF-8', Buffer.concat([Buffer.from('Title\nBody\n1 Comment\nok '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]), 2, /invalid-utf-8\.txt:4: is not valid UTF-8/],
    ['overlong UTF-8 encoding', Buffer.from([0x54, 0x0a, 0xc0, 0xaf, 0x0a]), 2, /is not valid UTF-8/],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Title\nBody text.\n1 Comment\nHello there\n', 'utf16le')]), 0, null],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Title\nBody text.\n1 Comment\nHello there\n', 'utf16le').swap16()]), 0, null],
    ['BOM and CRLF', '\uFEFFTitle\r\nBody text.\r\n1 Comment\r\nHello there\r\n', 0, null],
    ['empty file', '', 2, /is empty/],
    ['whitespace only', ' \n\t\r\n  ', 2, /is empty/],
    ['binary', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00]), 2, /looks like a binary file/],
    ['JSON with wrong types', JSON.stringify({ title: 5, comments: 'none' }), 2, /title must be a string, got number/],
    ['XML entity expansion bomb', '<?xml version="1.0"?>\n<!DOCTYPE disqus [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n<disqus xmlns="http://disqus.com"><post><message>&c;</message></post></disqus>\n', 2, /entit/i],
    ['XML external entity', '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><wp:comment><wp:comment_content>&xxe;</wp:comment_content></wp:comment></item></channel></rss>\n', 2, /entit|DOCTYPE/i],
    ['CSV with unbalanced quotes', 'id,text\n1,"fine"\n2,"never closed\n3,ok\n', 2, /line 3|:3/],
    ['JSON nested deeply', `${'['.repeat(100000)}${']'.repeat(100000)}`, 2, /must be a thread object|is not valid JSON/],
  ];
  it.each(cases)('%s', async (name, content, code, message) => {
    const ext = /JSON/.test(name) ? 'json' : /XML/.test(name) ? 'xml' : /CSV/.test(name) ? 'csv' : 'txt';
    const path = file(`${name.replace(/\W+/g, '-').toLowerCase()}.${ext}`, content);
    const r = await run([path, '-f', 'json'], false);
    expect(r.code).toBe(code);
    if (message) {
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    } else {
      expect(JSON.parse(r.stdout).threads[0].comments[0].excerpt).toBe('Hello there');
    }
  });

  it('a 50 MB single line is refused quickly as a dump without comments', async () => {
    const path = file('one-line.txt', 'x'.repeat(50 * 1024 * 1024));
    const start = Date.now();
    const r = await run([path], false);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/one-line\.txt: has no comments section/);
    expect(Date.now() - start).toBeLessThan(15000);
  });

  it('a 50 MB comment is analysed (its first 20,000 characters) without hanging', async () => {
    const path = file('huge-comment.json', JSON.stringify({ title: 't', comments: [{ text: 'spam '.repeat(10 * 1024 * 1024) }, { text: 'short reply' }] }));
    const start = Date.now();
    const r = await run([path, '-f', 'json'], false);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).threads[0].commentCount).toBe(2);
    expect(Date.now() - start).toBeLessThan(15000);
  });
});

describe('hostile JSONL archives', () => {
  it('an invalid UTF-8 line is reported by number and the other lines are still read', async () => {
    const line = (title: string, text: string) => Buffer.from(`${JSON.stringify({ title, comments: [{ text }] })}\n`);
    const path = file('archive.jsonl', Buffer.concat([line('a', 'one'), line('b', 'two'), Buffer.from('{"title":"c","comments":[{"text":"bad \xff"}]}\n', 'latin1'), line('d', 'four')]));
    const r = await run([path, '-f', 'json'], false);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`threadsift: ${path}:3: is not valid UTF-8 (re-encode it as UTF-8, e.g. iconv -f latin1 -t utf-8)`);
    expect(JSON.parse(r.stdout).threads.map((t: { title: string }) => t.title)).toEqual(['a', 'b', 'd']);
  });

  it('an excluded-item kind from the export cannot carry escapes to the terminal', async () => {
    const wxr = `<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>T</title><wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>hello there</wp:comment_content></wp:comment><wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_type>&#27;]0;PWNED&#7;&#27;[2J</wp:comment_type><wp:comment_content>x</wp:comment_content></wp:comment></item></channel></rss>`;
    const r = await run([file('evil.xml', wxr), '-v']);
    expect(r.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
  });
});

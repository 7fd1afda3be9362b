import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli.js';
import { contentSecurityPolicy, escapeHtml, histogram, htmlReporter, PAGE_SCRIPT } from '../../src/reporters/html.js';
import { embedJson, pageData, type PageData } from '../../src/reporters/html/data.js';
import { packPageData, unpackComments, type PackedComments, type PackedHead } from '../../src/reporters/html/pack.js';
import { PAGE_STYLE } from '../../src/reporters/html/style.js';
import { ROOT } from '../helpers.js';
import { DEFAULT_OPTIONS, HOSTILE, hostileReport, makeComment, makeReason, makeReport, makeThread, sampleReport } from './builders.js';

/** A data block as a browser reads it: from the tag to the first `</script`, whatever the JSON says. */
function block(html: string, id: string): unknown {
  const open = `<script type="application/json" id="${id}">`;
  const at = html.indexOf(open);
  if (at < 0) return undefined;
  const start = at + open.length;
  return JSON.parse(html.slice(start, html.toLowerCase().indexOf('</script', start)));
}

/** The page data embedded in a page: the head block, and the rest block when there is one. */
function embedded(html: string): PageData {
  const { packed, commentCount, ids, ...shared } = block(html, 'threadsift-data') as PackedHead;
  const rest = block(html, 'threadsift-rest') as PackedComments | undefined;
  const comments = [...unpackComments(packed), ...(rest ? unpackComments(rest) : [])];
  expect(comments).toHaveLength(commentCount);
  expect(comments.map((c) => c.id)).toEqual(ids);
  return { ...shared, comments };
}

/** The page with its style sheet, script and their hashes replaced: what the golden file keeps. */
function skeleton(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '<style>/* PAGE_STYLE */</style>')
    .replace(/<script>[\s\S]*?<\/script>/, '<script>/* PAGE_SCRIPT */</script>')
    .replace(/'sha256-[A-Za-z0-9+/=]+'/g, "'sha256-…'");
}

/** Tags outside the page's style and scripts, by name. */
function tagNames(html: string): Set<string> {
  const markup = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
  return new Set(Array.from(markup.matchAll(/<\/?([a-zA-Z][\w-]*)/g), (m) => m[1]!.toLowerCase()));
}

const PAGE_TAGS = 'html head meta title style body header h1 h2 h3 p b span dl div dt dd section figure figcaption svg line text g rect table thead tbody tr th td button label select option input output datalist aside mark ul li script'.split(' ');

describe('html reporter', () => {
  it('renders a typical run (golden, style and script left out)', async () => {
    await expect(skeleton(htmlReporter(sampleReport(), DEFAULT_OPTIONS))).toMatchFileSnapshot('__golden__/html.txt');
  });

  it('allows by hash exactly the style and script it contains, and nothing else', () => {
    const html = htmlReporter(sampleReport(), DEFAULT_OPTIONS);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = (s: string) => createHash('sha256').update(s).digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash(script)}'`);
    expect(csp).toContain(`style-src 'sha256-${hash(style)}'`);
    expect(csp.split('; ')[0]).toBe("default-src 'none'");
    expect(csp).not.toMatch(/unsafe|https?:|data:|\*/);
    expect(csp).toContain("require-trusted-types-for 'script'");
    // The policy comes before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    expect(contentSecurityPolicy(script, style)).toBe(csp);
  });

  it('has a page script and style sheet that cannot end their own element', () => {
    expect(PAGE_SCRIPT.toLowerCase()).not.toContain('</script');
    expect(PAGE_SCRIPT).not.toContain('<!--');
    expect(PAGE_STYLE.toLowerCase()).not.toContain('</style');
    expect(PAGE_STYLE).not.toMatch(/url\(|@import/);
    // It parses as a script (it runs from its source text, see src/reporters/html/kit.ts).
    expect(() => new Function(PAGE_SCRIPT)).not.toThrow();
  });

  it('embeds JSON that no string can end: <, >, & and the JavaScript line breaks as \\u escapes', () => {
    expect(embedJson({ t: '</script><!--a&b\u2028\u2029' })).toBe('{"t":"\\u003c/script\\u003e\\u003c!--a\\u0026b\\u2028\\u2029"}');
    expect(JSON.parse(embedJson({ t: '</script><!--a&b\u2028\u2029' }))).toEqual({ t: '</script><!--a&b\u2028\u2029' });
  });

  it('embeds the page data, which reads back whole', () => {
    const report = sampleReport();
    expect(embedded(htmlReporter(report, DEFAULT_OPTIONS))).toEqual(pageData(report, false));
  });

  it('draws the score histogram: 20 bins, flagged apart, the threshold marked', () => {
    const svg = histogram(sampleReport());
    expect(svg.match(/<g><title>/g)).toHaveLength(20);
    // sampleReport scores: 0.12 and 0.05 unflagged; 0.92, 0.8 and 0.55 flagged.
    expect(svg).toContain('<title>0.00–0.05: 0 comments, 0 flagged</title>');
    expect(svg).toContain('<title>0.05–0.10: 1 comment, 0 flagged</title>');
    expect(svg).toContain('<title>0.90–0.95: 1 comment, 1 flagged</title>');
    expect(svg.match(/class="bar flagged"/g)).toHaveLength(3);
    expect(svg.match(/class="bar"/g)).toHaveLength(2);
    expect(svg).toContain('<line class="threshold" x1="266.0"');
    expect(svg).toContain('>threshold 0.5</text>');
  });

  it('embeds the worst comments before the page script and the rest after it', () => {
    const comments = Array.from({ length: 450 }, (_, i) =>
      makeComment({ id: String(i + 1), score: (i % 100) / 100, text: `Comment ${i + 1} </script>`, reasons: [makeReason({ span: [0, 7], related: [String(((i + 7) % 450) + 1)] })] }),
    );
    const report = makeReport({ threads: [makeThread({ comments })] });
    const html = htmlReporter(report, DEFAULT_OPTIONS);
    const [data, script, rest] = ['id="threadsift-data"', '<script>', 'id="threadsift-rest"'].map((m) => html.indexOf(m));
    expect(data).toBeLessThan(script!);
    expect(script).toBeLessThan(rest!);
    expect(embedded(html)).toEqual(pageData(report, false));
    const { head, rest: after } = packPageData(pageData(report, false));
    expect(head.packed.comments.score).toHaveLength(400);
    expect(Math.min(...head.packed.comments.score)).toBeGreaterThanOrEqual(Math.max(...after!.comments.score));
    expect(packPageData(pageData(sampleReport(), false)).rest).toBeUndefined();
  });

  it('--quiet embeds flagged comments only', () => {
    const data = embedded(htmlReporter(sampleReport(), { ...DEFAULT_OPTIONS, quiet: true }));
    expect(data.comments.map((c) => c.id)).toEqual(['2', '3', '4']);
  });

  it.each([
    ['<b>x</b> & "y" \'z\'', '&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot; &#39;z&#39;'],
    ['a\u0000b\u001b[31mc\u202Ed\ne', 'abcd\ne'],
  ])('escapeHtml(%j)', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('html page data', () => {
  const data = pageData(sampleReport(), false);

  it('lists comments worst first across threads, with thread and author positions', () => {
    expect(data.comments.map((c) => [data.threads[c.thread]!.id, c.id, c.score])).toEqual([
      ['summit', '2', 0.92],
      ['summit', '3', 0.8],
      ['summit', '4', 0.55],
      ['weather', 'a', 0.12],
      ['summit', '1', 0.05],
    ]);
    expect(data.comments.map((c) => (c.author >= 0 ? data.authors[c.author]!.name : null))).toEqual(['bot_one', 'bot_two', null, 'carol', 'alice']);
  });

  it('resolves partner ids to positions, keeps spans, and words each message once', () => {
    const [two, three] = data.comments;
    expect(two!.reasons[0]).toMatchObject({ signal: data.signals.indexOf('near-duplicate'), related: [1] });
    expect(three!.reasons[0]!.related).toEqual([0]);
    const report = makeReport({
      threads: [
        makeThread({
          comments: [
            makeComment({ id: '1', score: 0.9, reasons: [makeReason({ span: [4, 9], related: ['gone'] }), makeReason({ span: [3, 3] })] }),
            makeComment({ id: '2', score: 0.8, reasons: [makeReason()] }),
          ],
        }),
      ],
    });
    const d = pageData(report, false);
    expect(d.comments[0]!.reasons[0]).toMatchObject({ span: [4, 9], related: ['gone'] });
    // An empty span marks nothing.
    expect(d.comments[0]!.reasons[1]!.span).toBeUndefined();
    expect(d.messages).toEqual(['90% similar to comment #2']);
  });

  it('counts per author: comments, flagged and clusters touched; most flagged first', () => {
    expect(data.authors).toEqual([
      { name: 'bot_one', comments: 1, flagged: 1, clusters: 1 },
      { name: 'bot_two', comments: 1, flagged: 1, clusters: 1 },
      { name: 'alice', comments: 1, flagged: 0, clusters: 0 },
      { name: 'carol', comments: 1, flagged: 0, clusters: 0 },
    ]);
    expect(data.clusters).toEqual([{ thread: 1, id: 'c1', similarity: 0.81, members: [0, 1] }]);
    expect(data.comments.map((c) => c.cluster)).toEqual([0, 0, -1, -1, -1]);
  });

  it('finds the copies of a cross-thread cluster in the report, by source and thread id', () => {
    const report = {
      ...sampleReport(),
      crossThreadClusters: [
        {
          id: 'x1',
          size: 3,
          threads: [{ source: 'dumps/summit.txt', id: 'summit' }, { source: 'dumps/weather.json', id: 'weather' }, { source: 'elsewhere.json', id: 'e' }],
          members: [
            { source: 'dumps/summit.txt', threadId: 'summit', commentId: '1' },
            { source: 'dumps/weather.json', threadId: 'weather', commentId: 'a' },
            { source: 'elsewhere.json', threadId: 'e', commentId: '9' },
          ],
          representative: 'The storm',
          similarity: { min: 0.9, mean: 0.95 },
        },
      ],
    };
    const d = pageData(report, false);
    expect(d.cross[0]!.threads.map((t) => t.thread)).toEqual([1, 0, -1]);
    expect(d.cross[0]!.members).toEqual([
      { comment: 4, thread: 1, id: '1' },
      { comment: 3, thread: 0, id: 'a' },
      { comment: -1, thread: -1, id: '9' },
    ]);
    // alice and carol now touch one cluster each.
    expect(d.authors.filter((a) => a.clusters === 1).map((a) => a.name).sort()).toEqual(['alice', 'bot_one', 'bot_two', 'carol']);
  });
});

describe('html reporter: hostile input', () => {
  const report = hostileReport();
  const breakers = ['</script><script>alert(1)</script>', '<!--<script>', '\u2028\u2029', '</SCRIPT >', '<img src=x onerror=alert(1)>', 'javascript:alert(1)'];
  report.threads[0]!.comments.push(makeComment({ id: 'breakers', index: 99, author: breakers[0]!, text: breakers.join(' '), score: 0.9 }));
  const html = htmlReporter(report, DEFAULT_OPTIONS);

  it('keeps every string intact in the embedded data, which no string can end', () => {
    const data = embedded(html);
    expect(data).toEqual(pageData(report, false));
    expect(data.comments.find((c) => c.id === 'breakers')!.text).toBe(breakers.join(' '));
    const block = html.slice(html.indexOf('id="threadsift-data">'), html.lastIndexOf('<script>'));
    expect(block).not.toMatch(/<(?!\/script>)|&|\u2028|\u2029/);
  });

  it('adds no tag, attribute or link of its own making from input', () => {
    expect([...tagNames(html)].filter((t) => !PAGE_TAGS.includes(t))).toEqual([]);
    expect(html.match(/<script/g)).toHaveLength(2);
    const markup = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
    expect(markup).not.toMatch(/\son\w+=/i);
    expect(markup).not.toMatch(/href=|src=/i);
  });

  it('escapes input in the static markup', () => {
    for (const h of HOSTILE.slice(9, 10)) expect(html).toContain(escapeHtml(h));
    expect(html).toContain('<title>threadsift: 2 threads</title>');
  });
});

describe('html format from the command line', () => {
  it('threadsift FILE -f html -o report.html writes the page', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'threadsift-html-')), 'report.html');
    let stderr = '';
    const io: CliIO = { stdout: () => {}, stderr: (t) => (stderr += t), readStdin: () => Buffer.from(''), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: ROOT };
    expect(await main([join(ROOT, 'fixtures', 'putin-xi-summit.txt'), '-f', 'html', '-o', out], io)).toBe(0);
    expect(stderr).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const data = embedded(html);
    expect(data.comments).toHaveLength(16);
    expect(data.comments.every((c) => c.flagged)).toBe(true);
    expect(data.clusters.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
  });
});

/**
 * The HTML report opened from disk in headless Chromium: what the page shows against the JSON report of the
 * same input, a click on each kind of filter, a screenshot of each page under test-output/html-report/, and
 * hostile comments that must run nothing. Under CI=true a missing Chromium fails the suite; elsewhere the
 * suite is skipped with the reason printed.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ScoredComment } from '../../src/types.js';
import { fixture, ROOT } from '../helpers.js';
import { browserMissing, cli, inCi, jsonReport, launch, open, OUTPUT, shownIds, type Opened } from './browser.js';
import { largeThread } from './large-thread.js';

const missing = browserMissing();
if (missing && !inCi) console.warn(`html.browser.test.ts skipped: ${missing}`);
const YOUTUBE = join(ROOT, '..', 'shared', 'datasets', 'youtube-spam');

/** Flagged comments in the page's order: worst first, then thread order, then position. */
function flaggedWorstFirst(report: Report): ScoredComment[] {
  return report.threads
    .flatMap((t, thread) => t.comments.filter((c) => c.flagged).map((c) => ({ c, thread })))
    .sort((a, b) => b.c.score - a.c.score || a.c.index - b.c.index || a.thread - b.thread)
    .map((x) => x.c);
}
const ids = (comments: ScoredComment[]) => comments.map((c) => c.id);

/** The report of `args` as JSON (the expectation) and as HTML (under test), both through the CLI. */
async function reports(args: string[], name: string): Promise<{ report: Report; html: string }> {
  const report = await jsonReport(args, name);
  const html = join(OUTPUT, `${name}.html`);
  const run = await cli([...args, '-f', 'html'], html);
  expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
  return { report, html };
}

/** Nothing ran, loaded or broke the policy: the page only drew itself. */
async function expectInert(opened: Opened): Promise<void> {
  expect(opened.dialogs).toEqual([]);
  expect(opened.problems).toEqual([]);
  expect(opened.requests).toEqual([]);
  expect(await opened.violations()).toEqual([]);
}

describe.skipIf(missing !== undefined && !inCi)('HTML report in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    expect(missing, 'CI=true: the browser tests must run').toBeUndefined();
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('the seed thread: flagged comments worst first, evidence marked, clusters side by side, filters', async () => {
    // Relative, as a user would type it: the page shows the path.
    const { report, html } = await reports([relative(process.cwd(), fixture('putin-xi-summit.txt'))], 'seed');
    const thread = report.threads[0]!;
    const o = await open(browser, html, { width: 1280, height: 1500 });
    const { page } = o;
    expect(await shownIds(page)).toEqual(ids(flaggedWorstFirst(report)));
    expect(await page.textContent('#comments-status')).toBe('16 of 16 comments, worst first: score ≥ 0.45 (flagged).');
    expect(await page.textContent('.verdict')).toBe(thread.summary.verdict);
    expect(await page.textContent('#authors-status')).toBe('The input names no authors.');

    // Every evidence span of every reason lies inside the comment's highlighted evidence.
    const marked = await page.$$eval('#comments-list article', (cards) =>
      cards.map((card) => {
        const ranges: Array<[number, number]> = [];
        let at = 0;
        for (const node of card.querySelector('p.text')!.childNodes) {
          const length = node.textContent!.length;
          if (node instanceof HTMLElement && node.matches('mark.ev')) ranges.push([at, at + length]);
          at += length;
        }
        return { id: (card as HTMLElement).dataset.id!, ranges };
      }),
    );
    let spans = 0;
    for (const c of thread.comments) {
      const ranges = marked.find((m) => m.id === c.id)!.ranges;
      for (const r of c.reasons.filter((x) => x.span)) {
        spans++;
        for (let i = r.span![0]; i < r.span![1]; i++) expect(ranges.some(([s, e]) => s <= i && i < e), `#${c.id} ${r.code} offset ${i}`).toBe(true);
      }
    }
    expect(spans).toBeGreaterThan(30);

    const clusters = await page.$$eval('#clusters-list .cluster', (nodes) =>
      nodes.map((n) => ({ id: (n as HTMLElement).dataset.clusterId, members: Array.from(n.querySelectorAll('.col a.goto'), (a) => a.textContent) })),
    );
    expect(clusters).toEqual(thread.clusters.map((c) => ({ id: c.id, members: c.commentIds.map((id) => `#${id}`) })));
    const runs = await page.$$eval('#k-2 .col', (cols) => cols.map((col) => Array.from(col.querySelectorAll('mark.shared.run'), (m) => m.textContent)));
    for (const col of runs) expect(col).toContain('This meeting between Xi and Putin underscores the strategic importance they place on their countries’ relationship');

    // A partner link brings its comment into view and focus.
    await page.click('article[data-id="8"] a.goto[data-goto]');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe('7');

    const echo = report.signals.findIndex((s) => s.id === 'echo-reply');
    await page.selectOption('#f-signal', String(echo));
    const echoing = flaggedWorstFirst(report).filter((c) => c.reasons.some((r) => r.signal === 'echo-reply'));
    expect(echoing.length).toBeGreaterThan(2);
    expect(await shownIds(page)).toEqual(ids(echoing));
    await page.click(`button[data-pick-signal="${report.signals.findIndex((s) => s.id === 'near-duplicate')}"]`);
    expect(await shownIds(page)).toEqual(ids(flaggedWorstFirst(report).filter((c) => c.reasons.some((r) => r.signal === 'near-duplicate'))));
    await page.click('#f-reset');
    expect(await shownIds(page)).toHaveLength(16);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(OUTPUT, 'seed.png') });
    await page.screenshot({ path: join(OUTPUT, 'seed-full.png'), fullPage: true });
    await expectInert(o);
    await o.close();
  }, 60_000);

  it('a 5,000-comment thread: drawn in chunks, authors ranked and clickable, the slider', async () => {
    const thread = largeThread(5000);
    const input = join(OUTPUT, 'large-5000-input.json');
    writeFileSync(input, JSON.stringify({ id: thread.id, title: thread.title, body: thread.body, comments: thread.comments.map(({ id, author, text }) => ({ id, author, text })) }));
    const { report, html } = await reports([input], 'large-5000');
    const t = report.threads[0]!;
    const flagged = flaggedWorstFirst(report);
    expect(flagged.length).toBeGreaterThan(500);
    const o = await open(browser, html);
    const { page } = o;
    console.log(`5,000 comments: ${statSync(html).size} bytes of HTML, first render ${Math.round(o.firstRender)} ms after navigation start`);

    expect(await page.textContent('#comments-status')).toBe(`${flagged.length} of 5000 comments, worst first: score ≥ 0.45 (flagged).`);
    // Lazily: one chunk first, the next when the reader scrolls to the end of the list.
    expect(await shownIds(page)).toEqual(ids(flagged.slice(0, 40)));
    await page.locator('#comments-list + button.more').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('#comments-list article').length > 40);
    const more = await shownIds(page);
    expect(more).toEqual(ids(flagged.slice(0, more.length)));

    expect(await page.textContent('#clusters-status')).toBe(`${t.clusters.length} of ${t.clusters.length} clusters.`);
    expect(await page.$eval('#clusters-list .cluster', (n) => (n as HTMLElement).dataset.clusterId)).toBe('c1');

    const byAuthor = new Map<string, { comments: number; flagged: number }>();
    for (const c of t.comments) {
      const a = byAuthor.get(c.author!) ?? { comments: 0, flagged: 0 };
      a.comments++;
      if (c.flagged) a.flagged++;
      byAuthor.set(c.author!, a);
    }
    const ranked = [...byAuthor].sort(([x, a], [y, b]) => b.flagged - a.flagged || b.comments - a.comments || (x < y ? -1 : 1));
    const rows = await page.$$eval('#authors-list tr', (trs) => (trs as HTMLTableRowElement[]).slice(0, 10).map((tr) => Array.from(tr.cells, (td) => td.textContent)));
    expect(rows.map((r) => r.slice(0, 3))).toEqual(ranked.slice(0, 10).map(([name, a]) => [name, String(a.comments), String(a.flagged)]));

    await page.locator('#f-min').fill('0');
    await page.waitForFunction(() => document.getElementById('comments-status')!.textContent!.startsWith('5000 of 5000'));
    await page.click('#f-reset');

    const [top] = ranked[0]!;
    await page.click(`#authors-list tr:first-child button[data-pick-author]`);
    const theirs = flagged.filter((c) => c.author === top);
    expect(await page.textContent('#comments-status')).toBe(`${theirs.length} of 5000 comments, worst first: score ≥ 0.45 (flagged), author “${top}”.`);
    expect(await shownIds(page)).toEqual(ids(theirs.slice(0, 40)));
    expect(await page.textContent('#f-author-name')).toBe(top);
    expect(await page.$$eval('#comments-list article button.author', (bs) => new Set(bs.map((b) => b.textContent)).size)).toBe(1);

    await page.screenshot({ path: join(OUTPUT, 'large-5000.png') });
    await expectInert(o);
    await o.close();
  }, 120_000);

  it('hostile comments run nothing: markup shows as text, links stay in the page, the policy holds', async () => {
    const payloads = [
      '<script>alert("script")</script>',
      '<img src=x onerror="alert(\'img\')">',
      '<a href="javascript:alert(\'link\')">click me</a> javascript:alert(1)',
      '</script><script>alert("breakout")</script>',
      '<!-- <script>alert("comment")</script>',
      '<svg onload="alert(\'svg\')"></svg><iframe src="javascript:alert(\'frame\')"></iframe>',
      '<style>body { display: none }</style> \u2028 \u2029 end',
    ];
    const comments = payloads.flatMap((text, i) => [
      { id: `x${i}`, author: '<img src=x onerror="alert(\'author\')">', text: `${text} Check out my channel https://spam.example/${i}` },
      { id: `javascript:alert(${i})`, author: `</script><b>${i}</b>`, text: `${text} Check out my channel https://spam.example/${i}` },
    ]);
    const input = join(OUTPUT, 'xss-input.json');
    writeFileSync(input, JSON.stringify({ id: '<script>alert("thread")</script>', title: '<img src=x onerror=alert("title")>', body: 'An article.', comments }));
    const { report, html } = await reports([input], 'xss');
    expect(report.threads[0]!.summary.flagged).toBe(comments.length);
    const o = await open(browser, html);
    const { page } = o;

    expect(await shownIds(page)).toHaveLength(comments.length);
    const texts = await page.$$eval('#comments-list article p.text', (ps) => ps.map((p) => p.textContent));
    expect(new Set(texts)).toEqual(new Set(comments.map((c) => c.text)));
    expect(await page.$$eval('#comments-list article .cid', (s) => s.map((x) => x.textContent))).toEqual(expect.arrayContaining(comments.map((c) => `#${c.id}`)));
    // Everything the page offers to click, clicked.
    for (const selector of ['#comments-list a.goto', '#comments-list button.author', '#clusters-list a.goto', '#authors-list button']) {
      // A click may redraw the list; the reset puts it back in the same order for the next one.
      const count = await page.locator(selector).count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        await page.locator(selector).nth(i).click();
        await page.click('#f-reset');
      }
    }

    expect(await page.$$eval('img, iframe, object, embed, frame', (n) => n.length)).toBe(0);
    expect(await page.$$eval('svg', (n) => n.length)).toBe(1);
    expect(await page.$$eval('script', (n) => n.length)).toBe(2);
    expect(await page.$$eval('[href]', (links) => links.filter((a) => !/^#[ck]-\d+$/.test(a.getAttribute('href')!)).length)).toBe(0);
    expect(await page.$$eval('*', (all) => all.filter((n) => Array.from(n.attributes).some((a) => a.name.startsWith('on'))).length)).toBe(0);
    await expectInert(o);

    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toMatch(/^default-src 'none'; script-src 'sha256-[\w+/=]+'; style-src 'sha256-[\w+/=]+'; /);
    // The policy is in force: script the page did not bring is refused, whichever way it comes.
    const refused = await page.evaluate(() => {
      const w = window as unknown as { __ran: string[] };
      w.__ran = [];
      const attempts: Record<string, () => void> = {
        'event attribute': () => {
          const b = document.createElement('button');
          b.setAttribute('onclick', 'window.__ran.push("attribute")');
          document.body.append(b);
          b.click();
        },
        'inline script': () => {
          const s = document.createElement('script');
          s.textContent = 'window.__ran.push("inline")';
          document.body.append(s);
        },
        markup: () => document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.__ran.push(1)">'),
        'javascript: link': () => {
          const a = document.createElement('a');
          a.href = 'javascript:window.__ran.push("link")';
          document.body.append(a);
          a.click();
        },
      };
      const out: string[] = [];
      for (const [name, attempt] of Object.entries(attempts)) {
        try {
          attempt();
        } catch {
          out.push(name);
        }
      }
      return out;
    });
    expect(refused).toEqual(['event attribute', 'inline script', 'markup']);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran)).toEqual([]);
    const directives = new Set((await o.violations()).map((v) => v.split(' ')[0]));
    expect(directives).toEqual(new Set(['require-trusted-types-for', 'script-src-elem']));

    await page.screenshot({ path: join(OUTPUT, 'xss.png') });
    await o.close();
  }, 60_000);

  it.skipIf(!existsSync(YOUTUBE))('the youtube-spam folder: threads, clusters across them, a thread filter', async () => {
    const { report, html } = await reports([YOUTUBE], 'youtube-spam');
    const o = await open(browser, html);
    const { page } = o;
    const flagged = flaggedWorstFirst(report);
    expect(await page.textContent('#comments-status')).toBe(`${flagged.length} of ${report.summary.comments} comments, worst first: score ≥ 0.45 (flagged).`);
    expect(await shownIds(page)).toEqual(ids(flagged.slice(0, 40)));
    expect(await page.$$eval('#threads-list button', (bs) => bs.map((b) => b.textContent))).toEqual(report.threads.map((t) => t.title || t.id));

    const cross = report.crossThreadClusters!;
    expect(cross.length).toBeGreaterThan(0);
    const blocks = await page.$$eval('#cross-list .cluster', (nodes) => nodes.map((n) => ({ id: (n as HTMLElement).dataset.clusterId, threads: Array.from(n.querySelectorAll('.threads li'), (li) => li.textContent) })));
    expect(blocks.map((b) => b.id)).toEqual(cross.map((c) => c.id));
    blocks.forEach((b, k) => cross[k]!.threads.forEach((t, i) => expect(b.threads[i]).toContain(t.source)));

    await page.selectOption('#f-thread', '1');
    const second = report.threads[1]!;
    const theirs = flagged.filter((c) => second.comments.includes(c));
    expect(await page.textContent('#comments-status')).toContain(`${theirs.length} of ${report.summary.comments} comments`);
    expect(await shownIds(page)).toEqual(ids(theirs.slice(0, 40)));
    expect(await page.textContent('#clusters-status')).toBe(`${second.clusters.length} of ${report.threads.reduce((n, t) => n + t.clusters.length, 0)} clusters.`);

    await page.click('#f-reset');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(OUTPUT, 'youtube-spam.png') });
    await expectInert(o);
    await o.close();
  }, 60_000);
});

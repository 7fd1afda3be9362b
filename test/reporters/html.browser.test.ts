/**
 * The HTML report opened from disk in headless Chromium: what the page shows against the JSON report of the
 * same input, a click on each kind of filter, and a screenshot of each page under test-output/html-report/
 * (hostile comments: html.hostile.browser.test.ts). Under CI=true a missing Chromium fails the suite;
 * elsewhere the suite is skipped with the reason printed.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report, ScoredComment } from '../../src/types.js';
import { fixture, present, ROOT } from '../helpers.js';
import { browserMissing, expectInert, inCi, open, OUTPUT, reports, shownIds, useBrowser } from './browser.js';
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

describe.skipIf(missing !== undefined && !inCi)('HTML report in headless Chromium', () => {
  const browser = useBrowser(missing);

  it('the seed thread: flagged comments worst first, evidence marked, clusters side by side, filters', async () => {
    // Relative, as a user would type it: the page shows the path.
    const { report, html } = await reports([relative(process.cwd(), fixture('putin-xi-summit.txt'))], 'seed');
    const thread = report.threads[0]!;
    const o = await open(browser(), html, { width: 1280, height: 1500 });
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

  let large: Promise<{ report: Report; html: string }> | undefined;
  /** The 5,000-comment thread's reports, made once for the tests that open it. */
  function largeReports() {
    return (large ??= (async () => {
      const thread = largeThread(5000);
      const input = join(OUTPUT, 'large-5000-input.json');
      writeFileSync(input, JSON.stringify({ id: thread.id, title: thread.title, body: thread.body, comments: thread.comments.map(({ id, author, text }) => ({ id, author, text })) }));
      return reports([input], 'large-5000');
    })());
  }

  it('a 5,000-comment thread: drawn in chunks, authors ranked and clickable, the slider', async () => {
    const { report, html } = await largeReports();
    const t = report.threads[0]!;
    const flagged = flaggedWorstFirst(report);
    expect(flagged.length).toBeGreaterThan(500);
    const o = await open(browser(), html);
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

  it('a 5,000-comment thread: what a reader does before every comment has loaded applies to every comment', async () => {
    const { report, html } = await largeReports();
    expect(readFileSync(html, 'utf8')).toContain('id="threadsift-rest"');
    const flagged = flaggedWorstFirst(report);
    const top = await open(browser(), html, undefined, () => {
      (document.querySelector('#authors-list tr:first-child button[data-pick-author]') as HTMLElement).click();
    });
    const name = await top.page.textContent('#f-author-name');
    const theirs = flagged.filter((c) => c.author === name);
    // Some of them come after the first 400 comments, which the page had not read when the click came.
    expect(theirs.some((c) => flagged.indexOf(c) >= 400)).toBe(true);
    expect(await top.page.textContent('#comments-status')).toBe(`${theirs.length} of 5000 comments, worst first: score ≥ 0.45 (flagged), author “${name}”.`);
    expect(await shownIds(top.page)).toEqual(ids(theirs.slice(0, 40)));
    await expectInert(top);
    await top.close();

    // A partner link to a comment the page had not read yet is followed once it has.
    const partner = await open(browser(), html, undefined, () => {
      const link = Array.from(document.querySelectorAll<HTMLElement>('#comments-list a.goto')).find((a) => Number(a.dataset.goto) >= 400)!;
      document.documentElement.dataset.followed = link.textContent!;
      link.click();
    });
    const followed = await partner.page.getAttribute('html', 'data-followed');
    expect(followed).toMatch(/^#\d+$/);
    expect(await partner.page.evaluate(() => `#${(document.activeElement as HTMLElement).dataset.id}`)).toBe(followed);
    await expectInert(partner);
    await partner.close();
  }, 120_000);

  it.runIf(present(YOUTUBE))('the youtube-spam folder: threads, clusters across them, a thread filter', async () => {
    const { report, html } = await reports([YOUTUBE], 'youtube-spam');
    const o = await open(browser(), html);
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

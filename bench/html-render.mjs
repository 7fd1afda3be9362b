#!/usr/bin/env node
/**
 * The HTML report at size (issue #14). For each size N: a thread of N real comments (built as
 * bench/thread-speed.mjs builds it, with authors added), the time `threadsift FILE -f html` takes and the
 * page's size; then, opened from disk in headless Chromium (Debian's, driven by playwright-core), the time
 * to first render — navigation start to the page's 'threadsift:first-render' mark, when the first chunk of
 * the comment list is drawn from the comments embedded before the page script — with first contentful paint
 * (the static summary), all loaded (the 'threadsift:loaded' mark: every comment parsed, clusters drawn), the
 * longest main-thread task while loading (what a reader would feel as a freeze), and the time to redraw the
 * list when the score slider is moved to 0 (every comment matches). Each page is opened `runs` times in a fresh context; best / median.
 * Usage: npm run build && node bench/html-render.mjs [sizes=5000,10000] [runs=5]
 */
// The functions passed to page.evaluate and addInitScript run in the browser, with its globals.
/* global window, document, PerformanceObserver, Event, requestAnimationFrame */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { requireDatasets, sfuThreads, tweepfakeThreads, youtubeThreads } from './datasets.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const sizes = (process.argv[2] ?? '5000,10000').split(',').map(Number);
const runs = Number(process.argv[3] ?? 5);
const executablePath = process.env.THREADSIFT_CHROMIUM ?? '/usr/bin/chromium';
requireDatasets();

const pool = [...sfuThreads(), ...youtubeThreads(), ...tweepfakeThreads('validation')].flatMap((t) => t.comments);
// YouTube comments name their authors; the others get one of 1,499 readers, so the author table is large.
const thread = (n) => {
  const comments = Array.from({ length: n }, (_, i) => {
    const c = pool[(i * 7919) % pool.length];
    return { id: String(i + 1), author: c.author ?? `reader_${i % 1499}`, text: c.text };
  });
  return { title: 'Large thread', body: pool.slice(0, 12).map((c) => c.text).join('\n'), comments };
};

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const out = join(here, 'out');
mkdirSync(out, { recursive: true });
const bin = join(here, '..', 'bin', 'threadsift.cjs');
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
console.log(`HTML report in headless ${browser.version()} (${runs} opens each; best / median)`);
for (const n of sizes) {
  const input = join(out, `html-${n}.json`);
  const html = join(out, `html-${n}.html`);
  writeFileSync(input, JSON.stringify(thread(n)));
  const start = performance.now();
  const r = spawnSync(process.execPath, [bin, input, '-f', 'html', '-o', html], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`threadsift exited ${r.status}: ${r.stderr}`);
  const build = (performance.now() - start) / 1000;

  const m = { first: [], paint: [], loaded: [], longest: [], redraw: [] };
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask' });
    });
    await page.goto(pathToFileURL(html).href);
    await page.waitForSelector('html[data-ready="true"]');
    const load = await page.evaluate(() => ({
      first: performance.getEntriesByName('threadsift:first-render')[0].startTime,
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      loaded: performance.getEntriesByName('threadsift:loaded')[0].startTime,
      longest: window.__longest,
    }));
    const redraw = await page.evaluate(async () => {
      const slider = document.getElementById('f-min');
      const t0 = performance.now();
      slider.value = '0';
      slider.dispatchEvent(new Event('input'));
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      return performance.now() - t0;
    });
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    for (const k of ['first', 'paint', 'loaded', 'longest']) m[k].push(load[k]);
    m.redraw.push(redraw);
    await context.close();
  }
  const ms = (xs) => `${Math.round(Math.min(...xs))} / ${Math.round(median(xs))} ms`;
  console.log(`${n.toLocaleString('en-US')} comments: ${(statSync(html).size / 1e6).toFixed(2)} MB of HTML, built in ${build.toFixed(2)} s (${html})`);
  console.log(`  time to first render          ${ms(m.first)}`);
  console.log(`  first contentful paint        ${ms(m.paint)}`);
  console.log(`  all loaded, clusters drawn    ${ms(m.loaded)}`);
  console.log(`  longest task while loading    ${ms(m.longest)}`);
  console.log(`  slider to 0, list redrawn     ${ms(m.redraw)}`);
}
await browser.close();

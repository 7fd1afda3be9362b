/**
 * A real browser for the HTML report's tests: Debian's Chromium (apt-get install -y chromium), headless,
 * driven by playwright-core with the system executable. Nothing is ever downloaded.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { main, type CliIO } from '../../src/cli.js';
import type { Report } from '../../src/types.js';
import { ROOT } from '../helpers.js';

export const CHROMIUM = process.env.THREADSIFT_CHROMIUM ?? '/usr/bin/chromium';

/** Where the browser tests leave their reports and screenshots (git-ignored). */
export const OUTPUT = join(ROOT, 'test-output', 'html-report');

/**
 * Flags that work on this project's machines: as root Chromium needs --no-sandbox; without the
 * background-networking flags it tries to reach Google's hosts, which a closed network refuses.
 */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Why the browser tests cannot run here, or undefined when they can. Under CI they must run. */
export function browserMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `no Chromium at ${CHROMIUM} (as root: apt-get install -y chromium; or set THREADSIFT_CHROMIUM)`;
}

export const inCi = /^(1|true)$/i.test(process.env.CI ?? '');

export function launch(): Promise<Browser> {
  mkdirSync(OUTPUT, { recursive: true });
  // A fresh profile each run: playwright-core gives the browser a new empty --user-data-dir.
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** The CLI on `args`, its output written to `output`; the exit code and stderr. */
export async function cli(args: string[], output: string): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: CliIO = { stdout: () => {}, stderr: (t) => (stderr += t), readStdin: () => Buffer.from(''), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: ROOT };
  const code = await main([...args, '-o', output], io);
  return { code, stderr };
}

/** The JSON report of the same inputs, for what the page must show. */
export async function jsonReport(args: string[], name: string): Promise<Report> {
  const file = join(OUTPUT, `${name}.json`);
  const { code, stderr } = await cli([...args, '-f', 'json'], file);
  if (code !== 0) throw new Error(`threadsift ${args.join(' ')} -f json exited ${code}: ${stderr}`);
  return JSON.parse(readFileSync(file, 'utf8')) as Report;
}

/** An opened report and everything it did that a report must not do. */
export interface Opened {
  page: Page;
  /** Console errors and warnings, uncaught exceptions. */
  problems: string[];
  /** alert/confirm/prompt messages: a dialog means input ran as script. */
  dialogs: string[];
  /** Requests other than the page itself. */
  requests: string[];
  /** Time from navigation start to the page's first render of its lists, in ms. */
  firstRender: number;
  /** Content-Security-Policy violations the page reported so far. */
  violations(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Opens an HTML report from disk, as a moderator would, and waits until it has loaded every comment.
 * `beforeLoad` runs in the page when the parser has finished, before the page's own handler reads the
 * comments embedded after its script: what a reader does while the rest is still loading.
 */
export async function open(browser: Browser, file: string, viewport = { width: 1280, height: 900 }, beforeLoad?: () => void): Promise<Opened> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  const problems: string[] = [];
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  // Injected by the driver, so the page's own policy does not apply to it.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
  });
  // Listeners run in the order they were added; this one is added before the page's script runs.
  if (beforeLoad) await page.addInitScript(`document.addEventListener('DOMContentLoaded', ${beforeLoad.toString()}, { once: true })`);
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
  const firstRender = await page.evaluate(() => performance.getEntriesByName('threadsift:first-render')[0]!.startTime);
  return {
    page,
    problems,
    dialogs,
    requests,
    firstRender,
    violations: () => page.evaluate(() => [...(window as unknown as { __violations: string[] }).__violations]),
    close: () => context.close(),
  };
}

/** Ids of the comment cards drawn so far, in page order. */
export const shownIds = (page: Page) => page.$$eval('#comments-list article', (cards) => cards.map((c) => (c as HTMLElement).dataset.id!));

/** The report of `args` as JSON (the expectation) and as HTML (under test), both through the CLI. */
export async function reports(args: string[], name: string): Promise<{ report: Report; html: string }> {
  const report = await jsonReport(args, name);
  const html = join(OUTPUT, `${name}.html`);
  const run = await cli([...args, '-f', 'html'], html);
  expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
  return { report, html };
}

/** Nothing ran, loaded or broke the policy: the page only drew itself. */
export async function expectInert(opened: Opened): Promise<void> {
  expect(opened.dialogs).toEqual([]);
  expect(opened.problems).toEqual([]);
  expect(opened.requests).toEqual([]);
  expect(await opened.violations()).toEqual([]);
}

/**
 * One browser for a describe block: launched before its tests, closed after them. Under CI=true a missing
 * Chromium (`missing`, from browserMissing) fails the block instead of letting it skip.
 */
export function useBrowser(missing: string | undefined): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    expect(missing, 'CI=true: the browser tests must run').toBeUndefined();
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

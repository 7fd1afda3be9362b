/**
 * A self-contained HTML page a moderator opens from disk: the verdict and figures, a histogram of scores
 * with the threshold, per-signal counts, then the comments worst first with their evidence highlighted,
 * duplicate clusters side by side, comments repeated across threads, and a per-author table; filters by
 * signal, score, thread and author.
 *
 * The summary is static markup. The lists are drawn by the page's script from the report embedded as JSON,
 * a chunk at a time as the reader scrolls; the worst comments are embedded before the script and the rest
 * after it (html/pack.ts), so a 10,000-comment report shows its lists as soon as its summary.
 *
 * Comment text is hostile. Static markup escapes it; the embedded JSON cannot end its element (embedJson);
 * the script puts input only into text nodes; links are built from positions, never from input. The
 * Content-Security-Policy allows only the page's own style and script (by hash), no requests of any kind,
 * and no HTML-string sinks (Trusted Types), so markup that slipped through still could not run.
 */
import { createHash } from 'node:crypto';
import { LANGUAGE_SIGNAL } from '../analyze.js';
import { stripControls } from '../text/sanitize.js';
import type { Report } from '../types.js';
import { embedJson, pageData, type PageData } from './html/data.js';
import { pageKit } from './html/kit.js';
import { packPageData, unpackComments } from './html/pack.js';
import { pageMain } from './html/page.js';
import { pageViews } from './html/views.js';
import { PAGE_STYLE } from './html/style.js';
import type { Reporter } from './types.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Input text as HTML text or a quoted attribute value, without control characters or bidi overrides. */
export function escapeHtml(text: string): string {
  return stripControls(text, true).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** The page script: the source text of the page, its kit, views and the data's unpacking, as the browser runs them. */
export const PAGE_SCRIPT = `"use strict";(${pageMain.toString()})((${pageKit.toString()})(), ${unpackComments.toString()}, ${pageViews.toString()});`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page's Content-Security-Policy: nothing but its own style and script. */
export function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(style)}`,
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

const BINS = 20;
const two = (n: number) => n.toFixed(2);
const percent = (share: number) => `${Math.round(share * 100)}%`;
const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** Scores of every comment in 20 bins of 0.05, flagged and not, as an inline SVG bar chart. */
export function histogram(report: Report): string {
  const bins = Array.from({ length: BINS }, () => ({ flagged: 0, other: 0 }));
  for (const t of report.threads) {
    for (const c of t.comments) {
      const bin = bins[Math.min(BINS - 1, Math.max(0, Math.floor(c.score * BINS)))]!;
      if (c.flagged) bin.flagged++;
      else bin.other++;
    }
  }
  const [left, top, width, height] = [36, 18, 460, 120];
  const max = Math.max(1, ...bins.map((b) => b.flagged + b.other));
  const step = width / BINS;
  const y = (n: number) => (n / max) * height;
  const bars = bins.map((b, i) => {
    const x = (left + i * step + 1).toFixed(1);
    const total = b.flagged + b.other;
    const label = `${two(i / BINS)}–${two((i + 1) / BINS)}: ${plural(total, 'comment')}, ${b.flagged} flagged`;
    const rect = (n: number, below: number, cls: string) =>
      n ? `<rect class="${cls}" x="${x}" y="${(top + height - y(below + n)).toFixed(1)}" width="${(step - 2).toFixed(1)}" height="${y(n).toFixed(1)}"/>` : '';
    return `<g><title>${label}</title>${rect(b.other, 0, 'bar')}${rect(b.flagged, b.other, 'bar flagged')}</g>`;
  });
  const tx = (left + report.settings.threshold * width).toFixed(1);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((v) => `<text x="${(left + v * width).toFixed(1)}" y="${top + height + 14}" text-anchor="middle">${v}</text>`);
  const counts = report.threads.reduce((n, t) => n + t.comments.length, 0);
  return [
    `<svg viewBox="0 0 ${left + width + 12} ${top + height + 20}" role="img" aria-label="Histogram of ${plural(counts, 'comment')} by score; threshold ${report.settings.threshold}">`,
    `<line class="axis" x1="${left}" y1="${top + height}" x2="${left + width}" y2="${top + height}"/>`,
    `<text x="${left - 4}" y="${top + 4}" text-anchor="end">${max}</text><text x="${left - 4}" y="${top + height}" text-anchor="end">0</text>`,
    ...bars,
    ...ticks,
    `<line class="threshold" x1="${tx}" y1="${top - 8}" x2="${tx}" y2="${top + height}"/>`,
    `<text x="${tx}" y="${top - 10}" text-anchor="middle">threshold ${report.settings.threshold}</text>`,
    '</svg>',
  ].join('\n');
}

/** Per signal: its weight, the comments it found evidence in, and how many of those are flagged. */
function signalTable(report: Report, data: PageData): string {
  const found = data.signals.map(() => ({ comments: 0, flagged: 0 }));
  for (const c of data.comments) {
    for (const s of new Set(c.reasons.map((r) => r.signal))) {
      found[s]!.comments++;
      if (c.flagged) found[s]!.flagged++;
    }
  }
  const info = new Map(report.signals.map((s) => [s.id, s]));
  const rows = data.signals.map((id, k) => {
    const s = info.get(id);
    const description = s?.description ?? (id === LANGUAGE_SIGNAL ? 'Comments in a language some signals cannot read (those signals abstain)' : '');
    const on = s?.enabled !== false;
    const name = found[k]!.comments ? `<button type="button" class="signal-pick" data-pick-signal="${k}">${escapeHtml(id)}</button>` : escapeHtml(id);
    const cells = on ? [found[k]!.comments, found[k]!.flagged].map((n) => `<td class="n">${n}</td>`).join('') : '<td class="n" colspan="2">off</td>';
    const cls = !on ? ' class="off"' : found[k]!.comments ? '' : ' class="none"';
    return `<tr${cls}><td><span class="sig s${k % 10}"> </span> ${name}<div class="source" title="${escapeHtml(description)}">${escapeHtml(description)}</div></td><td class="n">${s ? s.weight : '—'}</td>${cells}</tr>`;
  });
  return [
    '<table class="signals"><thead><tr><th>Signal</th><th class="n">Weight</th><th class="n">Comments</th><th class="n">Flagged</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
  ].join('\n');
}

function signalOptions(data: PageData): string {
  const counts = data.signals.map(() => 0);
  for (const c of data.comments) for (const s of new Set(c.reasons.map((r) => r.signal))) counts[s]!++;
  const options = data.signals.flatMap((id, k) => (counts[k] ? [`<option value="${k}">${escapeHtml(id)} (${counts[k]})</option>`] : []));
  return ['<option value="-1">any signal</option>', ...options].join('');
}

/** The run in one sentence: one thread's verdict, or the totals of many. */
function verdict(report: Report): { text: string; code: string } {
  const only = report.threads.length === 1 ? report.threads[0] : undefined;
  if (only) return { text: only.summary.verdict, code: only.summary.verdictCode };
  const s = report.summary;
  const order = ['NO_COMMENTS', 'CLEAN', 'SOME_FLAGGED', 'LIKELY_COORDINATED'];
  const worst = report.threads.reduce((w, t) => Math.max(w, order.indexOf(t.summary.verdictCode)), 0);
  const withFlags = report.threads.filter((t) => t.summary.flagged > 0).length;
  const text = s.threads
    ? `${s.flagged.toLocaleString('en-US')} of ${plural(s.comments, 'comment')} flagged (${percent(s.botShare)}) in ${plural(s.threads, 'thread')}; ${withFlags} with flagged comments.`
    : 'No threads to analyse.';
  return { text, code: order[worst]! };
}

function figures(report: Report, data: PageData): string {
  const s = report.summary;
  const items: Array<[string, string]> = [];
  if (s.threads !== 1) items.push(['Threads', String(s.threads)]);
  items.push(['Comments', s.comments.toLocaleString('en-US')], ['Flagged', s.flagged.toLocaleString('en-US')], ['Bot share', percent(s.botShare)]);
  items.push(['Clusters of similar comments', String(report.threads.reduce((n, t) => n + t.clusters.length, 0))]);
  if (report.crossThreadClusters && s.threads > 1) items.push(['Repeated across threads', String(report.crossThreadClusters.length)]);
  items.push(['Authors', data.authors.length ? data.authors.length.toLocaleString('en-US') : '—'], ['Threshold', String(report.settings.threshold)]);
  if (s.errors) items.push(['Inputs not read', String(s.errors)]);
  return `<dl class="figures">${items.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>`;
}

/** The `html` format: see the module comment. `--quiet` embeds flagged comments only. */
export const htmlReporter: Reporter = (report, options) => {
  const data = pageData(report, options.quiet);
  const { head, rest } = packPageData(data);
  const only = report.threads.length === 1 ? report.threads[0] : undefined;
  const { text, code } = verdict(report);
  const title = only ? `threadsift: ${escapeHtml(only.title || only.id)}` : `threadsift: ${plural(report.threads.length, 'thread')}`;
  const errors = report.errors.length
    ? `<section class="errors"><h2>Inputs not read</h2><ul>${report.errors.map((e) => `<li>${escapeHtml(e.message)}</li>`).join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(PAGE_SCRIPT, PAGE_STYLE)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>threadsift report</h1>
<p class="meta">${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)}${only ? ` · <b>${escapeHtml(only.title || only.id)}</b> <span class="source">${escapeHtml(only.source)}</span>` : ''}</p>
<p class="verdict ${code}">${escapeHtml(text)}</p>
${figures(report, data)}
${errors}
</header>
<section class="overview">
<figure class="histogram"><figcaption>Comment scores</figcaption>
${histogram(report)}
</figure>
<section><h2>Signals</h2>
${signalTable(report, data)}
</section>
</section>
<section id="threads" hidden><h2>Threads</h2>
<table id="threads-table"><thead><tr><th>Thread</th><th class="n">Comments</th><th class="n">Flagged</th><th class="n">Share</th><th>Verdict</th></tr></thead><tbody id="threads-list"></tbody></table>
</section>
<div class="toolbar" role="group" aria-label="Filters">
<label>Signal <select id="f-signal">${signalOptions(data)}</select></label>
<label>Score at least <input type="range" id="f-min" min="0" max="1" step="0.01" value="${report.settings.threshold}" list="f-min-ticks"> <output id="f-min-value" for="f-min">${two(report.settings.threshold)}</output></label>
<datalist id="f-min-ticks"><option value="${report.settings.threshold}" label="threshold"></option></datalist>
<label id="f-thread-label" hidden>Thread <select id="f-thread"><option value="-1">all threads</option></select></label>
<span id="f-author" class="chip" hidden>Author: <b id="f-author-name"></b> <button type="button" id="f-author-clear" aria-label="Show every author">×</button></span>
<button type="button" id="f-reset">Reset filters</button>
<span id="f-note" class="note" role="status"></span>
</div>
<div class="layout">
<section id="comments"><h2>Comments</h2><p class="status" id="comments-status" role="status">The lists are drawn by the page’s script.</p><div id="comments-list"></div></section>
<aside id="authors"><h2>Authors</h2><p class="status" id="authors-status"></p>
<table id="authors-table"><thead><tr><th>Author</th><th class="n">Comments</th><th class="n">Flagged</th><th class="n">Share</th><th class="n" title="Clusters of similar comments, in a thread or across threads, with a comment of this author">Clusters</th></tr></thead><tbody id="authors-list"></tbody></table>
</aside>
</div>
<section id="clusters"><h2>Clusters of similar comments</h2>
<p class="legend">Highlighted: <mark class="shared run">runs of three or more words</mark> another comment of the cluster repeats, and <mark class="shared word">longer words</mark> it also uses.</p>
<p class="status" id="clusters-status"></p><div id="clusters-list"></div></section>
<section id="cross"${report.crossThreadClusters && report.threads.length > 1 ? '' : ' hidden'}><h2>Comments repeated across threads</h2>
<p class="status" id="cross-status"></p><div id="cross-list"></div></section>
<script type="application/json" id="threadsift-data">${embedJson(head)}</script>
<script>${PAGE_SCRIPT}</script>
${rest ? `<script type="application/json" id="threadsift-rest">${embedJson(rest)}</script>\n` : ''}</body>
</html>
`;
};

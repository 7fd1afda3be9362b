#!/usr/bin/env node
/**
 * Lift of each llm-style marker on the development sets, for the kept markers (src/data/llm-style.ts)
 * and for the candidates that were measured and dropped (listed below, so the decision can be re-run).
 *
 *   lift   = share of machine texts showing the marker / share of human texts showing it, on GRiD
 *            (add-one-half smoothing; only texts of at least minWords words, as the signal judges them)
 *   ΔAUROC = GRiD AUROC of the signal's ranking (sum of log-lifts) over the selected markers, minus the
 *            same without this marker (selected) or plus it (not selected)
 *
 * Rule: start from every marker with GRiD lift ≥ 1.2; repeatedly drop the one whose removal does not
 * lower the GRiD AUROC by at least 0.0005 (the least useful first) until each remaining marker raises it
 * by that much. The selected
 * markers are the ones to keep in src/data/llm-style.ts with their measured lifts. TweepFake (GPT-2/RNN
 * tweets from another generator era; train split) and the SFU firing rate (human news comments: the
 * false-positive pressure) are printed to judge a marker, not to select it.
 * Usage: npm run build && node bench/marker-lift.mjs
 * Exits 1 when a kept marker breaks the rule or its stored lift is off by more than 15% from the
 * measurement, so a stale list is noticed.
 */
import { LLM_STYLE } from '../dist/data/llm-style.js';
import { auroc } from '../dist/eval/metrics.js';
import { llmStyle, styleMarkers } from '../dist/signals/llm-style.js';
import { tokenize } from '../dist/text/tokens.js';
import { datasetsAvailable, DATASETS, gridThreads, sfuThreads, tweepfakeThreads } from './datasets.mjs';

const KOBAK = 'Kobak et al. 2024, "Delving into ChatGPT usage in academic writing through excess vocabulary" (arXiv:2406.07016)';
const HC3 = 'Guo et al. 2023, HC3 (arXiv:2301.07597)';
const MUNOZ = 'Muñoz-Ortiz et al. 2024 (arXiv:2308.09067)';
const CANDIDATE = 'threadsift maintainers: candidate';

/** Candidates measured and dropped (see the verdict column); kept here so the measurement can be repeated. */
const DROPPED = [
  {
    id: 'llm-vocabulary',
    test: {
      kind: 'words',
      min: 1,
      words: [
        'delve', 'delves', 'delving', 'showcase', 'showcases', 'showcasing', 'underscore', 'underscores', 'underscoring',
        'intricate', 'intricacies', 'pivotal', 'multifaceted', 'nuanced', 'tapestry', 'realm', 'foster', 'fostering',
        'fostered', 'meticulous', 'meticulously', 'commendable', 'invaluable', 'garner', 'garnered', 'bolster', 'bolstered',
        'holistic', 'paramount', 'encompass', 'encompasses', 'encompassing', 'testament', 'navigate', 'navigating',
        'endeavor', 'endeavors', 'seamless', 'seamlessly', 'resonate', 'resonates', 'noteworthy', 'profound', 'profoundly',
      ],
    },
    note: 'vocabulary language models over-use (2024-era excess words)',
    source: KOBAK,
  },
  {
    id: 'abstract-plurals',
    test: { kind: 'words', min: 2, words: ['factors', 'aspects', 'perspectives', 'dynamics', 'implications', 'individuals', 'challenges', 'efforts', 'initiatives', 'developments', 'contexts', 'circumstances'] },
    note: 'abstract plural nouns standing in for specifics',
    source: CANDIDATE,
  },
  {
    id: 'summary-opener',
    test: { kind: 'pattern', pattern: '(?:^|[.!?]\\s+)(?:overall|ultimately|in conclusion|in summary|in short|in essence|all in all|additionally|furthermore|moreover|firstly|secondly|lastly),' },
    note: 'a sentence opened by an essay connective',
    source: HC3,
  },
  {
    id: 'generic-subject',
    test: { kind: 'pattern', pattern: '\\bthe (?:concept|term|idea|notion|practice|process|role|impact|influence|question|issue) of\\b' },
    note: 'explains "the concept of …" instead of answering',
    source: CANDIDATE,
  },
  { id: 'no-links', test: { kind: 'absent', pattern: '\\bhttps?://|\\bwww\\.' }, note: 'cites nothing a reader could follow', source: CANDIDATE },
  { id: 'mid-length-sentences', test: { kind: 'sentence-length', min: 16, max: 30 }, note: 'sentences of 16–30 words on average', source: MUNOZ },
  { id: 'assistant-opener', test: { kind: 'pattern', pattern: '^(?:sure|certainly|great question|absolutely|yes|no)[,!.]' }, note: 'opens like an assistant', source: HC3 },
  { id: 'no-digits', test: { kind: 'absent', pattern: '\\d' }, note: 'no numbers: no specifics', source: CANDIDATE },
  { id: 'modal-hedge', test: { kind: 'words', min: 2, words: ['generally', 'typically', 'often', 'potentially', 'likely', 'possibly', 'various', 'certain'] }, note: 'hedging adverbs', source: CANDIDATE },
].map((m) => ({ ...m, label: m.id, lift: 1 }));

if (!datasetsAvailable()) {
  console.error(`datasets not found at ${DATASETS}; set THREADSIFT_DATASETS`);
  process.exit(2);
}

const minWords = llmStyle.defaultOptions.minWords;
const judged = (comments) => comments.filter((c) => tokenize(c.text).length >= minWords);
const sets = {
  grid: judged(gridThreads().flatMap((t) => t.comments)),
  tweepfake: judged(tweepfakeThreads('train').flatMap((t) => t.comments)),
  sfu: judged(sfuThreads().flatMap((t) => t.comments)),
};
const all = [...LLM_STYLE, ...DROPPED];
// Which markers fire on each text, computed once.
const fired = Object.fromEntries(
  Object.entries(sets).map(([name, comments]) => [name, comments.map((c) => new Set(styleMarkers(c.text, all).map((h) => h.marker.id)))]),
);

function share(name, label, id) {
  let hits = 0;
  let n = 0;
  sets[name].forEach((c, i) => {
    if (c.label !== label) return;
    n++;
    if (fired[name][i].has(id)) hits++;
  });
  return { hits, n };
}
const liftOf = (pos, neg) => ((pos.hits + 0.5) / (pos.n + 1)) / ((neg.hits + 0.5) / (neg.n + 1));
const measured = new Map(all.map((m) => [m.id, liftOf(share('grid', true, m.id), share('grid', false, m.id))]));
/** GRiD AUROC of the summed log-lifts of `ids` (the prior is a constant shift and cannot change ranks). */
const gridAuroc = (ids) =>
  auroc(sets.grid.map((c, i) => ({ label: c.label, score: ids.reduce((s, id) => s + (fired.grid[i].has(id) ? Math.log(measured.get(id)) : 0), 0) })));

// Backward elimination: drop the marker whose removal raises (or keeps) the AUROC most, until every
// remaining marker raises it. Correlated markers (several ways of saying "tidy text") thin out this way.
let selected = all.filter((m) => measured.get(m.id) >= 1.2).map((m) => m.id);
/** Below this AUROC gain a marker is noise: 0.0005 is about one pair ranking in 2,000. */
const MIN_GAIN = 0.0005;
const deltaOf = (id, ids) => gridAuroc(ids) - gridAuroc(ids.filter((x) => x !== id));
for (;;) {
  const deltas = selected.map((id) => ({ id, delta: deltaOf(id, selected) })).sort((a, b) => a.delta - b.delta);
  if (!deltas.length || deltas[0].delta >= MIN_GAIN) break;
  selected = selected.filter((id) => id !== deltas[0].id);
}
const base = gridAuroc(selected);
const pct = (s) => `${((100 * s.hits) / Math.max(1, s.n)).toFixed(1)}%`;
const rows = [['marker', 'status', 'stored lift', 'GRiD GPT', 'GRiD human', 'GRiD lift', 'ΔAUROC', 'TweepFake bot', 'TweepFake human', 'TweepFake lift', 'SFU human', 'verdict']];
const problems = [];
for (const m of all) {
  const kept = LLM_STYLE.includes(m);
  const lift = measured.get(m.id);
  const helps = selected.includes(m.id);
  const delta = helps ? deltaOf(m.id, selected) : gridAuroc([...selected, m.id]) - base;
  if (kept && !helps) problems.push(`${m.id} no longer helps`);
  if (!kept && helps) problems.push(`${m.id} now helps: consider keeping it`);
  if (kept && Math.abs(m.lift - lift) > 0.15 * lift) problems.push(`${m.id}: stored lift ${m.lift}, measured ${lift.toFixed(2)}`);
  const tw = [share('tweepfake', true, m.id), share('tweepfake', false, m.id)];
  rows.push([
    m.id, kept ? 'kept' : 'dropped', kept ? m.lift.toFixed(2) : '', pct(share('grid', true, m.id)), pct(share('grid', false, m.id)), lift.toFixed(2),
    `${delta >= 0 ? '+' : ''}${delta.toFixed(4)}`, pct(tw[0]), pct(tw[1]), liftOf(tw[0], tw[1]).toFixed(2),
    pct(share('sfu', false, m.id)), helps ? 'helps' : 'does not help',
  ]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd());
console.log(`\ntexts judged (≥ ${minWords} words): GRiD ${sets.grid.length}, TweepFake train ${sets.tweepfake.length}, SFU ${sets.sfu.length}`);
console.log(`GRiD AUROC (judged texts, summed log-lifts): selected markers ${base.toFixed(4)}; the kept list as stored ${gridAuroc(LLM_STYLE.map((m) => m.id)).toFixed(4)}`);
// The lifts were measured on all of GRiD; this checks they are not fitted to it: lifts from one half of
// the texts (alternate rows) rank the other half.
const halves = [0, 1].map((h) => sets.grid.map((c, i) => ({ c, f: fired.grid[i], i })).filter((x) => x.i % 2 === h));
const halfLift = (rows, id) => liftOf(
  { hits: rows.filter((x) => x.c.label && x.f.has(id)).length, n: rows.filter((x) => x.c.label).length },
  { hits: rows.filter((x) => !x.c.label && x.f.has(id)).length, n: rows.filter((x) => !x.c.label).length },
);
const kept = LLM_STYLE.map((m) => m.id);
const crossed = [0, 1].map((h) => {
  const lifts = new Map(kept.map((id) => [id, halfLift(halves[1 - h], id)]));
  return auroc(halves[h].map((x) => ({ label: x.c.label, score: kept.reduce((s, id) => s + (x.f.has(id) ? Math.log(lifts.get(id)) : 0), 0) })));
});
console.log(`2-fold check (lifts from one half of GRiD, AUROC on the other): ${crossed.map((a) => a.toFixed(4)).join(', ')}`);
if (problems.length) {
  console.error(`src/data/llm-style.ts is stale:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

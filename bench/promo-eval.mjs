#!/usr/bin/env node
/**
 * The promo signal on real data, at the default settings (no --model), each figure beside a length-only
 * baseline where one applies (issue #11: SMS spam, YouTube leave-one-video-out, humans flagged).
 *
 *  - SMS Spam Collection, threads of 25 messages in file order: precision, recall, F1, AUROC, share of
 *    ham flagged. Length baseline: score = character count at its own F1-best threshold (in-sample, a
 *    generous bar).
 *  - YouTube 01–03, leave one video out: promo's weight is the one thing fitted here — chosen from
 *    0.30…1.00 to maximise mean F1 on the other two videos (SFU humans flagged because of promo ≤ 0.5% as a
 *    constraint)
 *    and then reported on the held-out video; the threshold stays DEFAULT_THRESHOLD. The length
 *    baseline's threshold is fitted on the other two videos the same way. The shipped weight's figure is
 *    printed too, and, as a third row, the figure when promo's singleCueCap is fitted on the other two
 *    videos as well (a setting a video site may choose; the shipped cap is the false-positive rule).
 *  - Human sets (SFU news comments, Davidson tweets, SMS ham, the human side of election-tweets): share
 *    flagged, how many of those flags promo causes (unflagged without promo), and which promo entries
 *    those are.
 * Scores for another promo weight are recombined from the report's reasons (noisy-OR of weight × the
 * strongest finding per signal, as src/scoring/combine.ts does), so the signals run once per set.
 * Usage: npm run build && node bench/promo-eval.mjs [--show]   (--show prints the human comments promo flags)
 */
import { analyze } from '../dist/analyze.js';
import { defaultConfig } from '../dist/config.js';
import { auroc, bestF1Threshold, confusionAt, f1, lengthBaseline, precision, recall } from '../dist/eval/metrics.js';
import {
  davidsonThreads,
  electionItems,
  ELECTION_GENERATORS,
  itemThreads,
  requireDatasets,
  sfuThreads,
  shuffled,
  smsThreads,
  youtubeThreads,
} from './datasets.mjs';

requireDatasets();
const show = process.argv.includes('--show');
const config = defaultConfig();
const THRESHOLD = config.threshold;
const PROMO_WEIGHT = config.signals.promo.weight;
const WEIGHTS = Array.from({ length: 15 }, (_, i) => Math.round((0.3 + i / 20) * 100) / 100);
const SHIPPED_CAP = config.signals.promo.options.singleCueCap;
// The single-cue cap is not fitted for the shipped figures (it is the false-positive rule); this grid
// shows what a video site that raised it would get, fitted leave-one-video-out all the same.
const CAPS = [SHIPPED_CAP, 0.4, 0.5, 0.6, 0.7];
const withCap = (cap) => {
  const c = defaultConfig();
  c.signals.promo.options.singleCueCap = cap;
  return c;
};
// Promo's part of the 1.5% human budget: the other signals need the rest.
const MAX_PROMO_SHARE = 0.005;

/** Per comment: label, text, the other signals' kept share (prod of 1 - contribution), promo's strength and entries. */
function measure(threads, cfg = config) {
  const report = analyze(threads, cfg);
  return report.threads.flatMap((t, ti) =>
    t.comments.map((c, ci) => {
      const strongest = new Map();
      for (const r of c.reasons) strongest.set(r.signal, Math.max(strongest.get(r.signal) ?? 0, r.strength));
      let others = 1;
      for (const [signal, s] of strongest) if (signal !== 'promo') others *= 1 - (config.signals[signal]?.weight ?? 0) * s;
      const promo = c.reasons.filter((r) => r.signal === 'promo');
      // One kind of cue and nothing stronger: what the single-cue cap holds down.
      const kinds = new Set();
      let strong = false;
      for (const r of promo) {
        if (r.code === 'PROMO_AUTHOR_REPEAT' || r.args.reference) continue;
        if (r.args.role === 'pattern' || (r.args.marks ?? []).some((m) => m.role === 'pattern')) strong = true;
        else if (r.args.role === 'cue') kinds.add(r.code === 'PROMO_REPEATED_SITE' ? 'campaign' : r.args.kind);
      }
      return {
        label: threads[ti].comments[ci].label,
        text: c.text,
        score: c.score,
        flagged: c.flagged,
        others,
        promo: strongest.get('promo') ?? 0,
        entries: [...new Set(promo.map((r) => r.args.entry ?? r.code))],
        singleCue: !strong && kinds.size === 1,
      };
    }),
  );
}

const round = (x) => Math.round(x * 1000) / 1000;
/** The comment's score with promo at weight `w` (the shipped weight gives the report's own score). */
const scoreAt = (row, w) => (w === PROMO_WEIGHT ? row.score : round(1 - row.others * (1 - w * row.promo)));
const labelled = (rows, w) => rows.map((r) => ({ score: scoreAt(r, w), label: r.label }));

function stats(rows, w = PROMO_WEIGHT, threshold = THRESHOLD) {
  const items = labelled(rows, w);
  const m = confusionAt(items, threshold);
  return { p: precision(m), r: recall(m), f1: f1(m), auroc: auroc(items), humans: m.fp / Math.max(1, m.fp + m.tn), m };
}

function lengthStats(rows, threshold) {
  const items = rows.map((r) => ({ score: r.text.length, label: r.label }));
  const m = confusionAt(items, threshold);
  return { p: precision(m), r: recall(m), f1: f1(m), auroc: auroc(items), humans: m.fp / Math.max(1, m.fp + m.tn) };
}

const n = (x) => (x === null || x === undefined ? '—' : x.toFixed(3));
const pct = (x) => `${(100 * x).toFixed(2)}%`;
const out = [['set', 'precision', 'recall', 'F1', 'AUROC', 'humans flagged']];
const row = (name, s, l) =>
  out.push([
    name,
    `${n(s.p)} (${n(l?.p)})`,
    `${n(s.r)} (${n(l?.r)})`,
    `${n(s.f1)} (${n(l?.f1)})`,
    `${n(s.auroc)} (${n(l?.auroc)})`,
    `${pct(s.humans)} (${l ? pct(l.humans) : '—'})`,
  ]);

console.error('running the signals over each set…');

// SMS spam.
const sms = measure(smsThreads());
const smsLength = lengthBaseline(sms.map((r) => ({ text: r.text, label: r.label })));
row('sms-spam (25 a thread, file order)', stats(sms), {
  p: smsLength.precision,
  r: smsLength.recall,
  f1: smsLength.f1,
  auroc: smsLength.auroc,
  humans: smsLength.confusion.fp / (smsLength.confusion.fp + smsLength.confusion.tn),
});

// YouTube, leave one video out.
const youtubeByCap = new Map(CAPS.map((cap) => [cap, youtubeThreads().map((t) => ({ id: t.id, rows: measure([t], withCap(cap)) }))]));
const sfuByCap = new Map(CAPS.map((cap) => [cap, measure(sfuThreads(), withCap(cap))]));
const youtube = youtubeByCap.get(SHIPPED_CAP);
const SFU = sfuByCap.get(SHIPPED_CAP);
/** Humans flagged that would not be without promo: promo's part of the false positives. */
const causedShare = (rows, w) => rows.filter((r) => !r.label && scoreAt(r, w) >= THRESHOLD && round(1 - r.others) < THRESHOLD).length / rows.length;

/**
 * The promo weight (and, when `caps` has more than one, the single-cue cap) that maximises mean F1 on
 * the videos other than `heldId`, with SFU humans flagged because of promo at most MAX_PROMO_SHARE.
 * Ties go to the shipped settings, then to the smaller values (less promo, fewer human flags).
 */
function fit(heldId, caps) {
  let best;
  for (const cap of caps) {
    const rest = youtubeByCap.get(cap).filter((v) => v.id !== heldId);
    for (const w of WEIGHTS) {
      if (causedShare(sfuByCap.get(cap), w) > MAX_PROMO_SHARE) continue;
      const value = rest.reduce((a, v) => a + stats(v.rows, w).f1, 0) / rest.length;
      const shipped = w === PROMO_WEIGHT && cap === SHIPPED_CAP;
      if (!best || value > best.value + 1e-12 || (Math.abs(value - best.value) <= 1e-12 && shipped)) best = { w, cap, value };
    }
  }
  return best;
}

const lovo = [];
for (const held of youtube) {
  const rest = youtube.filter((v) => v !== held);
  const best = fit(held.id, [SHIPPED_CAP]);
  const restItems = rest.flatMap((v) => v.rows.map((r) => ({ score: r.text.length, label: r.label })));
  const lengthThreshold = bestF1Threshold(restItems).threshold;
  const fitted = stats(held.rows, best.w);
  const open = fit(held.id, CAPS);
  const opened = stats(youtubeByCap.get(open.cap).find((v) => v.id === held.id).rows, open.w);
  lovo.push({ id: held.id, w: best.w, fitted, opened, open });
  row(`${held.id} LOVO (promo weight ${best.w.toFixed(2)} fitted on the other two)`, fitted, lengthStats(held.rows, lengthThreshold));
  row(`${held.id} shipped defaults (promo weight ${PROMO_WEIGHT})`, stats(held.rows), undefined);
  row(`${held.id} LOVO, singleCueCap fitted too (${open.cap}, weight ${open.w.toFixed(2)}; not shipped)`, opened, undefined);
}

// Human sets.
const electionHuman = (() => {
  const seen = new Set();
  const items = [];
  for (const g of Object.keys(ELECTION_GENERATORS)) {
    for (const item of electionItems(g, { machine: false })) {
      if (seen.has(item.text)) continue;
      seen.add(item.text);
      items.push(item);
    }
  }
  return measure(itemThreads(shuffled(items, 7), 'election-human'));
})();
const humanSets = {
  'sfu-ctc (news comments)': SFU,
  'davidson-tweets': measure(davidsonThreads()),
  'sms-spam ham': sms.filter((r) => !r.label),
  'election-tweets human (3 files, deduplicated)': electionHuman,
};
for (const [name, rows] of Object.entries(humanSets)) row(name, stats(rows), undefined);

const widths = out[0].map((_, i) => Math.max(...out.map((r) => r[i].length)));
console.log(`promo weight ${PROMO_WEIGHT}, threshold ${THRESHOLD}; in brackets: the length-only baseline (SMS: its in-sample F1-best threshold; YouTube: its threshold fitted on the other two videos)\n`);
for (const r of out) console.log(r.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd());

console.log('\nYouTube leave-one-video-out F1: ' + lovo.map((v) => `${v.id} ${n(v.fitted.f1)}`).join(', '));
console.log('  with singleCueCap fitted as well (one cue may then flag; not the shipped rule): ' + lovo.map((v) => `${v.id} ${n(v.opened.f1)}`).join(', '));
for (const v of youtube) {
  // What the one-cue rule costs here: spam whose only promo evidence is one kind of cue, capped.
  const capped = v.rows.filter((r) => r.label && !r.flagged && r.singleCue).length;
  const spam = v.rows.filter((r) => r.label).length;
  console.log(`  ${v.id}: ${capped} of ${spam} spam comments missed whose only promo evidence is one kind of cue (one link, handle or call to action)`);
}

console.log('\nHumans flagged, and what promo has to do with it (caused = not flagged without promo):');
for (const [name, rows] of Object.entries(humanSets)) {
  const flagged = rows.filter((r) => r.flagged);
  const withPromo = flagged.filter((r) => r.promo > 0);
  const caused = withPromo.filter((r) => round(1 - r.others) < THRESHOLD);
  const tally = new Map();
  for (const r of caused) for (const e of r.entries) tally.set(e, (tally.get(e) ?? 0) + 1);
  const entries = [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([e, k]) => `${e} ×${k}`).join(', ');
  console.log(`  ${name}: ${flagged.length} of ${rows.length} flagged (${pct(flagged.length / rows.length)}); promo in ${withPromo.length}, caused by promo ${caused.length} (${pct(caused.length / rows.length)})${entries ? `: ${entries}` : ''}`);
  if (show) for (const r of caused) console.log(`      ${r.score} [${r.entries.join(', ')}] ${JSON.stringify(r.text.slice(0, 160))}`);
}

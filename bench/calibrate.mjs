#!/usr/bin/env node
/**
 * Calibration of the default signal weights and threshold on the development data, cross-validated.
 *
 * Procedure (deterministic; re-run after any change to a signal):
 *  1. Run every default signal once over each development set and keep, per comment, the strongest
 *     finding of each signal. Scoring is noisy-OR of weight × strength (src/scoring/combine.ts), so any
 *     weights can then be scored without re-running the signals.
 *  2. Fitted: the weights of near-duplicate, boilerplate, echo-reply, promo and llm-style, each in
 *     0.30, 0.35, …, 1 (calibration tunes signals, it does not switch them off: a set where a signal
 *     cannot show its use would otherwise zero it), and the threshold in 0.45, 0.46, …, 0.70.
 *     ungrounded and agenda-drift compare comments with the article, and no development set has
 *     article text, so their weights stay as set (the seed thread is their check); the threshold stays
 *     at 0.45 or more so that neither of them (weight 0.35) flags a comment on its own, unmeasured.
 *  3. Objective on the fit sets: mean F1 at the threshold over the sets with bots (each YouTube video,
 *     GRiD) + mean AUROC over those and TweepFake train. Constraints: SFU human comments flagged ≤ 2.5%
 *     (the acceptance says 3%; the margin absorbs unseen articles), the seed thread 16/16 flagged, and
 *     a campaign of three or more exact copies flags on near-duplicate alone (its weight ≥ threshold):
 *     the development sets hold few copy campaigns, and what the tool was made for must not be traded
 *     for their score.
 *  4. Search: coordinate ascent from the current defaults — each weight in turn set to the value (with
 *     its best threshold) that most raises the objective — until a full pass changes nothing.
 *  5. Cross-validation: leave one YouTube video out (fit on the other two + GRiD + TweepFake train + SFU +
 *     seed; report the held-out video), and GRiD 2-fold by thread parity (fit on one half + YouTube; report
 *     the other half). TweepFake validation is never fitted on: its AUROC is reported.
 *  6. Final fit on all development data; the figures are then re-measured through the real pipeline
 *     (evaluate) with those weights. Copy them into the signals' `weight` and DEFAULT_THRESHOLD.
 * Usage: npm run build && node bench/calibrate.mjs
 */
import { analyze } from '../dist/analyze.js';
import { defaultConfig } from '../dist/config.js';
import { evaluate } from '../dist/eval/evaluate.js';
import { auroc, confusionAt, f1 } from '../dist/eval/metrics.js';
import { gridThreads, requireDatasets, seedThreads, sfuThreads, tweepfakeThreads, youtubeThreads } from './datasets.mjs';

const FITTED = ['near-duplicate', 'boilerplate', 'echo-reply', 'promo', 'llm-style'];
const WEIGHT_STEPS = Array.from({ length: 15 }, (_, i) => Math.round((0.3 + i / 20) * 100) / 100);
const THRESHOLDS = Array.from({ length: 26 }, (_, i) => Math.round((0.45 + i / 100) * 100) / 100);
const MAX_SFU_SHARE = 0.025;

requireDatasets();
const seed = await seedThreads();

const base = defaultConfig();
const signalIds = Object.keys(base.signals).filter((id) => base.signals[id].enabled);

/** Per comment: label and the strongest finding of each enabled signal, in signalIds order. */
function strengths(threads) {
  const report = analyze(threads, base);
  return report.threads.flatMap((t, ti) =>
    t.comments.map((c, ci) => {
      const s = new Float64Array(signalIds.length);
      for (const r of c.reasons) {
        const k = signalIds.indexOf(r.signal);
        if (k >= 0) s[k] = Math.max(s[k], r.strength);
      }
      return { label: threads[ti].comments[ci].label, s };
    }),
  );
}

console.error('measuring signal strengths on the development sets…');
const youtube = youtubeThreads();
const grid = gridThreads();
const sets = {
  ...Object.fromEntries(youtube.map((t) => [t.id, strengths([t])])),
  'grid-odd': strengths(grid.filter((_, i) => i % 2 === 0)),
  'grid-even': strengths(grid.filter((_, i) => i % 2 === 1)),
  'tweepfake-train': strengths(tweepfakeThreads('train')),
  sfu: strengths(sfuThreads()),
  seed: strengths(seed),
};

function scores(rows, weights) {
  const w = signalIds.map((id) => weights[id] ?? base.signals[id].weight);
  return rows.map(({ label, s }) => {
    let keep = 1;
    for (let k = 0; k < w.length; k++) keep *= 1 - w[k] * s[k];
    return { label, score: Math.round((1 - keep) * 1000) / 1000 };
  });
}

/** Best threshold and objective for `weights` on the fit sets; null when no threshold meets the constraints. */
function objective(weights, fit) {
  const scored = Object.fromEntries([...fit.f1, ...fit.auroc, 'sfu', 'seed'].map((k) => [k, scores(sets[k], weights)]));
  const meanAuroc = fit.auroc.reduce((a, k) => a + auroc(scored[k]), 0) / fit.auroc.length;
  let best = null;
  for (const t of THRESHOLDS) {
    if (scored.seed.some((x) => x.score < t)) continue;
    // A campaign of three or more exact copies (near-duplicate strength 1) must flag on its own.
    if ((weights['near-duplicate'] ?? base.signals['near-duplicate'].weight) < t) continue;
    const sfu = confusionAt(scored.sfu, t);
    if (sfu.fp / scored.sfu.length > MAX_SFU_SHARE) continue;
    const meanF1 = fit.f1.reduce((a, k) => a + f1(confusionAt(scored[k], t)), 0) / fit.f1.length;
    const value = meanF1 + meanAuroc;
    if (!best || value > best.value + 1e-12) best = { value, threshold: t };
  }
  return best;
}

function fit(fitSets) {
  let weights = Object.fromEntries(FITTED.map((id) => [id, base.signals[id].weight]));
  let best = objective(weights, fitSets) ?? { value: -Infinity, threshold: base.threshold };
  for (let pass = 0; pass < 20; pass++) {
    let changed = false;
    for (const id of FITTED) {
      for (const v of WEIGHT_STEPS) {
        const trial = { ...weights, [id]: v };
        const result = objective(trial, fitSets);
        if (result && result.value > best.value + 1e-9) {
          best = result;
          weights = trial;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return { weights, threshold: best.threshold, value: best.value };
}

function figuresOn(key, weights, threshold) {
  const scored = scores(sets[key], weights);
  const m = confusionAt(scored, threshold);
  const precision = m.tp + m.fp ? m.tp / (m.tp + m.fp) : 0;
  const recall = m.tp + m.fn ? m.tp / (m.tp + m.fn) : 0;
  return { precision, recall, f1: f1(m), auroc: auroc(scored), flagged: (m.tp + m.fp) / scored.length };
}

const fmt = (x) => (x === null || x === undefined ? 'n/a' : x.toFixed(3));
const weightText = (w) => FITTED.map((id) => `${id} ${w[id].toFixed(2)}`).join(', ');
const table = (rows) => {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows) console.log(r.map((x, i) => String(x).padEnd(widths[i])).join('  ').trimEnd());
};

const ytIds = youtube.map((t) => t.id);
const allGrid = ['grid-odd', 'grid-even'];
console.log('Cross-validation (fit on the other sets, report the held-out one)\n');
const cvRows = [['held out', 'threshold', 'weights fitted without it', 'P', 'R', 'F1', 'AUROC']];
for (const held of ytIds) {
  const others = ytIds.filter((x) => x !== held);
  const result = fit({ f1: [...others, ...allGrid], auroc: [...others, ...allGrid, 'tweepfake-train'] });
  const f = figuresOn(held, result.weights, result.threshold);
  cvRows.push([held, result.threshold, weightText(result.weights), fmt(f.precision), fmt(f.recall), fmt(f.f1), fmt(f.auroc)]);
}
for (const held of allGrid) {
  const other = allGrid.filter((x) => x !== held);
  const result = fit({ f1: [...ytIds, ...other], auroc: [...ytIds, ...other, 'tweepfake-train'] });
  const f = figuresOn(held, result.weights, result.threshold);
  cvRows.push([held, result.threshold, weightText(result.weights), fmt(f.precision), fmt(f.recall), fmt(f.f1), fmt(f.auroc)]);
}
table(cvRows);

const final = fit({ f1: [...ytIds, ...allGrid], auroc: [...ytIds, ...allGrid, 'tweepfake-train'] });
console.log(`\nFinal fit on all development data: threshold ${final.threshold}; ${weightText(final.weights)}`);
const current = FITTED.every((id) => base.signals[id].weight === final.weights[id]) && base.threshold === final.threshold;
console.log(current ? 'These are the current defaults.' : 'Differs from the current defaults: set the weights in src/signals/*.ts and DEFAULT_THRESHOLD in src/config.ts.');

console.log('\nIn-sample figures of the final fit, measured through the pipeline (evaluate), beside the length baseline\n');
const config = defaultConfig();
config.threshold = final.threshold;
for (const id of FITTED) config.signals[id].weight = final.weights[id];
const check = [
  ...youtube.map((t) => [t.id, [t]]),
  ['GRiD', grid],
  ['TweepFake validation (not fitted)', tweepfakeThreads('validation')],
  ['SFU (human only)', sfuThreads()],
  ['seed (bot only)', seed],
];
const rows = [['set', 'P', 'R', 'F1', 'AUROC', 'flagged', 'baseline F1', 'baseline AUROC']];
for (const [name, threads] of check) {
  const r = evaluate(threads, config, { ablation: false });
  const t = r.threadsift;
  const flagged = (t.confusion.tp + t.confusion.fp) / r.counts.labelled;
  rows.push([name, fmt(t.precision), fmt(t.recall), fmt(t.f1), fmt(t.auroc), `${(100 * flagged).toFixed(1)}%`, fmt(r.baseline.f1), fmt(r.baseline.auroc)]);
}
table(rows);

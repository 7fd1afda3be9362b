#!/usr/bin/env node
/**
 * Regression floor: the detector's figures on the development sets at the default settings, each
 * against a floor set a little under what was measured when the defaults were calibrated
 * (bench/calibrate.mjs). A change that makes the detector worse fails here before it lands.
 * Usage: npm run eval   (= npm run build && node bench/eval-floor.mjs)
 * Exits 1 when a figure is below its floor (or a share above its ceiling), 2 when the datasets are missing.
 */
import { defaultConfig } from '../dist/config.js';
import { evaluate } from '../dist/eval/evaluate.js';
import { loadModel } from '../dist/model/load.js';
import { trainModel } from '../dist/model/model.js';
import { requireDatasets, seedThreads, youtubeThreads } from './datasets.mjs';
import { defaultTable, losoTable } from './harness.mjs';

requireDatasets();
const seed = await seedThreads();

/** [check, measured, floor, 'min' | 'max']: 'max' floors are ceilings (a share that must stay low). */
const checks = [];
const check = (name, measured, floor, kind = 'min') => checks.push({ name, measured, floor, kind });
const run = (threads, config = defaultConfig()) => evaluate(threads, config, { ablation: false });

const youtube = youtubeThreads();
// Model-free F1 floors follow promo's false-positive rule (issue #11): one link, handle or call to
// action alone no longer flags a comment, and a fifth of these videos' spam is nothing more (see
// bench/promo-eval.mjs). They were 0.93 / 0.9 / 0.9 when a bare link flagged; the kinds of spam that
// are two cues or a known pattern (a call to subscribe to a handle, sub requests, a channel to check out,
// first-person work beside a call to action, affiliate and ad-click links) lifted them back part of the way.
const FLOORS = {
  'Youtube01-Psy': { f1: 0.9, auroc: 0.97, model: 0.95 },
  'Youtube02-KatyPerry': { f1: 0.82, auroc: 0.96, model: 0.94 },
  'Youtube03-LMFAO': { f1: 0.90, auroc: 0.96, model: 0.94 },
};
for (const thread of youtube) {
  const r = run([thread]).threadsift;
  check(`${thread.id} F1 (model-free defaults)`, r.f1, FLOORS[thread.id].f1);
  check(`${thread.id} AUROC (model-free defaults)`, r.auroc, FLOORS[thread.id].auroc);
  // Trained on the other two videos, applied alone (model signal only, at the model's threshold).
  const model = loadModel(trainModel(youtube.filter((t) => t !== thread), defaultConfig()), 'leave-one-out');
  const config = defaultConfig();
  for (const id of Object.keys(config.signals)) config.signals[id].enabled = id === 'model';
  config.signals.model.options.model = model;
  config.threshold = model.file.threshold;
  check(`${thread.id} F1 (model trained on the other two)`, run([thread], config).threadsift.f1, FLOORS[thread.id].model);
}
// The shipped default on every labelled set, plain and with election-tweets' artefacts neutralised
// (bench/harness.mjs); election and Davidson figures on rows the detector was not fitted on.
const plain = defaultTable();
const neutral = defaultTable({ neutral: true });
const DEFAULT_FLOORS = {
  'election gpt4o (held-out rows)': 0.88,
  'election llama3 (held-out rows)': 0.85,
  'election gemini (held-out rows)': 0.85,
  'election, all generators (held-out rows)': 0.87,
  'GRiD (held-out rows)': 0.95,
  'GRiD (all rows)': 0.95,
  'TweepFake validation': 0.42,
};
plain.forEach((row, i) => {
  if (DEFAULT_FLOORS[row.name] !== undefined) {
    check(`${row.name} AUROC (shipped default)`, row.auroc, DEFAULT_FLOORS[row.name]);
    check(`${row.name} AUROC drop with artefacts neutralised`, row.auroc - neutral[i].auroc, 0.05, 'max');
  }
  if (row.name === 'SMS spam vs ham') check('SMS spam F1 (shipped default, 25 a thread)', row.f1, 0.87);
  // The acceptance's human sets (a mixed set's human side, per generator, is a few hundred texts: noise).
  if (row.kind === 'human' || row.name === 'SMS spam vs ham') check(`${row.name}: humans flagged (share)`, row.humansFlagged, 0.015, 'max');
});
// The detector's recipe on machine-text sources it was not fitted on.
const LOSO_FLOORS = [
  ['election gpt4o, fitted on the other two generators', 0.9],
  ['election llama3, fitted on the other two generators', 0.88],
  ['election gemini, fitted on the other two generators', 0.9],
  ['TweepFake validation, fitted on TweepFake train', 0.75],
];
const loso = losoTable();
for (const [name, floor] of LOSO_FLOORS) check(`${name} (detector AUROC)`, loso.find((r) => r.name === name).auroc, floor);
const seedFigures = run(seed).threadsift.confusion;
check('seed thread flagged (of 16)', seedFigures.tp, 16);

let failed = 0;
const rows = [['figure', 'measured', 'floor', '']];
for (const c of checks) {
  const ok = c.kind === 'min' ? c.measured >= c.floor : c.measured <= c.floor;
  if (!ok) failed++;
  rows.push([c.name, Number.isInteger(c.measured) ? String(c.measured) : c.measured.toFixed(3), `${c.kind === 'min' ? '≥' : '≤'} ${c.floor}`, ok ? 'ok' : 'BELOW FLOOR']);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd());
if (failed) {
  console.error(`\n${failed} figure(s) below the floor: the change makes the detector worse on the development sets`);
  process.exit(1);
}

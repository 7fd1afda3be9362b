#!/usr/bin/env node
/**
 * Why the machine-text detector does not transfer between genres: for each named style measurement, the
 * AUROC of that measurement alone (machine vs human) on each labelled machine-text source, beside the
 * direction fixed for it (+1 may only raise the machine score, -1 only lower it, 0 either). A measurement
 * whose sources fall on opposite sides of 0.5 means one thing in one genre and the opposite in another;
 * one whose AUROC contradicts its fixed sign cannot help on that source. Rows are texts of 8 words or more,
 * as the detector judges them.
 * Usage: npm run build && node bench/feature-directions.mjs
 */
import { measure, STYLE_FEATURES } from '../dist/detector/features.js';
import { auroc } from '../dist/eval/metrics.js';
import { ELECTION_GENERATORS, electionItems, gridItems, requireDatasets, tweepfakeItems } from './datasets.mjs';

requireDatasets();
const MIN_WORDS = 8;
const sources = {
  GRiD: gridItems(),
  election: Object.keys(ELECTION_GENERATORS).flatMap((g) => electionItems(g)),
  'TweepFake val': tweepfakeItems('validation'),
};
const measured = Object.fromEntries(
  Object.entries(sources).map(([name, items]) => [name, items.map((x) => ({ m: measure(x.text), label: x.label })).filter((t) => t.m.words >= MIN_WORDS)]),
);
const names = Object.keys(sources);
console.log(`AUROC of each measurement alone (texts: ${names.map((n) => `${n} ${measured[n].length}`).join(', ')})`);
console.log('"against sign": the source ranks machine texts the way the fixed sign forbids (by more than 0.1)');
console.log('"opposite": two sources fall on opposite sides of 0.5, each by more than 0.1\n');
console.log(['measurement'.padEnd(28), 'sign', ...names.map((n) => n.padStart(13)), '  note'].join(' '));
let opposite = 0;
const table = STYLE_FEATURES.map((f, i) => names.map((n) => auroc(measured[n].map((t) => ({ score: t.m.style[i], label: t.label })))));
STYLE_FEATURES.forEach((f, i) => {
  const a = table[i];
  const against = names.filter((_, k) => (f.sign > 0 && a[k] < 0.4) || (f.sign < 0 && a[k] > 0.6));
  const flips = a.some((x) => x > 0.6) && a.some((x) => x < 0.4);
  if (flips) opposite++;
  const note = [flips ? 'opposite' : '', against.length ? `against sign on ${against.join(', ')}` : ''].filter(Boolean).join('; ');
  console.log([f.id.padEnd(28), String(f.sign).padStart(4), ...a.map((x) => x.toFixed(2).padStart(13)), ' ', note].join(' '));
});
console.log(`\n${opposite} of ${STYLE_FEATURES.length} measurements point opposite ways in two sources.`);
// What one source's detector would need from another: its strong measurements, and how they do elsewhere.
names.forEach((n, k) => {
  const strong = STYLE_FEATURES.map((f, i) => ({ f, a: table[i] })).filter(({ a }) => Math.abs(a[k] - 0.5) >= 0.2);
  if (!strong.length) return console.log(`${n}: no measurement reaches 0.30 or 0.70 alone.`);
  const elsewhere = names.map((m, j) => (j === k ? '' : `${m} ${Math.min(...strong.map(({ a }) => Math.abs(a[j] - 0.5))).toFixed(2)}–${Math.max(...strong.map(({ a }) => Math.abs(a[j] - 0.5))).toFixed(2)}`)).filter(Boolean);
  console.log(`${n}: ${strong.length} measurements reach 0.30 or 0.70 alone (${strong.map(({ f }) => f.id).join(', ')}); their distance from 0.5 elsewhere: ${elsewhere.join(', ')}`);
});

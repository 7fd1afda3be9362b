#!/usr/bin/env node
/**
 * Fits the shipped machine-text detector and writes data/machine-text.json. Deterministic: the same data
 * gives the same file. What it is fitted on, and why, is in docs/machine-text-detector.md (the model card).
 *   - election-tweets (MIT): human tweets and their GPT-4o, Llama 3 and Gemini 1.5 rewrites — short social text;
 *   - GRiD (no licence stated; only fitted weights are shipped, no text): GPT-3.5 and human Reddit answers —
 *     long-form text, without which the detector does not transfer to that genre (see the model card);
 *   - Davidson et al. tweets (MIT), human only: the informal register (slang, profanity, shouting) that the
 *     machine sources' human sides hardly have.
 * Rows whose index is a multiple of 5 are held out (isReportRow) for the figures printed here and in the
 * harness. Usage: npm run build && node bench/fit-detector.mjs [--check]
 * --check fits again and exits 1 when the result differs from the committed file (a stale model).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadDetector } from '../dist/detector/model.js';
import { DETECTOR_RECIPE, fitDetector, measureTexts } from '../dist/detector/train.js';
import { auroc } from '../dist/eval/metrics.js';
import { davidsonItems, ELECTION_GENERATORS, electionItems, gridItems, isReportRow, requireDatasets } from './datasets.mjs';

requireDatasets();
const OUT = new URL('../data/machine-text.json', import.meta.url);
const LICENCES = {
  'davidson-tweets': 'MIT (t-davidson/hate-speech-and-offensive-language); human tweets only',
  'election-tweets': 'MIT (angelayejinyi/AI-political-tweet-classifier)',
  'grid-reddit-gpt': 'none stated (madlab-ucr/GriD; Reddit texts and GPT-3.5 output); only fitted weights are shipped',
};
const sources = {
  'election-tweets': Object.keys(ELECTION_GENERATORS).flatMap((g) => electionItems(g)),
  'grid-reddit-gpt': gridItems(),
  'davidson-tweets': davidsonItems().map((x, row) => ({ ...x, row })),
};
const fitTexts = [];
const held = {};
for (const [group, items] of Object.entries(sources)) {
  fitTexts.push(...items.filter((x) => !isReportRow(x)).map((x) => ({ text: x.text, label: x.label, group })));
  held[group] = measureTexts(items.filter(isReportRow).map((x) => ({ text: x.text, label: x.label, group })));
}
const file = fitDetector(measureTexts(fitTexts), DETECTOR_RECIPE);
file.trainedOn = file.trainedOn.map((t) => ({ ...t, licence: LICENCES[t.source] }));
file.training.split = 'rows whose index in their file is not a multiple of 5 (the others are held out)';
const detector = loadDetector(file, 'fitted');
for (const [group, texts] of Object.entries(held)) {
  const judged = texts.filter((t) => t.measured.words >= file.minWords);
  const scored = judged.map((t) => ({ score: detector.predictMeasured(t.measured).probability, label: t.label }));
  const a = auroc(scored);
  const over = (p) => (100 * scored.filter((x) => !x.label && x.score >= p).length) / scored.filter((x) => !x.label).length;
  console.log(`${group}: held-out AUROC ${a === null ? '—' : a.toFixed(3)}; humans at p ≥ 0.5 / 0.9: ${over(0.5).toFixed(1)}% / ${over(0.9).toFixed(1)}% (${judged.length} texts of ${file.minWords}+ words)`);
}
const text = `${JSON.stringify(file, null, 1)}\n`;
if (process.argv.includes('--check')) {
  if (readFileSync(OUT, 'utf8') !== text) {
    console.error('data/machine-text.json differs from a fresh fit: run node bench/fit-detector.mjs and commit it');
    process.exit(1);
  }
  console.log('data/machine-text.json matches a fresh fit');
} else {
  writeFileSync(OUT, text);
  console.log(`wrote data/machine-text.json: ${file.style.length} style weights, ${Object.keys(file.words).length} word weights`);
}

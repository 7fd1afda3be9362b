#!/usr/bin/env node
/**
 * The generalisation harness, printed: (1) the machine-text detector's recipe fitted without the source it
 * is reported on (leave-one-source-out and cross-domain), (2) the shipped default on every labelled set;
 * each figure beside a length-only baseline, once on the texts as published and once with
 * election-tweets' artefacts (wrapping quotes, hashtags, leading @mentions) neutralised in every text.
 * Usage: npm run build && node bench/generalization.mjs [--loso-only | --default-only]
 */
import { defaultTable, fmt, losoTable, pct, printTable } from './harness.mjs';
import { requireDatasets } from './datasets.mjs';

requireDatasets();
const only = process.argv.find((a) => a.endsWith('-only'));
if (only !== '--default-only') {
  console.log('Detector fitted without the source it is reported on (AUROC of its probability)\n');
  const plain = losoTable();
  const neutral = losoTable({ neutral: true });
  const rows = [['held out', 'texts', 'AUROC', 'length', 'Δ vs length', 'neutralised AUROC', 'drop']];
  plain.forEach((r, i) => rows.push([r.name, r.texts, fmt(r.auroc), fmt(r.length), fmt(r.auroc - r.length), fmt(neutral[i].auroc), fmt(r.auroc - neutral[i].auroc)]));
  printTable(rows);
  console.log();
}
if (only !== '--loso-only') {
  console.log('Shipped default (no --model), threads of 25 comments: AUROC of the comment score, F1 at the threshold, humans flagged\n');
  const plain = defaultTable();
  const neutral = defaultTable({ neutral: true });
  const rows = [['set', 'comments', 'AUROC', 'length', 'P', 'R', 'F1', 'humans flagged', 'neutralised AUROC', 'drop', 'neutralised humans flagged']];
  plain.forEach((r, i) => {
    const n = neutral[i];
    const both = r.kind === 'both';
    rows.push([r.name, r.comments, fmt(r.auroc), fmt(r.length), both ? fmt(r.precision) : '—', both ? fmt(r.recall) : '—', both ? fmt(r.f1) : '—', pct(r.humansFlagged), fmt(n.auroc), r.auroc === null ? '—' : fmt(r.auroc - n.auroc), pct(n.humansFlagged)]);
  });
  printTable(rows);
}

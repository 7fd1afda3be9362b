#!/usr/bin/env node
/**
 * Accuracy on real data at the default settings (issue #2 acceptance):
 *   - SFU CTC human news comments, grouped by article: share flagged (false positives), must be ≤ 5%.
 *   - YouTube spam, one thread per video: precision and recall of flagged vs spam.
 * Usage: npm run build && node bench/eval-datasets.mjs [--max-sfu-share 0.05]
 * Exits 1 when the SFU share exceeds the floor given with --max-sfu-share.
 */
import { analyze } from '../dist/analyze.js';
import { defaultConfig } from '../dist/config.js';
import { datasetsAvailable, DATASETS, sfuThreads, youtubeThreads } from './datasets.mjs';

if (!datasetsAvailable()) {
  console.error(`datasets not found at ${DATASETS}; set THREADSIFT_DATASETS`);
  process.exit(2);
}
const argMax = process.argv.indexOf('--max-sfu-share');
const maxShare = argMax > 0 ? Number(process.argv[argMax + 1]) : undefined;
const showFp = process.argv.includes('--show');

const config = defaultConfig();
const sfu = analyze(sfuThreads(), config);
const sfuFlagged = sfu.summary.flagged;
console.log(`SFU CTC (human news comments): ${sfu.summary.threads} threads, ${sfu.summary.comments} comments, ${sfuFlagged} flagged = ${(100 * sfu.summary.botShare).toFixed(2)}%`);
if (showFp) {
  for (const t of sfu.threads) for (const c of t.comments) if (c.flagged) console.log(`  FP ${c.score} ${c.reasons.slice(0, 2).map((r) => r.code).join(',')} ${JSON.stringify(c.text.slice(0, 110))}`);
}

const yt = youtubeThreads();
const ytReport = analyze(yt, config);
let tp = 0, fp = 0, fn = 0, tn = 0;
for (let t = 0; t < yt.length; t++) {
  let ttp = 0, tfp = 0, tfn = 0;
  yt[t].comments.forEach((c, i) => {
    const flagged = ytReport.threads[t].comments[i].flagged;
    if (flagged && c.label) ttp++;
    else if (flagged) tfp++;
    else if (c.label) tfn++;
    else tn++;
  });
  tp += ttp; fp += tfp; fn += tfn;
  const p = ttp / Math.max(1, ttp + tfp), r = ttp / Math.max(1, ttp + tfn);
  console.log(`YouTube ${yt[t].id}: precision ${p.toFixed(3)} recall ${r.toFixed(3)} F1 ${(2 * p * r / Math.max(1e-9, p + r)).toFixed(3)} (flagged ${ttp + tfp} of ${yt[t].comments.length})`);
}
const P = tp / Math.max(1, tp + fp), R = tp / Math.max(1, tp + fn);
console.log(`YouTube all: precision ${P.toFixed(3)} recall ${R.toFixed(3)} F1 ${(2 * P * R / Math.max(1e-9, P + R)).toFixed(3)} accuracy ${((tp + tn) / (tp + tn + fp + fn)).toFixed(3)}`);
if (maxShare !== undefined && sfu.summary.botShare > maxShare) {
  console.error(`FAIL: SFU flagged share ${sfu.summary.botShare} exceeds ${maxShare}`);
  process.exit(1);
}

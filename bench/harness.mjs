/**
 * The generalisation harness: how the machine-text detector does on machine-text sources it was not
 * fitted on, and how the shipped default does on every labelled set, each figure beside a length-only
 * baseline measured on the same texts. Used by bench/generalization.mjs (prints the tables) and
 * bench/eval-floor.mjs (checks them against floors in CI). Needs dist/ (npm run build).
 */
import { analyze } from '../dist/analyze.js';
import { defaultConfig } from '../dist/config.js';
import { loadDetector } from '../dist/detector/model.js';
import { DETECTOR_RECIPE, fitDetector, measureTexts } from '../dist/detector/train.js';
import { auroc, confusionAt, f1 } from '../dist/eval/metrics.js';
import {
  davidsonItems,
  electionItems,
  ELECTION_GENERATORS,
  gridItems,
  isReportRow,
  itemThreads,
  neutralizeArtifacts,
  sfuThreads,
  shuffled,
  smsItems,
  tweepfakeItems,
} from './datasets.mjs';

const GENERATORS = Object.keys(ELECTION_GENERATORS);

/** Every labelled machine-text source as items; `neutral` neutralises election-tweets' artefacts in all of them. */
export function machineSources({ neutral = false } = {}) {
  const fix = neutral ? (items) => items.map((x) => ({ ...x, text: neutralizeArtifacts(x.text) })).filter((x) => x.text) : (x) => x;
  const out = {};
  for (const g of GENERATORS) out[`election-${g}`] = fix(electionItems(g));
  out.grid = fix(gridItems());
  out['tweepfake-train'] = fix(tweepfakeItems('train'));
  out['tweepfake-validation'] = fix(tweepfakeItems('validation'));
  return out;
}

/** The leave-one-source-out runs: [name, sources fitted on, sources reported on]. */
export const LOSO_RUNS = [
  ...GENERATORS.map((g) => [`election ${g}, fitted on the other two generators`, GENERATORS.filter((x) => x !== g).map((x) => `election-${x}`), [`election-${g}`]]),
  ['GRiD, fitted without GRiD (election + TweepFake train)', [...GENERATORS.map((g) => `election-${g}`), 'tweepfake-train'], ['grid']],
  ['TweepFake validation, fitted on TweepFake train', ['tweepfake-train'], ['tweepfake-validation']],
  ['TweepFake validation, fitted without TweepFake (election + GRiD)', [...GENERATORS.map((g) => `election-${g}`), 'grid'], ['tweepfake-validation']],
  ['cross-domain: election, fitted on GRiD', ['grid'], GENERATORS.map((g) => `election-${g}`)],
  ['cross-domain: TweepFake validation, fitted on GRiD', ['grid'], ['tweepfake-validation']],
];

const judgedOnly = (texts, minWords) => texts.filter((t) => t.measured.words >= minWords);

/** AUROC of the detector recipe fitted on some sources and applied to others; beside it, length. */
export function losoTable({ neutral = false } = {}) {
  const sources = machineSources({ neutral });
  const measured = {};
  const group = (k) => (k.startsWith('election') ? 'election-tweets' : k);
  for (const [k, items] of Object.entries(sources)) measured[k] = measureTexts(items.map((x) => ({ text: x.text, label: x.label, group: group(k) })));
  return LOSO_RUNS.map(([name, fit, report]) => {
    const file = fitDetector(fit.flatMap((k) => measured[k]), DETECTOR_RECIPE);
    const detector = loadDetector(file, 'harness');
    const texts = judgedOnly(report.flatMap((k) => measured[k]), file.minWords);
    return {
      name,
      texts: texts.length,
      auroc: auroc(texts.map((t) => ({ score: detector.predictMeasured(t.measured).probability, label: t.label }))),
      length: auroc(texts.map((t) => ({ score: t.text.length, label: t.label }))),
    };
  });
}

/** Figures of the default pipeline on labelled threads: AUROC, F1 at the threshold, share of humans flagged. */
function pipelineFigures(threads, config) {
  const report = analyze(threads, config);
  const scored = [];
  const flags = [];
  threads.forEach((t, ti) =>
    t.comments.forEach((c, ci) => {
      const r = report.threads[ti].comments[ci];
      scored.push({ score: r.score, label: c.label, length: c.text.length });
      flags.push({ score: r.flagged ? 1 : 0, label: c.label });
    }),
  );
  const m = confusionAt(flags, 1);
  const humans = m.fp + m.tn;
  const hasBoth = m.tp + m.fn > 0 && humans > 0;
  return {
    comments: scored.length,
    auroc: hasBoth ? auroc(scored) : null,
    length: hasBoth ? auroc(scored.map((s) => ({ score: s.length, label: s.label }))) : null,
    precision: m.tp + m.fp ? m.tp / (m.tp + m.fp) : 0,
    recall: m.tp + m.fn ? m.tp / (m.tp + m.fn) : 0,
    f1: f1(m),
    humansFlagged: humans ? m.fp / humans : null,
  };
}

/** The sets the shipped default is measured on, as [name, threads, kind]; kind 'human' sets report the share flagged. */
export function defaultSets({ neutral = false } = {}) {
  const fix = (items) => (neutral ? items.map((x) => ({ ...x, text: neutralizeArtifacts(x.text) })).filter((x) => x.text) : items);
  const threads = (items, source) => itemThreads(shuffled(fix(items), 7), source);
  const grid = gridItems();
  const sets = [];
  for (const g of GENERATORS) {
    const items = electionItems(g);
    sets.push([`election ${g} (held-out rows)`, threads(items.filter(isReportRow), `election-${g}-heldout`), 'both']);
  }
  const allElection = GENERATORS.flatMap((g) => electionItems(g));
  sets.push(['election, all generators (held-out rows)', threads(allElection.filter(isReportRow), 'election-heldout'), 'both']);
  sets.push(['election, all generators (all rows)', threads(allElection, 'election'), 'both']);
  sets.push(['GRiD (held-out rows)', threads(grid.filter(isReportRow), 'grid-heldout'), 'both']);
  sets.push(['GRiD (all rows)', threads(grid, 'grid'), 'both']);
  sets.push(['TweepFake validation', threads(tweepfakeItems('validation'), 'tweepfake-validation'), 'both']);
  sets.push(['SMS spam vs ham', itemThreads(fix(smsItems()), 'sms-spam'), 'both']);
  sets.push(['election human tweets', threads(allElection.filter((x) => !x.label), 'election-human'), 'human']);
  sets.push(['Davidson tweets (human)', itemThreads(fix(davidsonItems()), 'davidson'), 'human']);
  sets.push(['SFU news comments (human)', sfuThreads(), 'human']);
  return sets;
}

/** The shipped default (no --model) on every labelled set. */
export function defaultTable({ neutral = false, config = defaultConfig() } = {}) {
  return defaultSets({ neutral }).map(([name, threads, kind]) => ({ name, kind, ...pipelineFigures(threads, config) }));
}

export const fmt = (x) => (x === null || x === undefined ? '—' : x.toFixed(3));
export const pct = (x) => (x === null || x === undefined ? '—' : `${(100 * x).toFixed(1)}%`);

/** Print rows as an aligned table. */
export function printTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows) console.log(r.map((x, i) => String(x).padEnd(widths[i])).join('  ').trimEnd());
}

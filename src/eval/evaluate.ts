/**
 * Accuracy of the detector on labelled threads: the figures at the configured threshold, the same
 * figures for a length-only baseline computed from the same comments, and a per-signal ablation. Pure:
 * the caller reads the inputs and prints the result.
 */
import { analyze } from '../analyze.js';
import type { Config } from '../config.js';
import type { Thread } from '../types.js';
import { accuracy, confusionAt, f1, figures, lengthBaseline, precision, recall, type Figures, type LabelledScore } from './metrics.js';

/** Options of {@link evaluate}. */
export interface EvalOptions {
  /** Re-run the analysis with each enabled signal turned off (one extra run per signal). Default true. */
  ablation?: boolean;
}

/** The detector's figures with one signal turned off. */
export interface AblationRow {
  signal: string;
  figures: Figures;
  /** Change against the full detector: negative means the signal helps. */
  delta: { f1: number; auroc: number | null };
}

/** Everything `threadsift eval` reports. Versioned: scripts read the JSON form. */
export interface EvalResult {
  kind: 'threadsift-eval';
  schemaVersion: 1;
  threshold: number;
  /** Ids of the signals that were enabled. */
  signals: string[];
  /** Enabled signals that found nothing in these threads: they have no ablation row. */
  silent: string[];
  counts: {
    threads: number;
    comments: number;
    /** Comments with a label; only these are scored. */
    labelled: number;
    /** Comments without a label: analysed as context, left out of every figure. */
    unlabelled: number;
    positives: number;
    negatives: number;
  };
  threadsift: Figures;
  /** Score = comment length; see lengthBaseline. */
  baseline: Figures;
  ablation: AblationRow[];
}

interface Run {
  figures: Figures;
  /** Signals with at least one finding on any comment. */
  active: Set<string>;
}

/**
 * One analysis scored against the labels. Figures at the threshold, except that the confusion matrix
 * counts the report's own `flagged` (which also honours allowAuthors), so `eval` agrees with what a
 * scan of the same input shows.
 */
function run(threads: Thread[], config: Config): Run {
  const report = analyze(threads, config);
  const scores: LabelledScore[] = [];
  const flags: LabelledScore[] = [];
  const active = new Set<string>();
  threads.forEach((thread, t) => {
    thread.comments.forEach((comment, i) => {
      const scored = report.threads[t]!.comments[i]!;
      for (const r of scored.reasons) active.add(r.signal);
      if (comment.label === undefined) return;
      scores.push({ score: scored.score, label: comment.label });
      flags.push({ score: scored.flagged ? 1 : 0, label: comment.label });
    });
  });
  const confusion = confusionAt(flags, 1);
  return {
    figures: {
      ...figures(scores, config.threshold),
      confusion,
      precision: precision(confusion),
      recall: recall(confusion),
      f1: f1(confusion),
      accuracy: accuracy(confusion),
    },
    active,
  };
}

/**
 * Evaluate the detector with `config` on labelled threads (`comment.label`, true = bot/spam).
 * Unlabelled comments stay in their threads as context and are counted, not scored.
 */
export function evaluate(threads: Thread[], config: Config, options: EvalOptions = {}): EvalResult {
  const labelled = threads.flatMap((t) => t.comments.filter((c) => c.label !== undefined));
  const comments = threads.reduce((n, t) => n + t.comments.length, 0);
  const positives = labelled.filter((c) => c.label).length;
  const { figures: full, active } = run(threads, config);
  const enabled = Object.entries(config.signals).filter(([, s]) => s.enabled).map(([id]) => id);
  const ablation: AblationRow[] = [];
  if (options.ablation ?? true) {
    for (const id of enabled.filter((x) => active.has(x))) {
      // A shallow copy: signal options may hold live objects (a loaded model) that cannot be cloned.
      const without: Config = { ...config, signals: { ...config.signals, [id]: { ...config.signals[id]!, enabled: false } } };
      const f = run(threads, without).figures;
      ablation.push({
        signal: id,
        figures: f,
        delta: { f1: f.f1 - full.f1, auroc: f.auroc === null || full.auroc === null ? null : f.auroc - full.auroc },
      });
    }
  }
  return {
    kind: 'threadsift-eval',
    schemaVersion: 1,
    threshold: config.threshold,
    signals: enabled,
    silent: enabled.filter((x) => !active.has(x)),
    counts: {
      threads: threads.length,
      comments,
      labelled: labelled.length,
      unlabelled: comments - labelled.length,
      positives,
      negatives: labelled.length - positives,
    },
    threadsift: full,
    baseline: lengthBaseline(labelled.map((c) => ({ text: c.text, label: c.label! }))),
    ablation,
  };
}

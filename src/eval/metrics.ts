/**
 * Detection metrics over labelled scores. Pure: no I/O, no knowledge of signals. Positives are bot/spam
 * comments; a comment is predicted positive when its score is at least the threshold (the same rule
 * scoring uses for `flagged`).
 */

/** One labelled prediction. */
export interface LabelledScore {
  score: number;
  /** true = bot/spam. */
  label: boolean;
}

/** Counts at one threshold. */
export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Every figure `eval` reports for one scorer. */
export interface Figures {
  threshold: number;
  confusion: Confusion;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  /** Area under the ROC curve; null when one class is absent (it is undefined then). */
  auroc: number | null;
  /** The threshold that maximises F1 on these same items (in-sample) and the F1 it reaches. */
  best: { threshold: number; f1: number };
}

/** Counts of predicted/actual classes with predicted = score ≥ threshold. */
export function confusionAt(items: readonly LabelledScore[], threshold: number): Confusion {
  const m: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const { score, label } of items) {
    if (score >= threshold) {
      if (label) m.tp++;
      else m.fp++;
    } else if (label) m.fn++;
    else m.tn++;
  }
  return m;
}

/** tp / (tp + fp); 0 when nothing is predicted positive (no flag is never a wrong flag, but scores no hit). */
export const precision = (m: Confusion): number => (m.tp + m.fp === 0 ? 0 : m.tp / (m.tp + m.fp));

/** tp / (tp + fn); 0 when there are no positives. */
export const recall = (m: Confusion): number => (m.tp + m.fn === 0 ? 0 : m.tp / (m.tp + m.fn));

/** Harmonic mean of precision and recall, as 2tp / (2tp + fp + fn); 0 when tp is 0. */
export const f1 = (m: Confusion): number => (m.tp === 0 ? 0 : (2 * m.tp) / (2 * m.tp + m.fp + m.fn));

/** Share of items classified correctly; 0 for no items. */
export const accuracy = (m: Confusion): number => {
  const n = m.tp + m.fp + m.tn + m.fn;
  return n === 0 ? 0 : (m.tp + m.tn) / n;
};

/**
 * AUROC as the Mann–Whitney statistic: the probability that a random positive scores above a random
 * negative, a tie counting one half. Computed from mid-ranks, so it is exact with ties and O(n log n).
 */
export function auroc(items: readonly LabelledScore[]): number | null {
  const positives = items.filter((x) => x.label).length;
  const negatives = items.length - positives;
  if (positives === 0 || negatives === 0) return null;
  const sorted = [...items].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++;
    // Ranks i+1..j share the mean rank.
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (sorted[k]!.label) rankSum += midRank;
    i = j;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * The threshold with the highest F1 among the distinct scores (each tried as "score ≥ t"); the highest
 * such threshold wins a tie (fewer flags for the same F1), so the answer is deterministic. F1 0 at
 * threshold 1 when no threshold finds a positive.
 */
export function bestF1Threshold(items: readonly LabelledScore[]): { threshold: number; f1: number } {
  const positives = items.filter((x) => x.label).length;
  const sorted = [...items].sort((a, b) => b.score - a.score);
  let best = { threshold: 1, f1: 0 };
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < sorted.length; ) {
    const t = sorted[i]!.score;
    while (i < sorted.length && sorted[i]!.score === t) {
      if (sorted[i]!.label) tp++;
      else fp++;
      i++;
    }
    const value = tp === 0 ? 0 : (2 * tp) / (tp + fp + positives);
    if (value > best.f1) best = { threshold: t, f1: value };
  }
  return best;
}

/** All figures for one scorer at one threshold. */
export function figures(items: readonly LabelledScore[], threshold: number): Figures {
  const confusion = confusionAt(items, threshold);
  return {
    threshold,
    confusion,
    precision: precision(confusion),
    recall: recall(confusion),
    f1: f1(confusion),
    accuracy: accuracy(confusion),
    auroc: auroc(items),
    best: bestF1Threshold(items),
  };
}

/**
 * The trivial bar every detector must clear: score = comment length in characters, divided by one more
 * than the longest comment, so it lies in [0, 1) and threshold 1 flags nothing. It has no natural
 * threshold, so its threshold figures are taken at its own F1-best threshold — an in-sample, generous
 * bar (with no positives that threshold is 1: nothing flagged).
 */
export function lengthBaseline(items: ReadonlyArray<{ text: string; label: boolean }>): Figures {
  const scale = items.reduce((m, x) => Math.max(m, x.text.length), 0) + 1;
  const scored = items.map((x) => ({ score: x.text.length / scale, label: x.label }));
  return figures(scored, bestF1Threshold(scored).threshold);
}

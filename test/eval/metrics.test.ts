import { describe, expect, it } from 'vitest';
import { accuracy, auroc, bestF1Threshold, confusionAt, f1, figures, lengthBaseline, precision, recall } from '../../src/eval/metrics.js';

const items = (pairs: Array<[number, boolean]>) => pairs.map(([score, label]) => ({ score, label }));

describe('metrics', () => {
  it('counts a confusion matrix with score ≥ threshold as positive', () => {
    const m = confusionAt(items([[0.9, true], [0.5, true], [0.49, true], [0.5, false], [0.1, false]]), 0.5);
    expect(m).toEqual({ tp: 2, fp: 1, tn: 1, fn: 1 });
    expect(precision(m)).toBeCloseTo(2 / 3, 12);
    expect(recall(m)).toBeCloseTo(2 / 3, 12);
    expect(f1(m)).toBeCloseTo(2 / 3, 12);
    expect(accuracy(m)).toBeCloseTo(3 / 5, 12);
  });

  it('gives 0, not NaN, when a ratio is undefined', () => {
    const none = { tp: 0, fp: 0, tn: 0, fn: 0 };
    expect([precision(none), recall(none), f1(none), accuracy(none)]).toEqual([0, 0, 0, 0]);
  });

  it.each([
    { name: 'perfect ranking', pairs: [[0.9, true], [0.8, true], [0.2, false], [0.1, false]], expected: 1 },
    { name: 'inverted ranking', pairs: [[0.1, true], [0.9, false]], expected: 0 },
    { name: 'all tied', pairs: [[0.5, true], [0.5, false], [0.5, false]], expected: 0.5 },
    // Pairs: (0.8 vs 0.5) win, (0.8 vs 0.2) win, (0.5 vs 0.5) tie ½, (0.5 vs 0.2) win: 3.5 / 4.
    { name: 'a tie counts one half', pairs: [[0.8, true], [0.5, true], [0.5, false], [0.2, false]], expected: 3.5 / 4 },
  ] as Array<{ name: string; pairs: Array<[number, boolean]>; expected: number }>)('AUROC: $name', ({ pairs, expected }) => {
    expect(auroc(items(pairs))).toBeCloseTo(expected, 12);
  });

  it('AUROC is null when a class is missing', () => {
    expect(auroc(items([[0.3, false], [0.4, false]]))).toBeNull();
  });

  it('finds the F1-maximising threshold, the highest one on a tie', () => {
    // ≥0.9: F1 2/4; ≥0.7: 4/5 (tp 2, fp 0, fn 1); ≥0.4: 4/6; ≥0.3: 6/7 (tp 3, fp 1).
    expect(bestF1Threshold(items([[0.9, true], [0.7, true], [0.4, false], [0.3, true]]))).toEqual({ threshold: 0.3, f1: 6 / 7 });
    // ≥0.8 and ≥0.5 both give F1 2/3: the higher threshold wins.
    expect(bestF1Threshold(items([[0.8, true], [0.5, true], [0.5, false], [0.2, true], [0.2, false], [0.2, false]])).threshold).toBe(0.5);
    expect(bestF1Threshold(items([[0.8, false]]))).toEqual({ threshold: 1, f1: 0 });
  });

  it('figures() bundles every figure at one threshold', () => {
    const f = figures(items([[0.9, true], [0.2, false]]), 0.5);
    expect(f).toMatchObject({ threshold: 0.5, confusion: { tp: 1, fp: 0, tn: 1, fn: 0 }, precision: 1, recall: 1, f1: 1, accuracy: 1, auroc: 1 });
  });

  it('length baseline: longer = more bot-like, at its own best threshold; flags nothing with no positives', () => {
    const b = lengthBaseline([
      { text: 'x'.repeat(30), label: true },
      { text: 'x'.repeat(20), label: false },
      { text: 'x'.repeat(10), label: false },
    ]);
    expect(b.auroc).toBe(1);
    expect(b.threshold).toBeCloseTo(30 / 31, 12);
    expect(b.confusion).toEqual({ tp: 1, fp: 0, tn: 2, fn: 0 });
    const humans = lengthBaseline([{ text: 'abc', label: false }]);
    expect(humans.confusion).toEqual({ tp: 0, fp: 0, tn: 1, fn: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { fitLogistic, predictRow, sigmoid } from '../../src/util/logistic.js';

describe('logistic regression', () => {
  it('sigmoid is finite and symmetric at the extremes', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(2) + sigmoid(-2)).toBeCloseTo(1, 15);
  });

  // Feature 0 marks positives, feature 1 negatives, feature 2 is noise present in both.
  const rows = [
    { indices: [0, 2], values: [1, 1] },
    { indices: [0], values: [1] },
    { indices: [0, 2], values: [1, 1] },
    { indices: [1, 2], values: [1, 1] },
    { indices: [1], values: [1] },
    { indices: [1, 2], values: [1, 1] },
  ];
  const labels = [true, true, true, false, false, false];

  it('learns the sign of each feature and separates the classes', () => {
    const fit = fitLogistic(rows, labels, 3, { l2: 0.01, iterations: 300 });
    expect(fit.weights[0]).toBeGreaterThan(1);
    expect(fit.weights[1]).toBeLessThan(-1);
    expect(Math.abs(fit.weights[2]!)).toBeLessThan(0.5);
    for (let i = 0; i < rows.length; i++) expect(predictRow(rows[i]!, fit.weights, fit.bias) > 0.5).toBe(labels[i]);
    expect(fit.loss).toBeLessThan(0.3);
  });

  it('a stronger L2 penalty shrinks the weights', () => {
    const loose = fitLogistic(rows, labels, 3, { l2: 0.01, iterations: 300 });
    const tight = fitLogistic(rows, labels, 3, { l2: 1, iterations: 300 });
    expect(Math.abs(tight.weights[0]!)).toBeLessThan(Math.abs(loose.weights[0]!));
  });

  it('is deterministic', () => {
    const a = fitLogistic(rows, labels, 3, { l2: 0.1, iterations: 50 });
    const b = fitLogistic(rows, labels, 3, { l2: 0.1, iterations: 50 });
    expect([...a.weights, a.bias]).toEqual([...b.weights, b.bias]);
  });
});

/**
 * L2-regularised logistic regression on sparse rows, fitted by full-batch gradient descent with
 * Nesterov momentum: no randomness, so the same data always gives the same weights.
 */

/** A sparse row: feature indices (ascending, distinct) and their values. */
export interface SparseRow {
  indices: number[];
  values: number[];
}

/** Fitting settings. */
export interface LogisticOptions {
  /** Strength of the L2 penalty (λ in mean log-loss + λ/2·‖w‖²); the bias is not penalised. */
  l2: number;
  /** Gradient steps. */
  iterations: number;
  /** Weight of each row in the loss (default 1 each); the loss is their weighted mean. */
  rowWeights?: ArrayLike<number>;
  /** Per feature, a factor on the L2 penalty (default 1 each). */
  penalty?: ArrayLike<number>;
  /** Per feature, the largest weight allowed (default unbounded): 0 makes a feature count only against. */
  upper?: ArrayLike<number>;
  /** Per feature, the smallest weight allowed (default unbounded): 0 makes a feature count only for. */
  lower?: ArrayLike<number>;
  /**
   * "nesterov" (default): accelerated gradient steps of one size for all features. "adam": a step size
   * per feature, from its own gradient history (Kingma & Ba 2015) — for features on very different
   * scales, such as a few dense measurements beside thousands of rare words, which one step size would
   * leave barely moved. Both are deterministic.
   */
  method?: 'nesterov' | 'adam';
  /** Adam's step size. Default 0.05. */
  learningRate?: number;
}

/** A fitted model: one weight per feature and a bias. */
export interface LogisticFit {
  weights: Float64Array;
  bias: number;
  /** Mean log-loss on the training rows at the end (without the penalty). */
  loss: number;
}

/** The logistic function, written to stay finite for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function margin(row: SparseRow, w: ArrayLike<number>, b: number): number {
  let z = b;
  for (let k = 0; k < row.indices.length; k++) z += w[row.indices[k]!]! * row.values[k]!;
  return z;
}

/** Fit weights for `rows` (labels true = 1) over `featureCount` features. */
export function fitLogistic(rows: readonly SparseRow[], labels: readonly boolean[], featureCount: number, options: LogisticOptions): LogisticFit {
  const n = rows.length;
  const rowWeight = (i: number) => (options.rowWeights ? options.rowWeights[i]! : 1);
  let totalWeight = 0;
  for (let i = 0; i < n; i++) totalWeight += rowWeight(i);
  const penalty = (j: number) => (options.penalty ? options.penalty[j]! : 1);
  let maxPenalty = 1;
  if (options.penalty) for (let j = 0; j < featureCount; j++) maxPenalty = Math.max(maxPenalty, penalty(j));
  const upper = (j: number) => (options.upper ? options.upper[j]! : Number.POSITIVE_INFINITY);
  const lower = (j: number) => (options.lower ? options.lower[j]! : Number.NEGATIVE_INFINITY);
  // Step 1/L with L a Lipschitz constant of the gradient: ¼·max‖x‖² (bias included; a weighted mean of
  // rows is no larger) + λ × the largest penalty factor.
  let maxNorm = 0;
  for (const row of rows) maxNorm = Math.max(maxNorm, 1 + row.values.reduce((s, v) => s + v * v, 0));
  const step = 1 / (0.25 * maxNorm + options.l2 * maxPenalty);
  const gradient = (w: Float64Array, b: number, grad: Float64Array): number => {
    grad.fill(0);
    let gradB = 0;
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      const err = ((sigmoid(margin(row, w, b)) - (labels[i] ? 1 : 0)) * rowWeight(i)) / totalWeight;
      gradB += err;
      for (let k = 0; k < row.indices.length; k++) grad[row.indices[k]!]! += err * row.values[k]!;
    }
    for (let j = 0; j < featureCount; j++) grad[j]! += options.l2 * penalty(j) * w[j]!;
    return gradB;
  };
  const bound = (j: number, x: number) => Math.max(lower(j), Math.min(upper(j), x));
  if (options.method === 'adam') {
    const rate = options.learningRate ?? 0.05;
    const w = new Float64Array(featureCount);
    const m = new Float64Array(featureCount + 1);
    const v = new Float64Array(featureCount + 1);
    const grad = new Float64Array(featureCount);
    let b = 0;
    const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
    for (let t = 1; t <= options.iterations; t++) {
      const gradB = gradient(w, b, grad);
      const c1 = 1 - beta1 ** t;
      const c2 = 1 - beta2 ** t;
      for (let j = 0; j <= featureCount; j++) {
        const g = j === featureCount ? gradB : grad[j]!;
        m[j] = beta1 * m[j]! + (1 - beta1) * g;
        v[j] = beta2 * v[j]! + (1 - beta2) * g * g;
        const delta = (rate * (m[j]! / c1)) / (Math.sqrt(v[j]! / c2) + eps);
        if (j === featureCount) b -= delta;
        else w[j] = bound(j, w[j]! - delta);
      }
    }
    return { weights: w, bias: b, loss: meanLoss(rows, labels, rowWeight, totalWeight, w, b) };
  }
  let w = new Float64Array(featureCount);
  let b = 0;
  let prevW = new Float64Array(featureCount);
  let prevB = 0;
  const look = new Float64Array(featureCount);
  const grad = new Float64Array(featureCount);
  for (let t = 1; t <= options.iterations; t++) {
    // Nesterov: evaluate the gradient at the extrapolated point.
    const momentum = (t - 1) / (t + 2);
    for (let j = 0; j < featureCount; j++) look[j] = w[j]! + momentum * (w[j]! - prevW[j]!);
    const lookB = b + momentum * (b - prevB);
    const gradB = gradient(look, lookB, grad);
    const next = new Float64Array(featureCount);
    // A projected step: a weight past its bound is set back onto it.
    for (let j = 0; j < featureCount; j++) next[j] = bound(j, look[j]! - step * grad[j]!);
    prevW = w;
    prevB = b;
    w = next;
    b = lookB - step * gradB;
  }
  return { weights: w, bias: b, loss: meanLoss(rows, labels, rowWeight, totalWeight, w, b) };
}

function meanLoss(rows: readonly SparseRow[], labels: readonly boolean[], rowWeight: (i: number) => number, total: number, w: Float64Array, b: number): number {
  let loss = 0;
  for (let i = 0; i < rows.length; i++) {
    const p = predictRow(rows[i]!, w, b);
    loss -= rowWeight(i) * Math.log(Math.max(1e-12, labels[i] ? p : 1 - p));
  }
  return rows.length ? loss / total : 0;
}

/** Probability of the positive class for one row. */
export function predictRow(row: SparseRow, weights: ArrayLike<number>, bias: number): number {
  return sigmoid(margin(row, weights, bias));
}

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
  // Step 1/L with L the Lipschitz constant of the gradient: ¼·max‖x‖² (bias included) + λ.
  let maxNorm = 0;
  for (const row of rows) maxNorm = Math.max(maxNorm, 1 + row.values.reduce((s, v) => s + v * v, 0));
  const step = 1 / (0.25 * maxNorm + options.l2);
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
    grad.fill(0);
    let gradB = 0;
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      const err = (sigmoid(margin(row, look, lookB)) - (labels[i] ? 1 : 0)) / n;
      gradB += err;
      for (let k = 0; k < row.indices.length; k++) grad[row.indices[k]!]! += err * row.values[k]!;
    }
    const next = new Float64Array(featureCount);
    for (let j = 0; j < featureCount; j++) next[j] = look[j]! - step * (grad[j]! + options.l2 * look[j]!);
    prevW = w;
    prevB = b;
    w = next;
    b = lookB - step * gradB;
  }
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const p = predictRow(rows[i]!, w, b);
    loss -= Math.log(Math.max(1e-12, labels[i] ? p : 1 - p));
  }
  return { weights: w, bias: b, loss: n ? loss / n : 0 };
}

/** Probability of the positive class for one row. */
export function predictRow(row: SparseRow, weights: ArrayLike<number>, bias: number): number {
  return sigmoid(margin(row, weights, bias));
}

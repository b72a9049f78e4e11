/**
 * The weighted feature-similarity kernel of Jiao & Tao's Geographical GP Regression (2025, published ESDA
 * code): k(x, x') = sum_j P_j exp(-(x_j - x'_j)^2 / (2 s_j^2)) / sum_j P_j over the feature columns,
 * k(x, x) = 1. The weights P_j are the hyperparameters (log P_j in theta); the scales s_j are fixed
 * (1 on standardised columns, as the published code's s_j = var(column) gives there).
 *
 * Gradient: dK/dlog P_j = P_j (E_j - S) / sum P, E_j the j-th Gaussian similarity, S = K.
 */
import { FillMode, Kernel, ParamSpec, put, Rows } from "./kernel";

class SimilarityKernel implements Kernel {
  readonly params: readonly ParamSpec[];
  private readonly cols: Int32Array;
  private readonly inv2s2: Float64Array;
  constructor(columns: readonly number[], names: readonly string[], s: readonly number[], bounds: readonly [number, number]) {
    this.cols = Int32Array.from(columns);
    this.inv2s2 = Float64Array.from(s, (x) => 1 / (2 * x * x));
    this.params = names.map((name) => ({ name, thetaName: `log_${name}`, init: 1, bounds }));
  }
  describe(v: ArrayLike<number>): string {
    return `Similarity(P=[${Array.from(v).join(", ")}])`;
  }
  private value(X: Rows, i: number, Y: Rows, j: number, v: Float64Array, total: number): number {
    const xo = i * X.d;
    const yo = j * Y.d;
    let s = 0;
    for (let k = 0; k < this.cols.length; k++) {
      const t = X.data[xo + this.cols[k]] - Y.data[yo + this.cols[k]];
      s += v[k] * Math.exp(-t * t * this.inv2s2[k]);
    }
    return s / total;
  }
  fill(X: Rows, Y: Rows | null, v: Float64Array, out: Float64Array, mode: FillMode): void {
    let total = 0;
    for (let k = 0; k < v.length; k++) total += v[k];
    const Z = Y ?? X;
    const m = Z.n;
    for (let i = 0; i < X.n; i++) {
      if (!Y) {
        put(out, i * m + i, 1, mode);
        for (let j = 0; j < i; j++) {
          const k = this.value(X, i, X, j, v, total);
          put(out, i * m + j, k, mode);
          put(out, j * m + i, k, mode);
        }
      } else {
        for (let j = 0; j < m; j++) put(out, i * m + j, this.value(X, i, Y, j, v, total), mode);
      }
    }
  }
  diag(X: Rows, _v: Float64Array, out: Float64Array, mode: FillMode): void {
    for (let i = 0; i < X.n; i++) put(out, i, 1, mode);
  }
  gradDot(X: Rows, W: Float64Array, v: Float64Array, g: Float64Array): void {
    let total = 0;
    for (let k = 0; k < v.length; k++) total += v[k];
    const n = X.n;
    const p = this.cols.length;
    const e = new Float64Array(p);
    const acc = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const xo = i * X.d;
      for (let j = 0; j < i; j++) {
        const w = W[i * n + j] + W[j * n + i];
        const yo = j * X.d;
        let s = 0;
        for (let k = 0; k < p; k++) {
          const t = X.data[xo + this.cols[k]] - X.data[yo + this.cols[k]];
          e[k] = Math.exp(-t * t * this.inv2s2[k]);
          s += v[k] * e[k];
        }
        s /= total;
        for (let k = 0; k < p; k++) acc[k] += w * (e[k] - s);
      }
    }
    // The diagonal: E_j = S = 1, no contribution.
    for (let k = 0; k < p; k++) g[k] += (acc[k] * v[k]) / total;
  }
}

/** The Jiao-Tao similarity kernel on `columns` with weights named `names` and fixed scales s (default 1). */
export function similarityKernel(columns: readonly number[], names: readonly string[], s?: readonly number[], bounds: readonly [number, number] = [1e-5, 1e5]): Kernel {
  return new SimilarityKernel(columns, names, s ?? columns.map(() => 1), bounds);
}

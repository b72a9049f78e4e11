/**
 * Descriptive statistics for the papers' "Table 2": N, mean, SD (n - 1 denominator), min, max per
 * variable; Pearson correlations; variance inflation factors of a regressor set.
 *
 * Samples: "pairwise" = each variable over its own non-missing rows ("all rows" in the reference
 * case); "listwise" = rows where every listed variable is present (the estimation sample when the
 * list is the model's variables). Means use a two-pass correction, SDs the centred sum of squares.
 *
 * Shapes: k columns of length n; correlation and VIF results are k x k / length k in column order.
 */
import { CholeskyDecomposition, Matrix } from "ml-matrix";
import { InputError } from "../frame";
import { householderQR, qrLeastSquares } from "../linalg/qr";

/**
 * The first exact collinearity among centred columns (pivoted QR, the linear model's 1e-10 rank rule):
 * "x3 = 1 x x1 + 1 x x2" naming only the columns of the dependent set, or null when they have full rank.
 */
function collinearSet(columns: readonly ArrayLike<number>[], names: readonly string[], rows: Int32Array): string | null {
  const n = rows.length;
  const k = columns.length;
  const Z = new Float64Array(n * k);
  columns.forEach((c, j) => {
    const mean = summarize(c, rows).mean;
    for (let p = 0; p < n; p++) Z[p + j * n] = c[rows[p]] - mean;
  });
  const f = householderQR(Z, n, k, { tol: 1e-10 });
  if (f.dropped.length === 0) return null;
  const j = f.dropped[0];
  const target = Z.subarray(j * n, (j + 1) * n);
  const { coef } = qrLeastSquares(f, Z, target, "plain", 1);
  const norm = (v: Float64Array) => {
    let ss = 0;
    for (let i = 0; i < v.length; i++) ss += v[i] * v[i];
    return Math.sqrt(ss);
  };
  const tn = norm(target);
  const parts = Array.from(f.kept, (c, i) => ({ name: names[c], coef: coef[i], share: Math.abs(coef[i]) * norm(Z.subarray(c * n, (c + 1) * n)) / tn }))
    .filter((t) => t.share > 1e-8)
    .map((t) => `${Number(t.coef.toPrecision(6))} x ${t.name}`);
  return `${names[j]} = ${parts.join(" + ")}`;
}

export interface Summary {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

export type DescribeSample = "pairwise" | "listwise";
export const DESCRIBE_SAMPLES: readonly DescribeSample[] = ["pairwise", "listwise"];

export function validateDescribeSample(s: string): DescribeSample {
  const v = s.trim().toLowerCase();
  if ((DESCRIBE_SAMPLES as readonly string[]).includes(v)) return v as DescribeSample;
  throw new InputError(`Unknown sample "${s}". Allowed: ${DESCRIBE_SAMPLES.join(", ")}.`);
}

/** N, mean, sd (n - 1), min, max of x over `rows` (default all rows), NaN ignored. */
export function summarize(x: ArrayLike<number>, rows?: ArrayLike<number>): Summary {
  const m = rows ? rows.length : x.length;
  const at = rows ? (p: number) => x[rows[p]] : (p: number) => x[p];
  let n = 0;
  let s = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let p = 0; p < m; p++) {
    const v = at(p);
    if (v !== v) continue;
    n++;
    s += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) return { n: 0, mean: NaN, sd: NaN, min: NaN, max: NaN };
  let mean = s / n;
  let c = 0;
  let ss = 0;
  for (let p = 0; p < m; p++) {
    const v = at(p);
    if (v !== v) continue;
    const dv = v - mean;
    c += dv;
    ss += dv * dv;
  }
  // Corrected two-pass (Chan, Golub, LeVeque): removes the rounding error of the first mean.
  const sd = n > 1 ? Math.sqrt((ss - (c * c) / n) / (n - 1)) : NaN;
  mean += c / n;
  return { n, mean, sd, min, max };
}

/** Rows (ascending) where every column is non-missing. */
export function completeRows(columns: readonly ArrayLike<number>[]): Int32Array {
  if (columns.length === 0) return new Int32Array(0);
  const n = columns[0].length;
  const keep: number[] = [];
  outer: for (let i = 0; i < n; i++) {
    for (const c of columns) if (Number.isNaN(c[i])) continue outer;
    keep.push(i);
  }
  return Int32Array.from(keep);
}

export interface DescribeResult {
  readonly names: readonly string[];
  readonly sample: DescribeSample;
  readonly stats: readonly Summary[];
  /** Rows in the listwise sample (listwise only; NaN for pairwise). */
  readonly nListwise: number;
}

export function describeColumns(
  columns: readonly ArrayLike<number>[],
  names: readonly string[],
  sample: DescribeSample = "pairwise",
): DescribeResult {
  if (columns.length !== names.length) throw new InputError(`Got ${columns.length} columns but ${names.length} names.`);
  const rows = sample === "listwise" ? completeRows(columns) : undefined;
  return {
    names,
    sample,
    stats: columns.map((c) => summarize(c, rows)),
    nListwise: rows ? rows.length : NaN,
  };
}

/** Centred cross-product matrix (k x k) of the columns over rows. */
function centredCrossProducts(columns: readonly ArrayLike<number>[], rows: Int32Array): Matrix {
  const k = columns.length;
  const z = columns.map((c) => {
    const mean = summarize(c, rows).mean;
    return Float64Array.from(rows, (i) => c[i] - mean);
  });
  const S = new Matrix(k, k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      const za = z[a];
      const zb = z[b];
      for (let p = 0; p < za.length; p++) s += za[p] * zb[p];
      S.set(a, b, s);
      S.set(b, a, s);
    }
  }
  return S;
}

/** Pearson correlations over the listwise-complete rows of the columns. Row-major k x k. */
export function correlationMatrix(columns: readonly ArrayLike<number>[]): { readonly r: Float64Array; readonly n: number } {
  const rows = completeRows(columns);
  const k = columns.length;
  const S = centredCrossProducts(columns, rows);
  const r = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) r[a * k + b] = S.get(a, b) / Math.sqrt(S.get(a, a) * S.get(b, b));
  }
  return { r, n: rows.length };
}

/**
 * Variance inflation factors VIF_j = 1 / (1 - R2_j), R2_j from the OLS of regressor j on the others
 * and an intercept (car::vif, Stata estat vif), over the listwise-complete rows. Computed as the
 * diagonal of the inverse correlation matrix, which equals 1 / (1 - R2_j) exactly.
 */
export function varianceInflation(columns: readonly ArrayLike<number>[], names: readonly string[]): { readonly vif: Float64Array; readonly n: number } {
  const k = columns.length;
  if (k < 2) throw new InputError("VIFs need at least two regressors.");
  const rows = completeRows(columns);
  const S = centredCrossProducts(columns, rows);
  const R = new Matrix(k, k);
  for (let a = 0; a < k; a++) {
    if (!(S.get(a, a) > 0)) throw new InputError(`Regressor "${names[a]}" is constant in the sample, so its VIF is undefined.`);
    for (let b = 0; b < k; b++) R.set(a, b, S.get(a, b) / Math.sqrt(S.get(a, a) * S.get(b, b)));
  }
  const dependent = collinearSet(columns, names, rows);
  const chol = dependent === null ? new CholeskyDecomposition(R) : null;
  if (!chol || !chol.isPositiveDefinite()) {
    const which = dependent ?? names.join(", ");
    throw new InputError(`Perfect collinearity in the sample (${which}, up to a constant); the VIFs of these regressors are infinite. Drop one of them.`);
  }
  const inv = chol.solve(Matrix.eye(k));
  return { vif: Float64Array.from({ length: k }, (_, j) => inv.get(j, j)), n: rows.length };
}

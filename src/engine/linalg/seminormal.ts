/**
 * Least squares by corrected semi-normal equations (Bjorck 1996, sec. 2.5.3 and 6.6.5), for large,
 * well-conditioned problems only: the cross-product G = [X y]'[X y] in one cache-blocked pass, the
 * Cholesky factor L of the column-scaled X'X (unit diagonal), the solution b0 from G, then one
 * refinement step with residuals in working precision: b = b0 + S (L L')^-1 S X'(y - X b0).
 *
 * Safe use: the path returns null (callers then use the QR) unless a bound on the condition number
 * of the column-scaled X, sqrt(k) ||L^-1||_F >= kappa_2(X S), is below `maxCond` (default 1e3, so
 * kappa^2 eps < 3e-10: the refined solution and the bread agree with the QR's far inside 1e-8), and
 * every column's remaining norm after the columns before it (L_jj / s_j) exceeds the rank tolerance
 * x its reference norm by a wide margin, so a QR with limited pivoting keeps every column too.
 *
 * Shapes: X n x k column-major, y length n; S = diag(s), s_j = 1 / ||x_j||.
 */
import { blockGram, cholesky, forwardSolve } from "./dense";

/** Rows per block of the residual passes. */
const BLOCK_ROWS = 1024;
/** Default bound on kappa_2 of the column-scaled X. */
export const SEMINORMAL_MAX_COND = 1e3;
/** Remaining norm must exceed tol x reference norm by this factor (else the QR decides the rank). */
const RANK_MARGIN = 1e3;

/** r -= X b over rows i0..i1, two columns per sweep (the same order of operations as one at a time). */
function subtractBlock(cols: readonly Float64Array[], b: ArrayLike<number>, r: Float64Array, i0: number, i1: number): void {
  const k = cols.length;
  let j = 0;
  for (; j + 1 < k; j += 2) {
    const c0 = cols[j], c1 = cols[j + 1];
    const b0 = b[j], b1 = b[j + 1];
    for (let i = i0; i < i1; i++) r[i] = r[i] - c0[i] * b0 - c1[i] * b1;
  }
  if (j < k) {
    const c = cols[j];
    const bj = b[j];
    for (let i = i0; i < i1; i++) r[i] -= c[i] * bj;
  }
}

/** r = y - X b and g = X'r in one blocked pass (r written, g returned). */
function residualAndGradient(cols: readonly Float64Array[], y: Float64Array, b: Float64Array, n: number, r: Float64Array): Float64Array {
  const k = cols.length;
  const g = new Float64Array(k);
  for (let i0 = 0; i0 < n; i0 += BLOCK_ROWS) {
    const i1 = Math.min(n, i0 + BLOCK_ROWS);
    for (let i = i0; i < i1; i++) r[i] = y[i];
    subtractBlock(cols, b, r, i0, i1);
    // Four dot products per sweep: independent sums, r loaded once.
    let j = 0;
    for (; j + 3 < k; j += 4) {
      const c0 = cols[j], c1 = cols[j + 1], c2 = cols[j + 2], c3 = cols[j + 3];
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let i = i0; i < i1; i++) {
        const v = r[i];
        s0 += c0[i] * v;
        s1 += c1[i] * v;
        s2 += c2[i] * v;
        s3 += c3[i] * v;
      }
      g[j] += s0;
      g[j + 1] += s1;
      g[j + 2] += s2;
      g[j + 3] += s3;
    }
    for (; j < k; j++) {
      const c = cols[j];
      let s = 0;
      for (let i = i0; i < i1; i++) s += c[i] * r[i];
      g[j] += s;
    }
  }
  return g;
}

export interface SeminormalSolution {
  readonly coef: Float64Array;
  readonly resid: Float64Array;
  /** (X'X)^-1, k x k. */
  readonly bread: Float64Array;
  /** The condition bound sqrt(k) ||L^-1||_F of the column-scaled X. */
  readonly cond: number;
}

export interface SeminormalOptions {
  /** Rank tolerance and reference norms of the QR this path stands in for. */
  readonly tol: number;
  readonly refNorms: ArrayLike<number>;
  readonly maxCond?: number;
}

/** Solves min ||y - X b|| when safe (see the file comment); null when the QR must decide. */
export function seminormalLeastSquares(X: Float64Array, y: Float64Array, n: number, k: number, opts: SeminormalOptions): SeminormalSolution | null {
  if (k === 0 || n < k) return null;
  const cols = Array.from({ length: k }, (_, j) => X.subarray(j * n, (j + 1) * n));
  const m = k + 1;
  const G = blockGram([...cols, y], n);
  const s = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const d = G[j + j * m];
    if (!(d > 0 && d < Infinity)) return null;
    s[j] = 1 / Math.sqrt(d);
  }
  const Gs = new Float64Array(k * k);
  for (let j = 0; j < k; j++) for (let i = 0; i < k; i++) Gs[i + j * k] = G[i + j * m] * s[i] * s[j];
  let L: Float64Array;
  try {
    L = cholesky(Gs, k, 1e-12);
  } catch {
    return null;
  }
  const I = new Float64Array(k * k);
  for (let i = 0; i < k; i++) I[i + i * k] = 1;
  const Li = forwardSolve(L, k, I, k);
  let fro = 0;
  for (let i = 0; i < Li.length; i++) fro += Li[i] * Li[i];
  const cond = Math.sqrt(k * fro);
  if (!(cond < (opts.maxCond ?? SEMINORMAL_MAX_COND))) return null;
  for (let j = 0; j < k; j++) {
    if (!(L[j + j * k] / s[j] > RANK_MARGIN * opts.tol * opts.refNorms[j])) return null;
  }
  // (Gs)^-1 = Li' Li; bread = S Gs^-1 S.
  const GsInv = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let c = 0; c <= a; c++) {
      let t = 0;
      for (let l = a; l < k; l++) t += Li[l + a * k] * Li[l + c * k];
      GsInv[a + c * k] = t;
      GsInv[c + a * k] = t;
    }
  }
  const solveScaled = (rhs: ArrayLike<number>): Float64Array => {
    const out = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      let t = 0;
      for (let c = 0; c < k; c++) t += GsInv[a + c * k] * (s[c] * rhs[c]);
      out[a] = s[a] * t;
    }
    return out;
  };
  const coef = solveScaled(G.subarray(k * m, k * m + k));
  const resid = new Float64Array(n);
  const g = residualAndGradient(cols, y, coef, n, resid);
  const d = solveScaled(g);
  for (let j = 0; j < k; j++) coef[j] += d[j];
  // r -= X d (the residual of the refined solution), in row blocks.
  for (let i0 = 0; i0 < n; i0 += BLOCK_ROWS) subtractBlock(cols, d, resid, i0, Math.min(n, i0 + BLOCK_ROWS));
  const bread = new Float64Array(k * k);
  for (let j = 0; j < k; j++) for (let i = 0; i < k; i++) bread[i + j * k] = s[i] * GsInv[i + j * k] * s[j];
  return { coef, resid, bread, cond };
}

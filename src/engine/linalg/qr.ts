/**
 * Householder QR with "limited" column pivoting (as LINPACK dqrdc2, used by R's lm): columns are taken
 * in the user's order; a column whose remaining norm, after projecting out the columns kept before it,
 * falls below tol x its reference norm is declared linearly dependent and left out. So of a collinear
 * set the LATER column is omitted (Stata `_rmcoll`, R lm), and the kept columns keep the user's order.
 *
 * Shapes: X is n x k column-major (X[i + j * n]). The factor stores, for the `rank` kept columns,
 * R on and above the diagonal and the Householder vectors (implicit leading 1) below it: qr is n x rank.
 */
import { InputError } from "../frame/errors";
import { twoProductSum } from "./compensated";

export interface QR {
  readonly n: number;
  /** Number of input columns. */
  readonly k: number;
  readonly rank: number;
  /** Input column indices of the kept columns, ascending (user order); length rank. */
  readonly kept: Int32Array;
  /** Input column indices judged linearly dependent on earlier columns, ascending. */
  readonly dropped: Int32Array;
  /** n x rank: R (upper triangle) and Householder vectors (below the diagonal). */
  readonly qr: Float64Array;
  /** Householder scalars: H_j = I - tau_j v_j v_j'. */
  readonly tau: Float64Array;
}

export interface QROptions {
  /** Relative tolerance for rank detection (default 1e-10). */
  readonly tol?: number;
  /**
   * Reference norm per column against which the remaining norm is compared (default: the column's
   * own 2-norm). Pass the norm of the raw column before demeaning to detect columns absorbed by FE.
   */
  readonly refNorms?: ArrayLike<number>;
}

export const DEFAULT_RANK_TOL = 1e-10;

function norm2(a: Float64Array, from: number, to: number): number {
  let plain = 0;
  for (let i = from; i < to; i++) plain += a[i] * a[i];
  if (plain > 1e-280 && plain < 1e280) return Math.sqrt(plain);
  // Scaled 2-norm (no overflow/underflow) when the plain sum of squares is out of range.
  let scale = 0;
  let ssq = 1;
  for (let i = from; i < to; i++) {
    const v = a[i];
    if (v !== 0) {
      const av = Math.abs(v);
      if (scale < av) {
        ssq = 1 + ssq * (scale / av) * (scale / av);
        scale = av;
      } else {
        ssq += (av / scale) * (av / scale);
      }
    }
  }
  return scale * Math.sqrt(ssq);
}

/** Column 2-norms of X (n x k). */
export function columnNorms(X: Float64Array, n: number, k: number): Float64Array {
  const out = new Float64Array(k);
  for (let j = 0; j < k; j++) out[j] = norm2(X, j * n, (j + 1) * n);
  return out;
}

/** Factorises X (not modified). */
export function householderQR(X: Float64Array, n: number, k: number, opts: QROptions = {}): QR {
  if (X.length !== n * k) throw new InputError(`QR: X has ${X.length} entries, expected ${n} x ${k}.`);
  const tol = opts.tol ?? DEFAULT_RANK_TOL;
  const ref = opts.refNorms ?? columnNorms(X, n, k);
  const W = Float64Array.from(X);
  const keptList: number[] = [];
  const droppedList: number[] = [];
  const tauList: number[] = [];
  let r = 0;
  for (let j = 0; j < k; j++) {
    const oj = j * n;
    const nrm = r < n ? norm2(W, oj + r, oj + n) : 0;
    if (!(nrm > tol * ref[j]) || nrm === 0) {
      droppedList.push(j);
      continue;
    }
    const x0 = W[oj + r];
    const alpha = x0 >= 0 ? -nrm : nrm;
    const v0 = x0 - alpha;
    for (let i = r + 1; i < n; i++) W[oj + i] /= v0;
    const tau = (alpha - x0) / alpha;
    W[oj + r] = alpha;
    // Apply H = I - tau v v' (v[r] = 1) to the columns after j.
    for (let c = j + 1; c < k; c++) {
      const oc = c * n;
      let s = W[oc + r];
      for (let i = r + 1; i < n; i++) s += W[oj + i] * W[oc + i];
      s *= tau;
      if (s === 0) continue;
      W[oc + r] -= s;
      for (let i = r + 1; i < n; i++) W[oc + i] -= s * W[oj + i];
    }
    keptList.push(j);
    tauList.push(tau);
    r++;
  }
  const rank = r;
  let qr = W;
  if (rank < k) {
    qr = new Float64Array(n * rank);
    keptList.forEach((j, p) => qr.set(W.subarray(j * n, (j + 1) * n), p * n));
  }
  return { n, k, rank, kept: Int32Array.from(keptList), dropped: Int32Array.from(droppedList), qr, tau: Float64Array.from(tauList) };
}

/** Applies reflector r (H_r = I - tau_r v_r v_r') to v in place. */
function reflect(f: QR, r: number, v: Float64Array): void {
  const { n, qr, tau } = f;
  const o = r * n;
  let s = v[r];
  for (let i = r + 1; i < n; i++) s += qr[o + i] * v[i];
  s *= tau[r];
  if (s === 0) return;
  v[r] -= s;
  for (let i = r + 1; i < n; i++) v[i] -= s * qr[o + i];
}

/** Q'y (length n) for the factor's reflectors. */
export function applyQt(f: QR, y: ArrayLike<number>): Float64Array {
  const z = Float64Array.from(y as ArrayLike<number>);
  for (let r = 0; r < f.rank; r++) reflect(f, r, z);
  return z;
}

/** Solves R b = z[0:rank] by back substitution. */
export function solveR(f: QR, z: ArrayLike<number>): Float64Array {
  const { n, qr, rank } = f;
  const b = new Float64Array(rank);
  for (let i = rank - 1; i >= 0; i--) {
    let s = z[i];
    for (let j = i + 1; j < rank; j++) s -= qr[i + j * n] * b[j];
    b[i] = s / qr[i + i * n];
  }
  return b;
}

/** R^-1 (rank x rank, upper triangular, column-major). */
export function inverseR(f: QR): Float64Array {
  const { n, qr, rank } = f;
  const inv = new Float64Array(rank * rank);
  for (let c = 0; c < rank; c++) {
    inv[c + c * rank] = 1 / qr[c + c * n];
    for (let i = c - 1; i >= 0; i--) {
      let s = 0;
      for (let j = i + 1; j <= c; j++) s += qr[i + j * n] * inv[j + c * rank];
      inv[i + c * rank] = -s / qr[i + i * n];
    }
  }
  return inv;
}

/** The bread (X'X)^-1 = R^-1 R^-T of the kept columns, rank x rank symmetric. */
export function breadFromQR(f: QR): Float64Array {
  const p = f.rank;
  const Ri = inverseR(f);
  const out = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let j = a; j < p; j++) s += Ri[a + j * p] * Ri[b + j * p];
      out[a + b * p] = s;
      out[b + a * p] = s;
    }
  }
  return out;
}

/** "augmented": Bjorck refinement of the augmented system (see qrLeastSquaresAugmented), 2 steps. */
export type Refinement = "none" | "plain" | "compensated" | "augmented";

export interface LeastSquares {
  /** Coefficients of the kept columns (order of f.kept). */
  readonly coef: Float64Array;
  /** y - X b over all n rows. */
  readonly resid: Float64Array;
}

/** y - X[:, kept] b, optionally with compensated (double-double) accumulation. */
export function residuals(X: Float64Array, n: number, kept: Int32Array, b: Float64Array, y: ArrayLike<number>, compensated: boolean): Float64Array {
  const r = new Float64Array(n);
  if (!compensated) {
    // Rows in chunks that stay in cache while every column is subtracted (same operations per row,
    // in the same order, as column after column over all rows).
    const CHUNK = 2048;
    for (let i0 = 0; i0 < n; i0 += CHUNK) {
      const i1 = Math.min(n, i0 + CHUNK);
      for (let i = i0; i < i1; i++) r[i] = y[i];
      for (let p = 0; p < kept.length; p++) {
        const o = kept[p] * n;
        const bp = b[p];
        for (let i = i0; i < i1; i++) r[i] -= X[o + i] * bp;
      }
    }
    return r;
  }
  const hi = new Float64Array(n);
  const lo = new Float64Array(n);
  for (let i = 0; i < n; i++) hi[i] = y[i];
  for (let p = 0; p < kept.length; p++) {
    const o = kept[p] * n;
    const bp = -b[p];
    for (let i = 0; i < n; i++) twoProductSum(hi, lo, i, X[o + i], bp);
  }
  for (let i = 0; i < n; i++) r[i] = hi[i] + lo[i];
  return r;
}

/**
 * Least squares on the kept columns: b from R b = Q'y, then `refine` steps of iterative refinement
 * (b += R^-1 Q' (y - X b)); "compensated" forms the residual in double-double arithmetic.
 */
export function qrLeastSquares(
  f: QR,
  X: Float64Array,
  y: ArrayLike<number>,
  refine: Refinement = "plain",
  steps = 1,
): LeastSquares {
  if (refine === "augmented") return qrLeastSquaresAugmented(f, X, y, Math.max(steps, 2));
  const { n, kept } = f;
  let b = solveR(f, applyQt(f, y));
  let resid = residuals(X, n, kept, b, y, refine === "compensated");
  if (refine !== "none") {
    for (let s = 0; s < steps; s++) {
      const d = solveR(f, applyQt(f, resid));
      const nb = new Float64Array(b.length);
      for (let j = 0; j < b.length; j++) nb[j] = b[j] + d[j];
      b = nb;
      resid = residuals(X, n, kept, b, y, refine === "compensated");
    }
  }
  return { coef: b, resid };
}

/** Q z (length n) for the factor's reflectors (inverse of applyQt). */
export function applyQ(f: QR, z: ArrayLike<number>): Float64Array {
  const v = Float64Array.from(z as ArrayLike<number>);
  for (let r = f.rank - 1; r >= 0; r--) reflect(f, r, v);
  return v;
}

/** Solves R' d = g by forward substitution. */
export function solveRt(f: QR, g: ArrayLike<number>): Float64Array {
  const { n, qr, rank } = f;
  const d = new Float64Array(rank);
  for (let i = 0; i < rank; i++) {
    let s = g[i];
    for (let j = 0; j < i; j++) s -= qr[j + i * n] * d[j];
    d[i] = s / qr[i + i * n];
  }
  return d;
}

/** Compensated dot product (Ogita-Rump-Oishi Dot2) of x[xo .. xo+n) and y. */
function dot2(x: Float64Array, xo: number, y: ArrayLike<number>, n: number): number {
  const hi = new Float64Array(1);
  const lo = new Float64Array(1);
  for (let i = 0; i < n; i++) twoProductSum(hi, lo, 0, x[xo + i], y[i]);
  return hi[0] + lo[0];
}

/**
 * Solves the augmented system [I X; X' 0][r; b] = [y; c] (X = the kept columns) by iterative
 * refinement (Bjorck 1967): starting from zero, each step forms f = y - r - X b and g = c - X'r in
 * double-double and solves for the corrections with the QR factor (exact in working precision), so
 * the result is accurate to about eps as long as cond(X) eps < 1. c = 0 gives least squares;
 * y = 0, c = -e_j gives column j of (X'X)^-1.
 */
export function augmentedSolve(f: QR, X: Float64Array, y: ArrayLike<number> | null, c: ArrayLike<number> | null, steps: number): { b: Float64Array; r: Float64Array } {
  const { n, kept, rank } = f;
  const b = new Float64Array(rank);
  const r = new Float64Array(n);
  const hi = new Float64Array(n);
  const lo = new Float64Array(n);
  const fr = new Float64Array(n);
  for (let s = 0; s <= steps; s++) {
    for (let i = 0; i < n; i++) {
      hi[i] = y ? y[i] : 0;
      lo[i] = 0;
    }
    if (s > 0) {
      for (let i = 0; i < n; i++) twoProductSum(hi, lo, i, r[i], -1);
      for (let p = 0; p < rank; p++) {
        const o = kept[p] * n;
        const bp = -b[p];
        for (let i = 0; i < n; i++) twoProductSum(hi, lo, i, X[o + i], bp);
      }
    }
    for (let i = 0; i < n; i++) fr[i] = hi[i] + lo[i];
    const g = new Float64Array(rank);
    for (let p = 0; p < rank; p++) g[p] = (c ? c[p] : 0) - (s > 0 ? dot2(X, kept[p] * n, r, n) : 0);
    const z = applyQt(f, fr);
    const d1 = solveRt(f, g);
    const rhs = new Float64Array(rank);
    for (let p = 0; p < rank; p++) rhs[p] = z[p] - d1[p];
    const db = solveR(f, rhs);
    for (let p = 0; p < rank; p++) z[p] = d1[p];
    const dr = applyQ(f, z);
    for (let p = 0; p < rank; p++) b[p] += db[p];
    for (let i = 0; i < n; i++) r[i] += dr[i];
  }
  return { b, r };
}

/**
 * Least squares with refinement of the augmented system (augmentedSolve). Unlike refining b alone,
 * this removes the cond(X)^2 x |r| term of the error, so ill-conditioned designs with large residuals
 * (NIST Wampler4/5) keep their digits. The residual is recomputed from the final b in double-double.
 */
export function qrLeastSquaresAugmented(f: QR, X: Float64Array, y: ArrayLike<number>, steps = 2): LeastSquares {
  const { b } = augmentedSolve(f, X, y, null, steps);
  return { coef: b, resid: residuals(X, f.n, f.kept, b, y, true) };
}

/** (X'X)^-1 of the kept columns, each column refined on the augmented system (rank x rank). */
export function refinedBread(f: QR, X: Float64Array, steps = 2): Float64Array {
  const p = f.rank;
  const out = new Float64Array(p * p);
  const c = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    c.fill(0);
    c[j] = -1;
    out.set(augmentedSolve(f, X, null, c, steps).b, j * p);
  }
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < j; i++) {
      const v = 0.5 * (out[i + j * p] + out[j + i * p]);
      out[i + j * p] = v;
      out[j + i * p] = v;
    }
  }
  return out;
}

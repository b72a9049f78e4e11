/**
 * Sparse LU of A(rho) = I - rho W without pivoting, in the minimum-degree order of ordering.ts
 * (left-looking, one column at a time), carried in truncated Taylor arithmetic: every entry is the triple
 * (a, da/drho, d2a/drho2), so that the pivots u_jj give
 *   ln|A| = sum ln u_jj,  d ln|A|/drho = sum u'_jj/u_jj = -tr(W A^-1),
 *   d2 ln|A|/drho2 = sum (u''_jj/u_jj - (u'_jj/u_jj)^2) = -tr(W A^-1 W A^-1)
 * exactly (to rounding), with no inverse formed. `order` 0, 1 or 2 says how many derivatives to carry.
 *
 * No pivoting is needed where it is used: for W = D^-1 C with C symmetric, A is a diagonal similarity of
 * the symmetric I - rho D^-1/2 C D^-1/2, positive definite exactly on the admissible interval, and its
 * pivots are those of that matrix's Cholesky (LDL') factor (a non-positive pivot means rho is outside the
 * interval); for any row-stochastic W and |rho| < 1, A is strictly diagonally dominant by rows, which
 * Gaussian elimination preserves (Wilkinson), so the pivots are positive and the growth is bounded.
 * Symmetric permutations keep both properties.
 */
import { Csr, csrTranspose } from "./sparse";
import { SymbolicLu } from "./ordering";

export interface SparseLuFactor {
  readonly rho: number;
  readonly order: 0 | 1 | 2;
  /** ln|A| and its first two rho-derivatives (NaN above `order`). */
  readonly ldet: number;
  readonly ldet1: number;
  readonly ldet2: number;
  /** Pivots and factors (value part) for solves. */
  readonly d: Float64Array;
  readonly l: Float64Array;
  readonly u: Float64Array;
}

/** The columns of W in elimination positions (rows sorted), shared by every factorisation. */
export interface PermutedColumns {
  readonly ptr: Int32Array;
  readonly row: Int32Array;
  readonly val: Float64Array;
}

export function permutedColumns(w: Csr, s: SymbolicLu): PermutedColumns {
  const wt = csrTranspose(w); // row j of W' = column j of W
  const n = w.n;
  const ptr = new Int32Array(n + 1);
  for (let b = 0; b < n; b++) {
    const j = s.perm[b];
    ptr[b + 1] = ptr[b] + (wt.rowPtr[j + 1] - wt.rowPtr[j]);
  }
  const row = new Int32Array(ptr[n]);
  const val = new Float64Array(ptr[n]);
  for (let b = 0; b < n; b++) {
    const j = s.perm[b];
    let q = ptr[b];
    for (let p = wt.rowPtr[j]; p < wt.rowPtr[j + 1]; p++, q++) {
      row[q] = s.inv[wt.col[p]];
      val[q] = wt.val[p];
    }
  }
  return { ptr, row, val };
}

/** Work vectors reused across factorisations (they are left zero). */
export interface LuWork {
  readonly x0: Float64Array;
  readonly x1: Float64Array;
  readonly x2: Float64Array;
  readonly l1: Float64Array;
  readonly l2: Float64Array;
}

export function luWork(s: SymbolicLu): LuWork {
  const nnz = s.lPtr[s.n];
  return { x0: new Float64Array(s.n), x1: new Float64Array(s.n), x2: new Float64Array(s.n), l1: new Float64Array(nnz), l2: new Float64Array(nnz) };
}

/** Factorises I - rho W; null when a pivot is not positive (rho outside the interval where A is positive definite / dominant). */
export function sparseLuFactor(s: SymbolicLu, a: PermutedColumns, rho: number, order: 0 | 1 | 2, work: LuWork = luWork(s)): SparseLuFactor | null {
  const { n, lPtr, lRow, uPtr, uCol, uPos } = s;
  const nnz = lPtr[n];
  const L0 = new Float64Array(nnz), U0 = new Float64Array(nnz), d = new Float64Array(n);
  const { x0, x1, x2, l1: L1, l2: L2 } = work;
  let ld0 = 0, ld1 = 0, ld2 = 0;
  const clear = (i: number) => {
    x0[i] = 0;
    x1[i] = 0;
    x2[i] = 0;
  };
  for (let j = 0; j < n; j++) {
    for (let p = a.ptr[j]; p < a.ptr[j + 1]; p++) {
      const i = a.row[p], v = a.val[p];
      x0[i] -= rho * v;
      x1[i] -= v;
    }
    x0[j] += 1;
    for (let q = uPtr[j]; q < uPtr[j + 1]; q++) {
      const k = uCol[q];
      const u0 = x0[k], u1 = x1[k], u2 = x2[k];
      U0[uPos[q]] = u0;
      const e = lPtr[k + 1];
      if (order === 0) {
        if (u0 !== 0) for (let p = lPtr[k]; p < e; p++) x0[lRow[p]] -= L0[p] * u0;
      } else if (order === 1) {
        for (let p = lPtr[k]; p < e; p++) {
          const i = lRow[p];
          x0[i] -= L0[p] * u0;
          x1[i] -= L1[p] * u0 + L0[p] * u1;
        }
      } else {
        for (let p = lPtr[k]; p < e; p++) {
          const i = lRow[p], l0 = L0[p], l1 = L1[p];
          x0[i] -= l0 * u0;
          x1[i] -= l1 * u0 + l0 * u1;
          x2[i] -= L2[p] * u0 + 2 * l1 * u1 + l0 * u2;
        }
      }
      clear(k);
    }
    const d0 = x0[j], d1 = x1[j], d2 = x2[j];
    clear(j);
    if (!(d0 > 0) || !Number.isFinite(d0)) {
      // leave the work vectors zero for the next call (later columns were never scattered)
      for (let p = lPtr[j]; p < lPtr[j + 1]; p++) clear(lRow[p]);
      return null;
    }
    d[j] = d0;
    ld0 += Math.log(d0);
    const r1 = d1 / d0;
    if (order >= 1) ld1 += r1;
    if (order === 2) ld2 += d2 / d0 - r1 * r1;
    for (let p = lPtr[j]; p < lPtr[j + 1]; p++) {
      const i = lRow[p];
      const q0 = x0[i] / d0;
      L0[p] = q0;
      if (order >= 1) {
        const q1 = (x1[i] - q0 * d1) / d0;
        L1[p] = q1;
        if (order === 2) L2[p] = (x2[i] - 2 * q1 * d1 - q0 * d2) / d0;
      }
      clear(i);
    }
  }
  return { rho, order, ldet: ld0, ldet1: order >= 1 ? ld1 : NaN, ldet2: order === 2 ? ld2 : NaN, d, l: L0, u: U0 };
}

/** x = A^-1 b (b in original unit order). */
export function luSolveSparse(s: SymbolicLu, f: SparseLuFactor, b: ArrayLike<number>): Float64Array {
  const { n, perm, lPtr, lRow, uPtr, uCol, uPos } = s;
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) y[k] = b[perm[k]];
  for (let j = 0; j < n; j++) {
    const v = y[j];
    if (v !== 0) for (let p = lPtr[j]; p < lPtr[j + 1]; p++) y[lRow[p]] -= f.l[p] * v;
  }
  for (let j = n - 1; j >= 0; j--) {
    const v = (y[j] /= f.d[j]);
    if (v !== 0) for (let q = uPtr[j]; q < uPtr[j + 1]; q++) y[uCol[q]] -= f.u[uPos[q]] * v;
  }
  const x = new Float64Array(n);
  for (let k = 0; k < n; k++) x[perm[k]] = y[k];
  return x;
}

/** x = A'^-1 b (A' = U' L'). */
export function luSolveSparseTransposed(s: SymbolicLu, f: SparseLuFactor, b: ArrayLike<number>): Float64Array {
  const { n, perm, lPtr, lRow, uPtr, uCol, uPos } = s;
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) y[k] = b[perm[k]];
  for (let j = 0; j < n; j++) {
    let v = y[j];
    for (let q = uPtr[j]; q < uPtr[j + 1]; q++) v -= f.u[uPos[q]] * y[uCol[q]];
    y[j] = v / f.d[j];
  }
  for (let j = n - 1; j >= 0; j--) {
    let v = y[j];
    for (let p = lPtr[j]; p < lPtr[j + 1]; p++) v -= f.l[p] * y[lRow[p]];
    y[j] = v;
  }
  const x = new Float64Array(n);
  for (let k = 0; k < n; k++) x[perm[k]] = y[k];
  return x;
}

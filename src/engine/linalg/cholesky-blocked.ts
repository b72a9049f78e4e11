/**
 * Blocked Cholesky factorisation and inverse of large dense symmetric positive-definite matrices
 * (kernel matrices of Gaussian processes, n up to a few thousand).
 *
 * Storage: ROW-major n x n Float64Array, A[i * n + j]; only the lower triangle (j <= i) is read and
 * written; the strict upper triangle is left as it was (zero it with `zeroUpper` when needed). For a
 * symmetric matrix row- and column-major coincide, so a kernel matrix can be passed as built.
 *
 * Algorithm: row-oriented Cholesky-Crout, L_ij = (A_ij - <L_i[0:j], L_j[0:j]>) / L_jj, with rows taken in
 * blocks of `BLOCK` so that each earlier row j is read once per block (held in cache while it serves
 * every row of the block) instead of once per row. The inner loop is a contiguous dot product with four
 * accumulators. Flops: n^3 / 3. `choleskyInverse` forms A^-1 = L^-T L^-1 from the factor (LAPACK
 * potri: n^3 / 3 for L^-1, n^3 / 3 for the product), again with contiguous dot products only.
 */
import { NotPositiveDefiniteError } from "./dense";

const BLOCK = 48;

function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  const l4 = len - 3;
  for (; k < l4; k += 4) {
    s0 += a[ao + k] * b[bo + k];
    s1 += a[ao + k + 1] * b[bo + k + 1];
    s2 += a[ao + k + 2] * b[bo + k + 2];
    s3 += a[ao + k + 3] * b[bo + k + 3];
  }
  for (; k < len; k++) s0 += a[ao + k] * b[bo + k];
  return s0 + s1 + (s2 + s3);
}

/** Progress callback: rows (of n) factorised so far. */
export type RowProgress = (done: number, total: number) => void;

/**
 * Factorises A = L L' in place (lower triangle of the row-major A becomes L). Returns -1 on success,
 * else the 0-based index of the first pivot that is not positive (the lower triangle is then partly
 * overwritten: pass a copy when a retry with jitter may follow).
 */
export function choleskyRowsInPlace(A: Float64Array, n: number, onRows?: RowProgress): number {
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const i1 = Math.min(n, i0 + BLOCK);
    // Columns left of the block: every row j < i0 is final; use it for all rows of the block.
    for (let j = 0; j < i0; j++) {
      const jo = j * n;
      const ljj = A[jo + j];
      for (let i = i0; i < i1; i++) {
        const io = i * n;
        A[io + j] = (A[io + j] - dot(A, io, A, jo, j)) / ljj;
      }
    }
    // The diagonal block.
    for (let i = i0; i < i1; i++) {
      const io = i * n;
      for (let j = i0; j < i; j++) {
        const jo = j * n;
        A[io + j] = (A[io + j] - dot(A, io, A, jo, j)) / A[jo + j];
      }
      const d = A[io + i] - dot(A, io, A, io, i);
      if (!(d > 0) || !Number.isFinite(d)) return i;
      A[io + i] = Math.sqrt(d);
    }
    if (onRows) onRows(i1, n);
  }
  return -1;
}

/** Sets the strict upper triangle of a row-major n x n matrix to zero. */
export function zeroUpper(A: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) A.fill(0, i * n + i + 1, (i + 1) * n);
}

export interface JitteredCholesky {
  /** Row-major lower factor of A + jitter I (strict upper triangle zero). */
  readonly L: Float64Array;
  /** The multiple of the identity added to the diagonal (0 when none was needed). */
  readonly jitter: number;
  /** How many factorisations were tried (1 without jitter). */
  readonly attempts: number;
}

/**
 * Cholesky of A, adding jitter to the diagonal only when the plain factorisation fails: 1e-10 x the mean
 * diagonal, then x10 up to `maxRelJitter` (default 1e-6) x the mean diagonal. The jitter used is
 * reported; when even the largest fails a NotPositiveDefiniteError names `what` and the pivot.
 * A is not modified.
 */
export function choleskyWithJitter(A: Float64Array, n: number, what = "the matrix", maxRelJitter = 1e-6, onRows?: RowProgress): JitteredCholesky {
  let meanDiag = 0;
  for (let i = 0; i < n; i++) meanDiag += A[i * n + i];
  meanDiag /= n;
  if (!(meanDiag > 0) || !Number.isFinite(meanDiag)) {
    throw new NotPositiveDefiniteError(`${what} is not positive definite: its mean diagonal is ${meanDiag}.`);
  }
  let jitter = 0;
  let attempts = 0;
  let failed = -1;
  for (;;) {
    attempts++;
    const L = Float64Array.from(A);
    if (jitter > 0) for (let i = 0; i < n; i++) L[i * n + i] += jitter;
    failed = choleskyRowsInPlace(L, n, onRows);
    if (failed < 0) {
      zeroUpper(L, n);
      return { L, jitter, attempts };
    }
    const next = jitter === 0 ? 1e-10 * meanDiag : jitter * 10;
    if (next > maxRelJitter * meanDiag * (1 + 1e-12)) break;
    jitter = next;
  }
  throw new NotPositiveDefiniteError(
    `${what} is not positive definite (pivot ${failed + 1} of ${n} fails even with jitter ${jitter.toExponential(1)} ` +
      `= ${maxRelJitter} x the mean diagonal added); look for duplicated rows or a kernel without noise.`,
  );
}

/** log det(A) = 2 sum log L_ii from the row-major factor. */
export function choleskyLogDet(L: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(L[i * n + i]);
  return 2 * s;
}

/** Solves L L' x = b (b of length n) with the row-major factor; returns x. */
export function choleskySolveRows(L: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) x[i] = (x[i] - dot(L, i * n, x, 0, i)) / L[i * n + i];
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= L[k * n + i] * x[k];
    x[i] = s / L[i * n + i];
  }
  return x;
}

/**
 * Forward substitution for several right-hand sides stored as ROWS: B is m x n row-major (each row one
 * right-hand side b), the result row r is L^-1 b_r. Contiguous dot products (rows of L with the row of B).
 */
export function forwardSolveRows(L: Float64Array, n: number, B: Float64Array, m: number): Float64Array {
  const X = Float64Array.from(B);
  for (let r = 0; r < m; r++) {
    const ro = r * n;
    for (let i = 0; i < n; i++) X[ro + i] = (X[ro + i] - dot(L, i * n, X, ro, i)) / L[i * n + i];
  }
  return X;
}

/**
 * A^-1 (full symmetric, row-major) from the row-major lower Cholesky factor of A. U = (L^-1)' is built
 * row by row (row j of U = column j of L^-1, entries j..n-1, by forward substitution in blocks of
 * columns so that each row of L is read once per block), then A^-1_ij = <U_i[i:], U_j[i:]> for j <= i.
 */
export function choleskyInverse(L: Float64Array, n: number, onRows?: RowProgress): Float64Array {
  const U = new Float64Array(n * n);
  for (let j0 = 0; j0 < n; j0 += BLOCK) {
    const j1 = Math.min(n, j0 + BLOCK);
    for (let i = j0; i < n; i++) {
      const io = i * n;
      const lii = L[io + i];
      const jEnd = Math.min(j1, i + 1);
      for (let j = j0; j < jEnd; j++) {
        // x = column j of L^-1 (stored in row j of U): x_i = (delta_ij - sum_{k=j}^{i-1} L_ik x_k) / L_ii.
        const jo = j * n;
        const s = dot(L, io + j, U, jo + j, i - j);
        U[jo + i] = ((i === j ? 1 : 0) - s) / lii;
      }
    }
    if (onRows) onRows(Math.round(j1 / 2), n);
  }
  const Ainv = new Float64Array(n * n);
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const i1 = Math.min(n, i0 + BLOCK);
    for (let j = 0; j < i1; j++) {
      const jo = j * n;
      for (let i = Math.max(i0, j); i < i1; i++) {
        const io = i * n;
        const v = dot(U, io + i, U, jo + i, n - i);
        Ainv[io + j] = v;
        Ainv[jo + i] = v;
      }
    }
    if (onRows) onRows(Math.round((n + i1) / 2), n);
  }
  return Ainv;
}

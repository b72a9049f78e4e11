/**
 * Cholesky factor and explicit inverse of a dense symmetric positive-definite matrix (a GP kernel matrix,
 * n up to a few thousand) at the speed the log-likelihood gradient needs: every O(n^3) part runs through
 * the 2 x 4 dot-product tile of simd-tile.ts (WebAssembly SIMD, JavaScript fallback).
 *
 * Storage: row-major n x n. Three passes, each ~n^3 / 6 multiply-adds in tiles plus O(n^2 nb) in-block work:
 *   1. Cholesky A = L L' (left-looking by column blocks of NB: the update of a column block from all
 *      earlier columns is tiles of dot products of rows of L; then the diagonal block and the rows below it);
 *   2. U = (L^-1)' (row j of U = column j of L^-1, upper triangle), blocked forward substitution whose update
 *      from earlier blocks is again row-by-row dot products (rows of L with rows of U);
 *   3. A^-1_ij = sum_{k >= max(i, j)} U_ik U_jk (rows of U), written full symmetric.
 * Same results as cholesky-blocked.ts up to the summation order (checked in the tests).
 *
 * Jitter as choleskyWithJitter: the plain factorisation first, then 1e-10 x the mean diagonal, x10 up to
 * maxRelJitter (default 1e-6) x the mean diagonal, reported; beyond that a NotPositiveDefiniteError.
 * Progress: `onRows(done, total)` after every block of every pass (total = n for the factor alone, 3n with
 * the inverse); it may throw to cancel (the arena is left in an unspecified state, nothing else changes).
 */
import { NotPositiveDefiniteError } from "./dense";
import { ARENA_DATA, releaseArena, TileArena, tileArena } from "./simd-tile";
import { RowProgress } from "./cholesky-blocked";

/** Block size: 32 measured fastest at n = 264 and 1,000 (the in-block work is O(n^2 NB), scalar). */
const NB = 32;

export interface SpdFactorOptions {
  /** Names the matrix in error messages. */
  readonly what?: string;
  readonly maxRelJitter?: number;
  /** Also form A^-1 (full symmetric, row-major) and pass it to `useInverse` (it lives in a shared arena). */
  readonly useInverse?: (inverse: Float64Array, L: Float64Array) => void;
  readonly onRows?: RowProgress;
}

export interface SpdFactor {
  /** Row-major lower factor of A + jitter I (strict upper triangle zero). */
  readonly L: Float64Array;
  readonly jitter: number;
  readonly attempts: number;
  /** Whether the WebAssembly SIMD kernel ran. */
  readonly simd: boolean;
}

/** Factorises (and optionally inverts) A; A is not modified. See the file header. */
export function spdFactorInverse(A: Float64Array, n: number, o: SpdFactorOptions = {}): SpdFactor {
  const what = o.what ?? "the matrix";
  const maxRel = o.maxRelJitter ?? 1e-6;
  let meanDiag = 0;
  for (let i = 0; i < n; i++) meanDiag += A[i * n + i];
  meanDiag /= n;
  if (!(meanDiag > 0) || !Number.isFinite(meanDiag)) {
    throw new NotPositiveDefiniteError(`${what} is not positive definite: its mean diagonal is ${meanDiag}.`);
  }
  const nn = n * n;
  const ar = tileArena(o.useInverse ? 2 * nn : nn);
  const F = ar.F;
  const M = ARENA_DATA;
  const total = o.useInverse ? 3 * n : n;
  try {
    let jitter = 0;
    let attempts = 0;
    let failed = -1;
    for (;;) {
      attempts++;
      F.set(A.subarray(0, nn), M);
      if (jitter > 0) for (let i = 0; i < n; i++) F[M + i * n + i] += jitter;
      failed = choleskyArena(ar, M, n, o.onRows, total);
      if (failed < 0) break;
      const next = jitter === 0 ? 1e-10 * meanDiag : jitter * 10;
      if (next > maxRel * meanDiag * (1 + 1e-12)) {
        throw new NotPositiveDefiniteError(
          `${what} is not positive definite (pivot ${failed + 1} of ${n} fails even with jitter ${jitter.toExponential(1)} ` +
            `= ${maxRel} x the mean diagonal added); look for duplicated rows or a kernel without noise.`,
        );
      }
      jitter = next;
    }
    const L = new Float64Array(nn);
    for (let i = 0; i < n; i++) L.set(F.subarray(M + i * n, M + i * n + i + 1), i * n);
    if (o.useInverse) {
      const U = M + nn;
      F.fill(0, U, U + nn);
      inverseFactorArena(ar, M, U, n, o.onRows, total);
      productArena(ar, U, M, n, o.onRows, total);
      o.useInverse(F.subarray(M, M + nn), L);
    }
    return { L, jitter, attempts, simd: ar.simd };
  } finally {
    releaseArena();
  }
}

/** In-place Cholesky of the row-major block at offset M (lower triangle); -1 or the failing pivot. */
function choleskyArena(ar: TileArena, M: number, n: number, onRows: RowProgress | undefined, total: number): number {
  const F = ar.F;
  for (let j0 = 0; j0 < n; j0 += NB) {
    const j1 = Math.min(n, j0 + NB);
    const last = j1 - 1;
    // 1. Columns [j0, j1) of every row i >= j0, minus the contribution of columns k < j0.
    if (j0 > 0) {
      for (let i = j0; i < n; i += 2) {
        const i2 = i + 1 < n ? i + 1 : i;
        const ao = M + i * n;
        const a1 = M + i2 * n;
        for (let j = j0; j < j1; j += 4) {
          if (j > i + 1) break; // only the lower triangle
          ar.tile(ao, a1, M + j * n, M + Math.min(j + 1, last) * n, M + Math.min(j + 2, last) * n, M + Math.min(j + 3, last) * n, j0);
          for (let c = 0; c < 4 && j + c < j1; c++) {
            const jj = j + c;
            if (jj <= i) F[ao + jj] -= F[c];
            if (i2 !== i && jj <= i2) F[a1 + jj] -= F[4 + c];
          }
        }
      }
    }
    // 2. The diagonal block, with the columns k in [j0, j).
    for (let i = j0; i < j1; i++) {
      const io = M + i * n;
      for (let j = j0; j < i; j++) {
        const jo = M + j * n;
        let s = F[io + j];
        for (let k = j0; k < j; k++) s -= F[io + k] * F[jo + k];
        F[io + j] = s / F[jo + j];
      }
      let d = F[io + i];
      for (let k = j0; k < i; k++) d -= F[io + k] * F[io + k];
      if (!(d > 0) || !Number.isFinite(d)) return i;
      F[io + i] = Math.sqrt(d);
    }
    // 3. The rows below: L_ij = (A_ij - sum_{k=j0}^{j-1} L_ik L_jk) / L_jj.
    for (let i = j1; i < n; i++) {
      const io = M + i * n;
      for (let j = j0; j < j1; j++) {
        const jo = M + j * n;
        let s = F[io + j];
        for (let k = j0; k < j; k++) s -= F[io + k] * F[jo + k];
        F[io + j] = s / F[jo + j];
      }
    }
    onRows?.(j1, total);
  }
  return -1;
}

/** U (row-major upper, zeroed before) = (L^-1)': U_ji = (delta_ij - sum_{k=j}^{i-1} L_ik U_jk) / L_ii. */
function inverseFactorArena(ar: TileArena, Lo: number, Uo: number, n: number, onRows: RowProgress | undefined, total: number): void {
  const F = ar.F;
  for (let i0 = 0; i0 < n; i0 += NB) {
    const i1 = Math.min(n, i0 + NB);
    // Partial sums over k in [j, i0) for the rows j < i0 (U_jk = 0 for k < j: the tile starts at k = j).
    for (let j = 0; j < i0; j += 4) {
      const lastJ = i0 - 1;
      const b0 = Uo + j * n + j;
      const b1 = Uo + Math.min(j + 1, lastJ) * n + j;
      const b2 = Uo + Math.min(j + 2, lastJ) * n + j;
      const b3 = Uo + Math.min(j + 3, lastJ) * n + j;
      for (let i = i0; i < i1; i += 2) {
        const i2 = i + 1 < i1 ? i + 1 : i;
        ar.tile(Lo + i * n + j, Lo + i2 * n + j, b0, b1, b2, b3, i0 - j);
        for (let c = 0; c < 4 && j + c < i0; c++) {
          const jo = Uo + (j + c) * n;
          F[jo + i] = F[c];
          if (i2 !== i) F[jo + i2] = F[4 + c];
        }
      }
    }
    // Finish the block: k in [max(i0, j), i), in order of i.
    for (let i = i0; i < i1; i++) {
      const lo = Lo + i * n;
      const inv = 1 / F[lo + i];
      for (let j = 0; j < i; j++) {
        const jo = Uo + j * n;
        let s = j < i0 ? F[jo + i] : 0;
        for (let k = Math.max(i0, j); k < i; k++) s += F[lo + k] * F[jo + k];
        F[jo + i] = -s * inv;
      }
      F[Uo + i * n + i] = inv;
    }
    onRows?.(n + i1, total);
  }
}

/** W (row-major, full symmetric) = U U' restricted: W_ij = sum_{k >= max(i, j)} U_ik U_jk. */
function productArena(ar: TileArena, Uo: number, Wo: number, n: number, onRows: RowProgress | undefined, total: number): void {
  const F = ar.F;
  for (let i = 0; i < n; i += 2) {
    const i2 = i + 1 < n ? i + 1 : i;
    const len = n - i;
    const a0 = Uo + i * n + i;
    const a1 = Uo + i2 * n + i; // U_{i+1, i} = 0: both rows can start at k = i
    for (let j = 0; j <= i2; j += 4) {
      const last = i2;
      ar.tile(a0, a1, Uo + j * n + i, Uo + Math.min(j + 1, last) * n + i, Uo + Math.min(j + 2, last) * n + i, Uo + Math.min(j + 3, last) * n + i, len);
      for (let c = 0; c < 4 && j + c <= i2; c++) {
        const jj = j + c;
        if (jj <= i) {
          F[Wo + i * n + jj] = F[c];
          F[Wo + jj * n + i] = F[c];
        }
        if (i2 !== i) {
          F[Wo + i2 * n + jj] = F[4 + c];
          F[Wo + jj * n + i2] = F[4 + c];
        }
      }
    }
    if (((i >> 1) & 31) === 31 || i + 2 >= n) onRows?.(2 * n + Math.min(n, i + 2), total);
  }
}

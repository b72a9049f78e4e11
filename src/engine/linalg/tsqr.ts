/**
 * Tall-skinny QR (sequential TSQR): the R factor of a tall n x m matrix in one cache-friendly pass.
 * Rows are taken in blocks; each step factorises [R_so_far; block] by Householder reflections in a
 * small buffer, so the work stays in cache and the result has Householder accuracy (R'R = A'A).
 * Q is not kept: least squares on A = [X y] comes out of R alone (see `leastSquaresFromR`).
 *
 * Shapes: the m columns have length n; R is m x m upper triangular, column-major.
 */
import { DEFAULT_RANK_TOL, householderQR, QR, solveR, applyQt } from "./qr";

/** Rows per block: 1024 x 11 columns (~90 KB) stays in L2, and fewer, longer calls warm up sooner. */
const BLOCK_ROWS = 1024;

/**
 * Householder QR in place of a rows x m buffer (column-major); leaves R in the upper triangle of the
 * top m rows (below the diagonal: what is left of the reflectors).
 * When `top` rows hold an upper-triangular R on top of the block, the reflector of column j has
 * nonzeros only in row j and rows >= top, so the rows between are skipped.
 */
function factorBuffer(B: Float64Array, rows: number, m: number, top: number): void {
  for (let j = 0; j < m && j < rows; j++) {
    const oj = j * rows;
    const from = top > 0 ? Math.max(top, j + 1) : j + 1;
    let nrm = B[oj + j] * B[oj + j];
    for (let i = from; i < rows; i++) nrm += B[oj + i] * B[oj + i];
    nrm = Math.sqrt(nrm);
    if (nrm === 0) continue;
    const x0 = B[oj + j];
    const alpha = x0 >= 0 ? -nrm : nrm;
    const v0 = x0 - alpha;
    const iv0 = 1 / v0;
    for (let i = from; i < rows; i++) B[oj + i] *= iv0;
    const tau = (alpha - x0) / alpha;
    B[oj + j] = alpha;
    // Columns to the right in groups of four: each dot product keeps its own sequential sum (same
    // rounding as one column at a time), but the four chains run side by side and v is loaded once.
    let c = j + 1;
    for (; c + 3 < m; c += 4) {
      const o0 = c * rows, o1 = o0 + rows, o2 = o1 + rows, o3 = o2 + rows;
      let s0 = B[o0 + j], s1 = B[o1 + j], s2 = B[o2 + j], s3 = B[o3 + j];
      for (let i = from; i < rows; i++) {
        const v = B[oj + i];
        s0 += v * B[o0 + i];
        s1 += v * B[o1 + i];
        s2 += v * B[o2 + i];
        s3 += v * B[o3 + i];
      }
      s0 *= tau;
      s1 *= tau;
      s2 *= tau;
      s3 *= tau;
      B[o0 + j] -= s0;
      B[o1 + j] -= s1;
      B[o2 + j] -= s2;
      B[o3 + j] -= s3;
      for (let i = from; i < rows; i++) {
        const v = B[oj + i];
        B[o0 + i] -= s0 * v;
        B[o1 + i] -= s1 * v;
        B[o2 + i] -= s2 * v;
        B[o3 + i] -= s3 * v;
      }
    }
    for (; c < m; c++) {
      const oc = c * rows;
      let s = B[oc + j];
      for (let i = from; i < rows; i++) s += B[oj + i] * B[oc + i];
      s *= tau;
      if (s === 0) continue;
      B[oc + j] -= s;
      for (let i = from; i < rows; i++) B[oc + i] -= s * B[oj + i];
    }
    // The reflector stays below the diagonal of column j: nothing reads it again, and tsqrR refills
    // the whole buffer for the next block.
  }
}

/** R (m x m) with R'R = A'A for A = [cols] (m columns of length n; signs of rows may differ from a plain QR). */
/**
 * Power-of-two multiplier per column that brings a largest magnitude above 2^450 (or below 2^-450) near 1,
 * else 1: squares of such values overflow (1e308^2) or underflow inside the Householder steps.
 */
function columnMultipliers(cols: readonly ArrayLike<number>[], n: number): Float64Array | null {
  const d = new Float64Array(cols.length).fill(1);
  let any = false;
  cols.forEach((c, j) => {
    let mx = 0;
    for (let i = 0; i < n; i++) {
      const a = Math.abs(c[i]);
      if (a > mx) mx = a;
    }
    if (!(mx > 0) || !Number.isFinite(mx)) return;
    const e = Math.floor(Math.log2(mx));
    if (e > 450 || e < -450) {
      d[j] = 2 ** Math.max(-1020, Math.min(1020, -e));
      any = true;
    }
  });
  return any ? d : null;
}

export function tsqrR(cols: readonly ArrayLike<number>[], n: number, blockRows = BLOCK_ROWS): Float64Array {
  const d = columnMultipliers(cols, n);
  if (d) {
    // R of A D is R D (exact: powers of two); factor the scaled columns and divide R's columns back.
    const R = tsqrR(cols.map((c, j) => (d[j] === 1 ? c : Float64Array.from({ length: n }, (_, i) => c[i] * d[j]))), n, blockRows);
    const m = cols.length;
    for (let j = 0; j < m; j++) for (let i = 0; i <= j; i++) R[i + j * m] /= d[j];
    return R;
  }
  const m = cols.length;
  const cap = blockRows + m;
  const B = new Float64Array(cap * m);
  const R = new Float64Array(m * m);
  let haveR = false;
  for (let start = 0; start < n; start += blockRows) {
    const end = Math.min(n, start + blockRows);
    const top = haveR ? m : 0;
    const rows = top + (end - start);
    for (let j = 0; j < m; j++) {
      const ob = j * rows;
      if (haveR) for (let i = 0; i < m; i++) B[ob + i] = R[i + j * m];
      const col = cols[j];
      for (let i = start; i < end; i++) B[ob + top + i - start] = col[i];
    }
    factorBuffer(B, rows, m, top);
    R.fill(0);
    for (let j = 0; j < m; j++) for (let i = 0; i <= j && i < rows; i++) R[i + j * m] = B[i + j * rows];
    haveR = true;
  }
  return R;
}

export interface SmallLeastSquares {
  /** Limited-pivoting QR of the m x (m-1) block R[:, 0:m-1]: kept/dropped columns, and R of X. */
  readonly f: QR;
  readonly coef: Float64Array;
  /** Residual sum of squares ||y - X b||^2 from the factor. */
  readonly ssr: number;
}

/**
 * Least squares of y on X given R of A = [X y] (m = k + 1 columns): the same rank decisions, R factor
 * and solution as a QR of X itself, at the cost of an m x m problem.
 */
export function leastSquaresFromR(R: Float64Array, m: number, refNorms: ArrayLike<number>, tol = DEFAULT_RANK_TOL): SmallLeastSquares {
  const k = m - 1;
  const f = householderQR(R.slice(0, m * k), m, k, { tol, refNorms });
  const z = applyQt(f, R.subarray(k * m, m * m));
  const coef = solveR(f, z);
  let ssr = 0;
  for (let i = f.rank; i < m; i++) ssr += z[i] * z[i];
  return { f, coef, ssr };
}

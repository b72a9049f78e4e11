/**
 * Projections used by the IV kernels: residualising columns on a basis (partialling out, ivreg2
 * `partial()`), and fitted values from it. Built on the pivoted Householder QR of engine/linalg.
 *
 * Shapes: every matrix is n x k column-major (A[i + j * n]).
 */
import { QR, householderQR, qrLeastSquares, QROptions } from "../linalg/qr";

export interface Projector {
  readonly n: number;
  /** QR of the basis (null when the basis is empty). */
  readonly qr: QR | null;
  readonly basis: Float64Array;
}

export function projector(B: Float64Array, n: number, k: number, opts: QROptions = {}): Projector {
  if (k === 0) return { n, qr: null, basis: B };
  return { n, qr: householderQR(B, n, k, opts), basis: B };
}

/** Residuals of each column of A (n x k) on the projector's basis: M_B A. */
export function residualize(p: Projector, A: Float64Array, k: number): Float64Array {
  const { n } = p;
  if (!p.qr || p.qr.rank === 0) return Float64Array.from(A);
  const out = new Float64Array(n * k);
  for (let j = 0; j < k; j++) {
    const { resid } = qrLeastSquares(p.qr, p.basis, A.subarray(j * n, (j + 1) * n), "plain", 1);
    out.set(resid, j * n);
  }
  return out;
}

/** Fitted values P_B A = A - M_B A. */
export function fitted(p: Projector, A: Float64Array, k: number): Float64Array {
  const r = residualize(p, A, k);
  const out = new Float64Array(r.length);
  for (let i = 0; i < r.length; i++) out[i] = A[i] - r[i];
  if (!p.qr || p.qr.rank === 0) out.fill(0);
  return out;
}

/** Columns j of A (n x k) listed in `cols`, as a new n x cols.length matrix. */
export function selectColumns(A: Float64Array, n: number, cols: ArrayLike<number>): Float64Array {
  const out = new Float64Array(n * cols.length);
  for (let c = 0; c < cols.length; c++) out.set(A.subarray(cols[c] * n, (cols[c] + 1) * n), c * n);
  return out;
}

/** [A B] for A n x p and B n x q. */
export function hcat(n: number, ...blocks: Float64Array[]): Float64Array {
  let total = 0;
  for (const b of blocks) total += b.length;
  const out = new Float64Array(total);
  let o = 0;
  for (const b of blocks) {
    out.set(b, o);
    o += b.length;
  }
  if (total % Math.max(n, 1) !== 0) throw new Error("hcat: blocks do not have n rows.");
  return out;
}

/**
 * Dense LU with partial pivoting on a row-major n x n Float64Array, for A = I - rho W when n is small
 * enough (the expected information's tr(G'G) and the reduced-form fit of the pseudo R2).
 */
import { InputError } from "../frame/errors";
import { Csr } from "./sparse";

export interface DenseLu {
  readonly n: number;
  readonly lu: Float64Array;
  readonly piv: Int32Array;
}

export function luFactor(A: Float64Array, n: number): DenseLu {
  const lu = Float64Array.from(A);
  const piv = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    let p = k, m = Math.abs(lu[k * n + k]);
    for (let i = k + 1; i < n; i++) if (Math.abs(lu[i * n + k]) > m) { m = Math.abs(lu[i * n + k]); p = i; }
    piv[k] = p;
    if (m === 0) throw new InputError("I - rho W is singular at the estimate.", "num");
    if (p !== k) for (let j = 0; j < n; j++) { const t = lu[k * n + j]; lu[k * n + j] = lu[p * n + j]; lu[p * n + j] = t; }
    const d = lu[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const f = (lu[i * n + k] /= d);
      if (f === 0) continue;
      const ri = i * n, rk = k * n;
      for (let j = k + 1; j < n; j++) lu[ri + j] -= f * lu[rk + j];
    }
  }
  return { n, lu, piv };
}

export function luSolve(f: DenseLu, b: ArrayLike<number>): Float64Array {
  const { n, lu, piv } = f;
  const x = Float64Array.from(b);
  for (let k = 0; k < n; k++) { const p = piv[k]; if (p !== k) { const t = x[k]; x[k] = x[p]; x[p] = t; } }
  for (let i = 0; i < n; i++) { let s = x[i]; for (let j = 0; j < i; j++) s -= lu[i * n + j] * x[j]; x[i] = s; }
  for (let i = n - 1; i >= 0; i--) { let s = x[i]; for (let j = i + 1; j < n; j++) s -= lu[i * n + j] * x[j]; x[i] = s / lu[i * n + i]; }
  return x;
}

/** I - rho W as a dense row-major matrix. */
export function denseSpatialFilter(w: Csr, rho: number): Float64Array {
  const n = w.n;
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    A[i * n + i] = 1;
    for (let p = w.rowPtr[i]; p < w.rowPtr[i + 1]; p++) A[i * n + w.col[p]] -= rho * w.val[p];
  }
  return A;
}

/** Dense A^-1 (row-major) from its LU: columns solved one by one. */
export function luInverse(f: DenseLu): Float64Array {
  const n = f.n;
  const inv = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    const c = luSolve(f, e);
    for (let i = 0; i < n; i++) inv[i * n + j] = c[i];
  }
  return inv;
}

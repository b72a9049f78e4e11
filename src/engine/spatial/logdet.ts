/**
 * ln|I - rho W| and the traces of the spatial models as functions of rho, from the eigenvalues of W
 * (spectrum.ts): with lambda_j = a + ib and A = I - rho W, G = W A^-1,
 *   ldet = sum ln|1 - rho lambda|,  tr(G) = sum lambda/(1 - rho lambda),  tr(G G) = sum (lambda/(1 - rho lambda))^2,
 *   m_I = tr(A^-1)/n, m_W = tr(A^-1 W)/n = tr(G)/n, dm_I = tr(A^-1 W A^-1)/n, dm_W = tr(G G)/n
 * (real parts; complex eigenvalues come in conjugate pairs). Admissible rho: (1/lambda_min, 1/lambda_max)
 * of the real eigenvalues.
 */
import { Spectrum } from "./spectrum";

export interface TraceSet {
  readonly ldet: number;
  readonly trG: number;
  readonly trGG: number;
  /** tr(A^-1)/n and its rho-derivative tr(A^-1 W A^-1)/n. */
  readonly mI: number;
  readonly dmI: number;
}

/** Solves with A = I - rho W and with A' (vectors in unit order). */
export interface SpatialSolver {
  solve(b: ArrayLike<number>): Float64Array;
  solveTransposed(b: ArrayLike<number>): Float64Array;
}

export interface LogDet {
  readonly n: number;
  readonly lower: number;
  readonly upper: number;
  readonly method: string;
  ldet(rho: number): number;
  /** d ldet / d rho = -tr(G). */
  dldet(rho: number): number;
  traces(rho: number): TraceSet;
  /** Sparse solves with A (logdet-sparse.ts); absent for the eigenvalue route, which uses dense LU. */
  solver?(rho: number): SpatialSolver;
}

export function logDetFromSpectrum(s: Spectrum): LogDet {
  const { re, im, n } = s;
  // real eigenvalues only for the bounds: complex ones never make A singular for real rho
  let minR = Infinity, maxR = -Infinity;
  for (let j = 0; j < n; j++) {
    if (Math.abs(im[j]) > 1e-12 * Math.max(1, Math.abs(re[j]))) continue;
    if (re[j] < minR) minR = re[j];
    if (re[j] > maxR) maxR = re[j];
  }
  const lower = minR < 0 ? 1 / minR : -Infinity;
  const upper = maxR > 0 ? 1 / maxR : Infinity;
  return {
    n,
    lower,
    upper,
    method: `eigenvalues (${s.method})`,
    ldet(rho: number): number {
      let sum = 0;
      for (let j = 0; j < n; j++) {
        const a = 1 - rho * re[j], b = rho * im[j];
        sum += b === 0 ? Math.log(Math.abs(a)) : 0.5 * Math.log(a * a + b * b);
      }
      return sum;
    },
    dldet(rho: number): number {
      let sum = 0;
      for (let j = 0; j < n; j++) {
        const a = 1 - rho * re[j], b = rho * im[j];
        // lambda / (1 - rho lambda) = (re + i im)(a + i b) / (a^2 + b^2)
        sum += (re[j] * a - im[j] * b) / (a * a + b * b);
      }
      return -sum;
    },
    traces(rho: number): TraceSet {
      let ldet = 0, trG = 0, trGG = 0, mI = 0, dmI = 0;
      for (let j = 0; j < n; j++) {
        const a = 1 - rho * re[j], b = rho * im[j];
        const D = a * a + b * b;
        ldet += 0.5 * Math.log(D);
        // h = 1/(1 - rho lambda) = (a + i b)/D
        const hr = a / D, hi = b / D;
        // g = lambda h
        const gr = re[j] * hr - im[j] * hi, gi = re[j] * hi + im[j] * hr;
        trG += gr;
        trGG += gr * gr - gi * gi;
        mI += hr;
        // lambda h^2 = g h
        dmI += gr * hr - gi * hi;
      }
      return { ldet, trG, trGG, mI: mI / n, dmI: dmI / n };
    },
  };
}

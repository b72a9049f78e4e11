/**
 * The spectrum of a weights matrix: eigenvalues, computed once, from which ln|I - rho W| and every trace
 * the models need follow in O(n) per rho (the Ord 1975 approach). For a row-standardised W = D^-1 C with
 * symmetric C, the eigenvalues are those of the symmetric D^-1/2 C D^-1/2 (real, computed by the
 * symmetric routine); a symmetric W (spectral/minmax/none of a symmetric C) likewise; otherwise the general
 * (Hessenberg-QR) routine, whose complex eigenvalues come in conjugate pairs.
 */
import { Csr, csrToDense, csrMatvec } from "./sparse";
import { Eigenvalues, generalEigenvalues, symmetricEigenvalues } from "./eigen";

export interface Spectrum extends Eigenvalues {
  readonly n: number;
  /** "symmetric" (real by construction) or "general". */
  readonly method: "symmetric" | "general";
  readonly maxReal: number;
  readonly minReal: number;
  readonly radius: number;
  readonly maxAbsImag: number;
}

/**
 * Eigenvalues of W. `similarSymmetric`: W = D^-1 C with C symmetric, given as C (raw) and the row sums d.
 */
export function spectrumOf(w: Csr, opts: { symmetric?: boolean; rowOf?: { raw: Csr; rowSums: Float64Array } } = {}): Spectrum {
  const n = w.n;
  let ev: Eigenvalues;
  let method: "symmetric" | "general";
  if (opts.rowOf) {
    const { raw, rowSums } = opts.rowOf;
    const s = new Float64Array(n);
    for (let i = 0; i < n; i++) s[i] = rowSums[i] > 0 ? 1 / Math.sqrt(rowSums[i]) : 0;
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let p = raw.rowPtr[i]; p < raw.rowPtr[i + 1]; p++) A[i * n + raw.col[p]] = s[i] * raw.val[p] * s[raw.col[p]];
    ev = symmetricEigenvalues(A, n);
    method = "symmetric";
  } else if (opts.symmetric) {
    ev = symmetricEigenvalues(csrToDense(w), n);
    method = "symmetric";
  } else {
    ev = generalEigenvalues(csrToDense(w), n);
    method = "general";
  }
  let maxReal = -Infinity, minReal = Infinity, radius = 0, maxAbsImag = 0;
  for (let i = 0; i < n; i++) {
    if (ev.re[i] > maxReal) maxReal = ev.re[i];
    if (ev.re[i] < minReal) minReal = ev.re[i];
    const m = Math.hypot(ev.re[i], ev.im[i]);
    if (m > radius) radius = m;
    if (Math.abs(ev.im[i]) > maxAbsImag) maxAbsImag = Math.abs(ev.im[i]);
  }
  return { ...ev, n, method, maxReal, minReal, radius, maxAbsImag };
}

/** Largest dense problem for which the eigenvalues are computed (beyond: power iteration / sparse methods). */
export const DENSE_EIGEN_MAX_N = 2000;

/**
 * Spectral radius of a non-negative matrix: its Perron root. Dense eigenvalues up to DENSE_EIGEN_MAX_N
 * units, else power iteration on (W + W')/2 (symmetric) or W (to 1e-13 relative change).
 */
export function spectralRadius(w: Csr, symmetric: boolean): number {
  if (w.n <= DENSE_EIGEN_MAX_N) return spectrumOf(w, { symmetric }).radius;
  let x: Float64Array = new Float64Array(w.n).fill(1 / Math.sqrt(w.n));
  let lam = 0;
  for (let it = 0; it < 100000; it++) {
    const y = csrMatvec(w, x);
    let s = 0;
    for (let i = 0; i < w.n; i++) s += y[i] * y[i];
    const nrm = Math.sqrt(s);
    let dot = 0;
    for (let i = 0; i < w.n; i++) dot += x[i] * y[i];
    for (let i = 0; i < w.n; i++) y[i] /= nrm;
    x = y;
    if (Math.abs(dot - lam) <= 1e-14 * Math.abs(dot)) return dot;
    lam = dot;
  }
  return lam;
}

/** The spectrum of a normalised W, by the symmetric routine whenever W is symmetric or similar to symmetric. */
export function spectrumOfWeights(sw: import("./normalise").SpatialWeights): Spectrum {
  if (sw.style === "row" && sw.symmetricBase) return spectrumOf(sw.w, { rowOf: { raw: sw.raw.w, rowSums: sw.rawRowSums } });
  return spectrumOf(sw.w, { symmetric: sw.symmetricBase && sw.style !== "row" });
}

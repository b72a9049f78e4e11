/**
 * Normalisations of a raw weights matrix C (w_ii = 0):
 * - row: w_ij = c_ij / sum_j c_ij (default for Moran and the models); an island row (no neighbour) stays
 *   zero, as spdep's zero.policy = TRUE;
 * - spectral: C / its spectral radius max |eigenvalue|;
 * - minmax: C / min(max row sum, max column sum);
 * - none: C itself.
 * `symmetricBase` records that C is symmetric, so the row-standardised W = D^-1 C is similar to the
 * symmetric D^-1/2 C D^-1/2 and its eigenvalues are real (eigenvalues.ts uses this).
 */
import { InputError } from "../frame/errors";
import { RawWeights } from "./weights";
import { Csr, csrColSums, csrIsSymmetric, csrRowSums, csrScale } from "./sparse";
import { spectralRadius } from "./spectrum";

export type Normalisation = "row" | "spectral" | "minmax" | "none";
export const NORMALISATIONS: readonly Normalisation[] = ["row", "spectral", "minmax", "none"];

export function checkNormalisation(s: string, argName = "normalisation"): Normalisation {
  if (!(NORMALISATIONS as readonly string[]).includes(s)) throw new InputError(`The ${argName} "${s}" is not allowed; use one of ${NORMALISATIONS.join(", ")}.`);
  return s as Normalisation;
}

export interface SpatialWeights {
  readonly ids: readonly string[];
  readonly n: number;
  /** The normalised W used by Moran and the models. */
  readonly w: Csr;
  /** The structural (raw) matrix it came from. */
  readonly raw: RawWeights;
  readonly style: Normalisation;
  /** The raw C is symmetric (exactly). */
  readonly symmetricBase: boolean;
  /** Divisor of the spectral / minmax normalisation (1 otherwise). */
  readonly divisor: number;
  /** Row sums of the raw matrix (the D of D^-1 C). */
  readonly rawRowSums: Float64Array;
}

export function normaliseWeights(raw: RawWeights, style: Normalisation = "row"): SpatialWeights {
  const c = raw.w;
  const symmetricBase = csrIsSymmetric(c);
  const rs = csrRowSums(c);
  let w: Csr;
  let divisor = 1;
  if (style === "row") {
    const inv = new Float64Array(c.n);
    for (let i = 0; i < c.n; i++) inv[i] = rs[i] > 0 ? 1 / rs[i] : 0;
    w = csrScale(c, 1, inv);
  } else if (style === "spectral") {
    divisor = spectralRadius(c, symmetricBase);
    w = csrScale(c, 1 / divisor);
  } else if (style === "minmax") {
    const cs = csrColSums(c);
    let mr = 0, mc = 0;
    for (let i = 0; i < c.n; i++) {
      if (rs[i] > mr) mr = rs[i];
      if (cs[i] > mc) mc = cs[i];
    }
    divisor = Math.min(mr, mc);
    w = csrScale(c, 1 / divisor);
  } else {
    w = c;
  }
  return { ids: raw.ids, n: c.n, w, raw, style, symmetricBase, divisor, rawRowSums: rs };
}

/** True when every row of W sums to 1 (up to rounding) or is an island row of zeros. */
export function isRowStochastic(w: Csr, tol = 1e-12): boolean {
  const rs = csrRowSums(w);
  for (let i = 0; i < w.n; i++) if (w.rowPtr[i + 1] > w.rowPtr[i] && Math.abs(rs[i] - 1) > tol) return false;
  return true;
}

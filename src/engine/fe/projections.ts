/**
 * Alternating projections (method of alternating projections, Guimaraes-Portugal / Gaure) for any
 * number of FE dimensions, accelerated with Irons-Tuck extrapolation every other sweep (as fixest).
 * One sweep subtracts group means for each dimension in turn; the fixed point is the residual of x on
 * all dummies. Converges when a sweep changes no entry by more than tol x max|x|.
 */
import { subtractGroupMeans } from "./groups";

export interface ProjectionDim {
  readonly codes: Int32Array;
  readonly invCounts: Float64Array;
}

export interface ProjectionOptions {
  readonly tol: number;
  readonly maxIter: number;
}

export interface ProjectionReport {
  readonly iterations: number;
  readonly converged: boolean;
}

function sweep(dims: readonly ProjectionDim[], x: Float64Array, scratch: Float64Array[]): void {
  for (let d = 0; d < dims.length; d++) subtractGroupMeans(dims[d].codes, dims[d].invCounts, x, scratch[d]);
}

export function alternatingProjections(
  dims: readonly ProjectionDim[],
  x: ArrayLike<number>,
  out: Float64Array,
  opts: ProjectionOptions,
): ProjectionReport {
  const n = out.length;
  const scratch = dims.map((d) => new Float64Array(d.invCounts.length));
  for (let i = 0; i < n; i++) out[i] = x[i];
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(out[i]));
  if (scale === 0) return { iterations: 0, converged: true };
  const thresh = opts.tol * scale;
  const X = out;
  const GX = new Float64Array(n);
  const GGX = new Float64Array(n);
  sweep(dims, X, scratch);
  if (dims.length === 1) return { iterations: 1, converged: true };
  for (let iter = 1; iter <= opts.maxIter; iter++) {
    GX.set(X);
    sweep(dims, GX, scratch);
    GGX.set(GX);
    sweep(dims, GGX, scratch);
    // Irons-Tuck: X' = GGX - [(dGX . d2X)/(d2X . d2X)] dGX, dGX = GGX - GX, d2X = dGX - (GX - X).
    let num = 0;
    let den = 0;
    let change = 0;
    for (let i = 0; i < n; i++) {
      const dG = GGX[i] - GX[i];
      const d2 = dG - GX[i] + X[i];
      num += dG * d2;
      den += d2 * d2;
      const c = Math.abs(dG);
      if (c > change) change = c;
    }
    if (change <= thresh) {
      X.set(GGX);
      return { iterations: iter * 2 + 1, converged: true };
    }
    if (den > 0) {
      const coef = num / den;
      for (let i = 0; i < n; i++) X[i] = GGX[i] - coef * (GGX[i] - GX[i]);
    } else {
      X.set(GGX);
    }
  }
  return { iterations: opts.maxIter * 2 + 1, converged: false };
}

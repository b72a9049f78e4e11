/**
 * Pseudo R2 of a spatial panel model (our definition; packages differ): squared correlation between y and
 * the reduced-form fit yhat = (I_T kron (I - rho W))^-1 (X b + W X theta) without the fixed effects:
 * within (both two-way demeaned), between (unit means), overall (all rows). SEM: yhat = X b.
 */
import { denseSpatialFilter, luFactor, luSolve } from "./dense-lu";
import { SpatialPanel } from "./panel";
import { Csr, csrMatvec } from "./sparse";

export interface PseudoR2 {
  readonly within: number;
  readonly between: number;
  readonly overall: number;
}

function corr2(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
  ma /= n; mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma, db = b[i] - mb;
    sab += da * db; saa += da * da; sbb += db * db;
  }
  return (sab * sab) / (saa * sbb);
}

/** Solves (I - rho W) x = v: dense LU up to 2000 units, else the fixed point x = v + rho W x. */
export function spatialSolver(w: Csr, rho: number): (v: Float64Array) => Float64Array {
  if (w.n <= 2000) {
    const lu = luFactor(denseSpatialFilter(w, rho), w.n);
    return (v) => luSolve(lu, v);
  }
  return (v) => {
    let x = Float64Array.from(v);
    const tmp = new Float64Array(w.n);
    for (let it = 0; it < 10000; it++) {
      csrMatvec(w, x, tmp);
      let d = 0, s = 0;
      const nx = new Float64Array(w.n);
      for (let i = 0; i < w.n; i++) {
        nx[i] = v[i] + rho * tmp[i];
        d = Math.max(d, Math.abs(nx[i] - x[i]));
        s = Math.max(s, Math.abs(nx[i]));
      }
      x = nx;
      if (d <= 1e-15 * s) break;
    }
    return x;
  };
}

export function pseudoR2(panel: SpatialPanel, w: Csr, y: Float64Array, mean: Float64Array, rho: number | null): PseudoR2 {
  const { n, T } = panel;
  const yhat = new Float64Array(n * T);
  if (rho === null) yhat.set(mean);
  else {
    const solve = spatialSolver(w, rho);
    for (let t = 0; t < T; t++) yhat.set(solve(mean.subarray(t * n, (t + 1) * n)), t * n);
  }
  const unitMean = (v: Float64Array) => {
    const m = new Float64Array(n);
    for (let p = 0; p < n * T; p++) m[p % n] += v[p] / T;
    return m;
  };
  return {
    within: corr2(panel.fe.demean(y), panel.fe.demean(yhat)),
    between: corr2(unitMean(y), unitMean(yhat)),
    overall: corr2(y, yhat),
  };
}

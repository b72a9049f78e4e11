/**
 * Anderson-Rubin weak-instrument-robust test of H0: beta_endog = b0 (one or more endogenous regressors)
 * and, for one endogenous regressor, its confidence set by test inversion.
 *
 * With everything partialled on the included exogenous: ytilde(b0) = y - X1 b0 regressed on the excluded
 * instruments Z1; AR chi2 = (Z1'ytilde)' M^-1 (Z1'ytilde) with M the meat of the residuals e(b0)
 * (iid: sigma2 Z1'Z1, sigma2 = e'e/(N - dofminus); robust: HC0; cluster: no factor) = the Wald test
 * that the Z1 coefficients are zero. ivreg2 F form: chi2/L1 (N - L - sdofminus - dofminus)/N, or under
 * clustering chi2/(N-1) (N - L - sdofminus) (G-1)/G / L1, with F(L1, N - L - ...) resp. F(L1, G-1).
 * Because e(b0) = e_y - b0 e_x is linear in b0, M(b0) is a quadratic in b0 and the set
 * {b0 : AR(b0) <= critical value} is found on the whole real line (mapped by b0 = tan(theta)).
 * Shapes: Z1 n x L1 (partialled), y and x n (partialled), column-major.
 */
import { crossprod, crossprodXY, symSolve } from "../linalg/dense";
import { chi2UpperP, fUpperP } from "../stats/distributions";
import { ClusterCodes, MeatKind } from "./meat";
import { Projector, residualize } from "./project";

export interface ArSetup {
  readonly n: number;
  readonly l1: number;
  /** Columns y then x (partialled), residualised on Z1: E = [e_y, e_x]. */
  readonly Zy: Float64Array;
  readonly Zx: Float64Array;
  /** Moment sums per cluster (or per row for robust) for e_y and e_x: units x L1 each. */
  readonly sy: Float64Array;
  readonly sx: Float64Array;
  readonly units: number;
  readonly kind: MeatKind;
  readonly eyy: number;
  readonly eyx: number;
  readonly exx: number;
  readonly zz: Float64Array;
  /** F-form multiplier: F = chi2 * fScale, with df [L1, df2]. */
  readonly fScale: number;
  readonly df2: number;
  readonly iidDenominator: number;
}

export interface ArStatistic {
  readonly chi2: number;
  readonly chi2P: number;
  readonly f: number;
  readonly fP: number;
  readonly df: readonly [number, number];
}

/** Precomputes the pieces of AR(b0) for one endogenous regressor x. */
export function arSetup(
  y: Float64Array, x: Float64Array, z1p: Projector, l1: number, n: number,
  kind: MeatKind, opts: { nInstruments: number; sdofminus: number; dofminus: number; clusters?: ClusterCodes },
): ArSetup {
  const Z = z1p.basis;
  const E = residualize(z1p, new Float64Array([...y, ...x]), 2);
  const ey = E.subarray(0, n);
  const ex = E.subarray(n, 2 * n);
  const units = kind === "cluster" ? opts.clusters!.nClusters : n;
  const sy = new Float64Array(kind === "iid" ? 0 : units * l1);
  const sx = new Float64Array(kind === "iid" ? 0 : units * l1);
  if (kind !== "iid") {
    for (let i = 0; i < n; i++) {
      const u = kind === "cluster" ? opts.clusters!.codes[i] : i;
      for (let l = 0; l < l1; l++) {
        sy[u * l1 + l] += ey[i] * Z[i + l * n];
        sx[u * l1 + l] += ex[i] * Z[i + l * n];
      }
    }
  }
  let eyy = 0, eyx = 0, exx = 0;
  for (let i = 0; i < n; i++) {
    eyy += ey[i] * ey[i];
    eyx += ey[i] * ex[i];
    exx += ex[i] * ex[i];
  }
  const G = opts.clusters?.nClusters ?? 0;
  const base = n - opts.nInstruments - opts.sdofminus;
  const fScale = kind === "cluster" ? (base / (n - 1)) * ((G - 1) / G) / l1 : (base - opts.dofminus) / n / l1;
  return {
    n, l1, Zy: crossprodXY(Z, l1, y, 1, n), Zx: crossprodXY(Z, l1, x, 1, n), sy, sx, units, kind, eyy, eyx, exx,
    zz: crossprod(Z, n, l1), fScale, df2: kind === "cluster" ? G - 1 : base - opts.dofminus, iidDenominator: n - opts.dofminus,
  };
}

export function arStatistic(s: ArSetup, b0: number): ArStatistic {
  const { l1 } = s;
  const g = new Float64Array(l1);
  for (let l = 0; l < l1; l++) g[l] = s.Zy[l] - b0 * s.Zx[l];
  const M = new Float64Array(l1 * l1);
  if (s.kind === "iid") {
    const s2 = (s.eyy - 2 * b0 * s.eyx + b0 * b0 * s.exx) / s.iidDenominator;
    for (let i = 0; i < M.length; i++) M[i] = s.zz[i] * s2;
  } else {
    const v = new Float64Array(l1);
    for (let u = 0; u < s.units; u++) {
      for (let l = 0; l < l1; l++) v[l] = s.sy[u * l1 + l] - b0 * s.sx[u * l1 + l];
      for (let b = 0; b < l1; b++) for (let a = 0; a < l1; a++) M[a + b * l1] += v[a] * v[b];
    }
  }
  const sol = symSolve(M, l1, g, 1);
  let chi2 = 0;
  for (let l = 0; l < l1; l++) chi2 += g[l] * sol[l];
  const f = chi2 * s.fScale;
  return { chi2, chi2P: chi2UpperP(chi2, l1), f, fP: fUpperP(f, l1, s.df2), df: [l1, s.df2] };
}

/** A union of closed intervals on the extended real line; +-Infinity marks an unbounded end. */
export type ArConfidenceSet = readonly (readonly [number, number])[];

/**
 * {b0 : p(AR(b0)) >= alpha} using the F form (small) or the chi2 form. Scans b0 = tan(theta) on a grid
 * and refines each boundary by bisection to 1e-12 relative.
 */
export function arConfidenceSet(s: ArSetup, alpha: number, useF: boolean, gridSize = 4000): ArConfidenceSet {
  const accept = (b0: number) => {
    const st = arStatistic(s, b0);
    return (useF ? st.fP : st.chi2P) >= alpha;
  };
  const lim = Math.PI / 2;
  const thetas: number[] = [];
  for (let i = 1; i < gridSize; i++) thetas.push(-lim + (2 * lim * i) / gridSize);
  const inside = thetas.map((t) => accept(Math.tan(t)));
  const refine = (a: number, b: number, inA: boolean) => {
    let lo = a, hi = b;
    for (let it = 0; it < 200 && Math.abs(Math.tan(hi) - Math.tan(lo)) > 1e-12 * Math.max(1, Math.abs(Math.tan(lo))); it++) {
      const mid = 0.5 * (lo + hi);
      if (accept(Math.tan(mid)) === inA) lo = mid;
      else hi = mid;
    }
    return Math.tan(0.5 * (lo + hi));
  };
  const out: [number, number][] = [];
  let start: number | null = inside[0] ? -Infinity : null;
  for (let i = 1; i < thetas.length; i++) {
    if (inside[i] !== inside[i - 1]) {
      const edge = refine(thetas[i - 1], thetas[i], inside[i - 1]);
      if (inside[i]) start = edge;
      else {
        out.push([start ?? -Infinity, edge]);
        start = null;
      }
    }
  }
  if (start !== null) out.push([start, Infinity]);
  // A set unbounded at both ends wraps around infinity: join the two pieces' description as is.
  return out;
}

/**
 * Direct, indirect and total effects of the lag models (LeSage and Pace 2009, row-normalised W):
 * A = I - rho W, direct_k = tr[A^-1 (b_k I + theta_k W)]/n = b_k m_I + theta_k m_W,
 * total_k = (b_k + theta_k)/(1 - rho), indirect = total - direct (SAR: theta = 0).
 * Delta-method SE (Stata estat impact): sqrt(g' V g), analytic gradient in (b_k, theta_k, rho):
 * d direct/d rho = b_k dm_I + theta_k dm_W, d total/d rho = (b_k + theta_k)/(1 - rho)^2.
 * The LeSage-Pace simulation draws (b, theta, rho) from N(estimate, V) (seeded) and reports the mean and
 * standard deviation of the simulated effects (draws with rho outside the admissible interval are redrawn).
 */
import { InputError } from "../frame/errors";
import { cholesky } from "../linalg";
import { normalTwoSidedP } from "../stats/distributions";
import { Rng, checkSeed } from "../resample/rng";
import { LogDet } from "./logdet";

export interface EffectEstimate {
  readonly coef: number;
  readonly se: number;
  readonly z: number;
  readonly p: number;
}

export interface EffectsRow {
  readonly name: string;
  readonly direct: EffectEstimate;
  readonly indirect: EffectEstimate;
  readonly total: EffectEstimate;
}

export interface EffectsResult {
  readonly method: "delta" | "simulation";
  readonly rows: readonly EffectsRow[];
  readonly multipliers: { readonly mI: number; readonly mW: number; readonly dmI: number; readonly dmW: number };
  readonly draws?: number;
  readonly seed?: number;
}

function est(coef: number, se: number): EffectEstimate {
  const z = coef / se;
  return { coef, se, z, p: normalTwoSidedP(z) };
}

/**
 * `bPos[k]`, `thetaPos[k]` (or -1), `rhoPos`: positions in the parameter vector `theta` whose covariance is V (q x q).
 */
export function deltaEffects(names: readonly string[], params: Float64Array, V: Float64Array, q: number, bPos: readonly number[], thetaPos: readonly number[], rhoPos: number, logdet: LogDet): EffectsResult {
  const rho = params[rhoPos];
  const t = logdet.traces(rho);
  const mI = t.mI, mW = t.trG / logdet.n, dmI = t.dmI, dmW = t.trGG / logdet.n;
  const quad = (g: Float64Array) => {
    let s = 0;
    for (let i = 0; i < q; i++) if (g[i] !== 0) for (let j = 0; j < q; j++) s += g[i] * V[i * q + j] * g[j];
    return Math.sqrt(s);
  };
  const rows = names.map((name, k) => {
    const b = params[bPos[k]], th = thetaPos[k] >= 0 ? params[thetaPos[k]] : 0;
    const direct = b * mI + th * mW;
    const total = (b + th) / (1 - rho);
    const gd = new Float64Array(q), gt = new Float64Array(q), gi = new Float64Array(q);
    gd[bPos[k]] = mI;
    gt[bPos[k]] = 1 / (1 - rho);
    if (thetaPos[k] >= 0) {
      gd[thetaPos[k]] = mW;
      gt[thetaPos[k]] = 1 / (1 - rho);
    }
    gd[rhoPos] = b * dmI + th * dmW;
    gt[rhoPos] = (b + th) / (1 - rho) ** 2;
    for (let i = 0; i < q; i++) gi[i] = gt[i] - gd[i];
    return { name, direct: est(direct, quad(gd)), indirect: est(total - direct, quad(gi)), total: est(total, quad(gt)) };
  });
  return { method: "delta", rows, multipliers: { mI, mW, dmI, dmW } };
}

function normalDraw(rng: Rng): number {
  // Box-Muller on two uniforms in (0, 1)
  let u = 0;
  while (u === 0) u = rng.uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.uniform());
}

export function simulatedEffects(names: readonly string[], params: Float64Array, V: Float64Array, q: number, bPos: readonly number[], thetaPos: readonly number[], rhoPos: number, logdet: LogDet, draws = 1000, seed = 12345): EffectsResult {
  if (!Number.isInteger(draws) || draws < 2 || draws > 1e6) throw new InputError(`The number of simulation draws must be a whole number from 2 to 1000000; got ${draws}.`);
  checkSeed(seed);
  const rng = new Rng(seed);
  const L = cholesky(Float64Array.from(V), q);
  const K = names.length;
  const sums = new Float64Array(3 * K), sq = new Float64Array(3 * K);
  const z = new Float64Array(q), th = new Float64Array(q);
  for (let d = 0; d < draws; d++) {
    let tries = 0;
    for (;;) {
      for (let i = 0; i < q; i++) z[i] = normalDraw(rng);
      for (let i = 0; i < q; i++) {
        let s = params[i];
        for (let j = 0; j <= i; j++) s += L[i + j * q] * z[j];
        th[i] = s;
      }
      if (th[rhoPos] > logdet.lower && th[rhoPos] < logdet.upper) break;
      if (++tries > 1000) throw new InputError("The simulated rho falls outside the admissible interval in 1000 draws in a row: the SE of rho is too large for the LeSage-Pace simulation; use the delta method.");
    }
    const t = logdet.traces(th[rhoPos]);
    const mW = t.trG / logdet.n;
    for (let k = 0; k < K; k++) {
      const b = th[bPos[k]], tk = thetaPos[k] >= 0 ? th[thetaPos[k]] : 0;
      const dir = b * t.mI + tk * mW, tot = (b + tk) / (1 - th[rhoPos]);
      const v = [dir, tot - dir, tot];
      for (let c = 0; c < 3; c++) {
        sums[3 * k + c] += v[c];
        sq[3 * k + c] += v[c] * v[c];
      }
    }
  }
  const m = (k: number, c: number) => {
    const mean = sums[3 * k + c] / draws;
    return est(mean, Math.sqrt(Math.max(0, (sq[3 * k + c] - draws * mean * mean) / (draws - 1))));
  };
  const base = deltaEffects(names, params, V, q, bPos, thetaPos, rhoPos, logdet);
  return { method: "simulation", rows: names.map((name, k) => ({ name, direct: m(k, 0), indirect: m(k, 1), total: m(k, 2) })), multipliers: base.multipliers, draws, seed };
}

/**
 * Global Moran's I (spdep moran.test conventions) with the randomisation and normality variances, the
 * Moran scatter data (z, Wz, slope), and an optional seeded permutation test.
 *
 * z = x - mean(x); I = (n/S0) z'Wz / z'z; E = -1/(n-1); S0, S1, S2 as weightsConstants.
 * Normality: Var = (n^2 S1 - n S2 + 3 S0^2) / (S0^2 (n^2 - 1)) - E^2.
 * Randomisation: b2 = n sum z^4 / (sum z^2)^2, Var = [n((n^2-3n+3) S1 - n S2 + 3 S0^2)
 *   - b2((n^2-n) S1 - 2n S2 + 6 S0^2)] / ((n-1)(n-2)(n-3) S0^2) - E^2.
 * With islands, n is the number of units with neighbours (spdep's adjust.n = TRUE); z still uses all units.
 * Permutation: p = (1 + #{I_perm >= I_obs}) / (nsim + 1) (one-sided, "greater"); `pSpdep` is spdep
 * 1.2-7 moran.mc's max(#{I_perm > I_obs}, 1) / (nsim + 1).
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { InputError } from "../frame/errors";
import { normalTwoSidedP } from "../stats/distributions";
import { Rng, checkSeed } from "../resample/rng";
import { Csr, csrCardinalities, csrMatvec } from "./sparse";
import { weightsConstants } from "./summary";

export interface MoranVariance {
  readonly variance: number;
  readonly z: number;
  readonly pGreater: number;
  readonly pTwoSided: number;
}

export interface MoranPermutation {
  readonly nsim: number;
  readonly seed: number;
  readonly p: number;
  readonly pSpdep: number;
  readonly mean: number;
  readonly sd: number;
}

export interface MoranGlobal {
  readonly n: number;
  readonly I: number;
  readonly expectation: number;
  readonly S0: number;
  readonly S1: number;
  readonly S2: number;
  readonly b2: number;
  readonly randomisation: MoranVariance;
  readonly normality: MoranVariance;
  /** Moran scatter: z_i and (Wz)_i, slope of the regression of Wz on z (= z'Wz / z'z). */
  readonly scatter: { readonly z: Float64Array; readonly wz: Float64Array; readonly slope: number };
  readonly permutation?: MoranPermutation;
}

export interface MoranOptions {
  /** Number of permutations (0 = none). */
  readonly nsim?: number;
  readonly seed?: number;
}

export function checkComplete(x: ArrayLike<number>, ids: readonly string[], variable: string): void {
  const bad: string[] = [];
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) bad.push(ids[i]);
  if (bad.length > 0) throw new InputError(`${variable} is missing for ${bad.length} unit(s): ${bad.slice(0, 10).join(", ")}${bad.length > 10 ? ", ..." : ""}. Moran's I needs a value for every unit of W (drop those units from W or fill the values).`);
}

/** z = x - mean(x), sum z^2 and sum z^4 (errors when x is constant). */
export function centred(x: ArrayLike<number>, variable: string, what: string): { mean: number; z: Float64Array; m2: number; m4: number } {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  const z = new Float64Array(n);
  let m2 = 0, m4 = 0;
  for (let i = 0; i < n; i++) {
    z[i] = x[i] - mean;
    m2 += z[i] * z[i];
    m4 += z[i] ** 4;
  }
  if (!(m2 > 0)) throw new InputError(`${variable} is constant across units: ${what} is undefined.`);
  return { mean, z, m2, m4 };
}

function moranI(z: Float64Array, w: Csr, nAdj: number, S0: number, wz: Float64Array): number {
  csrMatvec(w, z, wz);
  let num = 0, den = 0;
  for (let i = 0; i < z.length; i++) {
    num += z[i] * wz[i];
    den += z[i] * z[i];
  }
  return ((nAdj / S0) * num) / den;
}

function tails(I: number, E: number, variance: number): MoranVariance {
  const z = (I - E) / Math.sqrt(variance);
  return { variance, z, pGreater: normalCdf(-z, 0, 1), pTwoSided: normalTwoSidedP(z) };
}

export function moranGlobal(x: ArrayLike<number>, w: Csr, ids: readonly string[], variable = "the variable", opts: MoranOptions = {}): MoranGlobal {
  const nAll = w.n;
  if (x.length !== nAll) throw new InputError(`${variable} has ${x.length} values but W has ${nAll} units.`);
  checkComplete(x, ids, variable);
  const card = csrCardinalities(w);
  let islands = 0;
  for (let i = 0; i < nAll; i++) if (card[i] === 0) islands++;
  const n = nAll - islands;
  if (n < 4) throw new InputError(`Moran's I needs at least 4 units with neighbours; W has ${n}.`);
  const { z, m2, m4 } = centred(x, variable, "Moran's I");
  const { S0, S1, S2 } = weightsConstants(w);
  const wz = new Float64Array(nAll);
  const I = moranI(z, w, n, S0, wz);
  const E = -1 / (n - 1);
  const b2 = (n * m4) / (m2 * m2);
  const S02 = S0 * S0;
  const n2 = n * n;
  const varN = (n2 * S1 - n * S2 + 3 * S02) / (S02 * (n2 - 1)) - E * E;
  const varR = (n * ((n2 - 3 * n + 3) * S1 - n * S2 + 3 * S02) - b2 * ((n2 - n) * S1 - 2 * n * S2 + 6 * S02)) / ((n - 1) * (n - 2) * (n - 3) * S02) - E * E;
  let slopeNum = 0;
  for (let i = 0; i < nAll; i++) slopeNum += z[i] * wz[i];
  const result: MoranGlobal = {
    n,
    I,
    expectation: E,
    S0,
    S1,
    S2,
    b2,
    randomisation: tails(I, E, varR),
    normality: tails(I, E, varN),
    scatter: { z, wz, slope: slopeNum / m2 },
  };
  const nsim = opts.nsim ?? 0;
  if (nsim > 0) {
    if (!Number.isInteger(nsim) || nsim > 1e6) throw new InputError(`The number of permutations must be a whole number from 1 to 1000000; got ${nsim}.`);
    const seed = checkSeed(opts.seed ?? 12345);
    const rng = new Rng(seed);
    const zp = Float64Array.from(z);
    const tmp = new Float64Array(nAll);
    let ge = 0, gt = 0, s = 0, ss = 0;
    for (let r = 0; r < nsim; r++) {
      rng.shuffle(zp);
      const Ip = moranI(zp, w, n, S0, tmp);
      if (Ip >= I) ge++;
      if (Ip > I) gt++;
      s += Ip;
      ss += Ip * Ip;
    }
    const pm = s / nsim;
    return { ...result, permutation: { nsim, seed, p: (1 + ge) / (nsim + 1), pSpdep: Math.max(gt, 1) / (nsim + 1), mean: pm, sd: Math.sqrt(Math.max(0, (ss - nsim * pm * pm) / (nsim - 1))) } };
  }
  return result;
}

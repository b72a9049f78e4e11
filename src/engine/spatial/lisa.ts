/**
 * Local Moran's I (LISA) with spdep 1.2-7 localmoran defaults (conditional = TRUE, mlvar = TRUE,
 * two-sided) and the total-randomisation variant (conditional = FALSE); quadrants and cluster labels.
 *
 * m2 = z'z/n; Ii = (z_i/m2)(Wz)_i; E_Ii = -z_i^2 W_i/((n-1) m2);
 * Var_Ii = (z_i/m2)^2 n/(n-2) (W_i2 - W_i^2/(n-1)) (m2 - z_i^2/(n-1)), W_i = sum_j w_ij, W_i2 = sum_j w_ij^2.
 * Total: E = -W_i/(n-1), Var = A W_i2 + B (W_i^2 - W_i2) - E^2, A = (n - b2)/(n-1),
 * B = (2 b2 - n)/((n-1)(n-2)), b2 = (sum z^4/n)/m2^2.
 * Quadrants (spdep attr "quadr"): mean = (x vs mean(x), Wx vs mean(Wx)); median likewise; pysal = (z vs 0,
 * Wz vs 0); "High" strictly above the cut. Cluster at alpha = the mean quadrant when p < alpha, else "ns".
 */
import { InputError } from "../frame/errors";
import { normalTwoSidedP } from "../stats/distributions";
import { centred, checkComplete } from "./moran";
import { Csr, csrMatvec } from "./sparse";

export type Quadrant = "HH" | "LL" | "HL" | "LH";
export type Cluster = Quadrant | "ns";

export interface LisaResult {
  readonly n: number;
  readonly alpha: number;
  readonly x: Float64Array;
  readonly lagX: Float64Array;
  readonly z: Float64Array;
  readonly lagZ: Float64Array;
  readonly Ii: Float64Array;
  readonly E: Float64Array;
  readonly Var: Float64Array;
  readonly Z: Float64Array;
  readonly p: Float64Array;
  readonly total: { readonly E: Float64Array; readonly Var: Float64Array; readonly Z: Float64Array; readonly p: Float64Array };
  readonly quadrantMean: Quadrant[];
  readonly quadrantMedian: Quadrant[];
  readonly quadrantPysal: Quadrant[];
  readonly cluster: Cluster[];
  readonly clusterCounts: Record<Cluster, number>;
}

function median(a: Float64Array): number {
  const s = Float64Array.from(a).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function quadrant(a: number, ca: number, b: number, cb: number): Quadrant {
  return ((a > ca ? "H" : "L") + (b > cb ? "H" : "L")) as Quadrant;
}

export function localMoran(x: ArrayLike<number>, w: Csr, ids: readonly string[], variable = "the variable", alpha = 0.05): LisaResult {
  const n = w.n;
  if (x.length !== n) throw new InputError(`${variable} has ${x.length} values but W has ${n} units.`);
  if (!(alpha > 0 && alpha < 1)) throw new InputError(`The significance level must be between 0 and 1; got ${alpha}.`);
  checkComplete(x, ids, variable);
  const xs = Float64Array.from(x);
  const c = centred(xs, variable, "local Moran's I");
  const { mean, z } = c;
  const m2 = c.m2 / n, m4 = c.m4 / n;
  const b2 = m4 / (m2 * m2);
  const lagX = csrMatvec(w, xs);
  const lagZ = csrMatvec(w, z);
  const Ii = new Float64Array(n), E = new Float64Array(n), Var = new Float64Array(n), Z = new Float64Array(n), p = new Float64Array(n);
  const Et = new Float64Array(n), Vt = new Float64Array(n), Zt = new Float64Array(n), pt = new Float64Array(n);
  const A = (n - b2) / (n - 1);
  const B = (2 * b2 - n) / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) {
    let Wi = 0, Wi2 = 0;
    for (let q = w.rowPtr[i]; q < w.rowPtr[i + 1]; q++) {
      Wi += w.val[q];
      Wi2 += w.val[q] * w.val[q];
    }
    const zi = z[i];
    Ii[i] = (zi / m2) * lagZ[i];
    E[i] = (-(zi * zi) * Wi) / ((n - 1) * m2);
    Var[i] = (zi / m2) ** 2 * (n / (n - 2)) * (Wi2 - (Wi * Wi) / (n - 1)) * (m2 - (zi * zi) / (n - 1));
    Z[i] = (Ii[i] - E[i]) / Math.sqrt(Var[i]);
    p[i] = normalTwoSidedP(Z[i]);
    Et[i] = -Wi / (n - 1);
    Vt[i] = A * Wi2 + B * (Wi * Wi - Wi2) - Et[i] * Et[i];
    Zt[i] = (Ii[i] - Et[i]) / Math.sqrt(Vt[i]);
    pt[i] = normalTwoSidedP(Zt[i]);
  }
  let meanLag = 0;
  for (let i = 0; i < n; i++) meanLag += lagX[i];
  meanLag /= n;
  const medX = median(xs), medLag = median(lagX);
  const quadrantMean: Quadrant[] = [], quadrantMedian: Quadrant[] = [], quadrantPysal: Quadrant[] = [], cluster: Cluster[] = [];
  const clusterCounts: Record<Cluster, number> = { HH: 0, LL: 0, HL: 0, LH: 0, ns: 0 };
  for (let i = 0; i < n; i++) {
    quadrantMean.push(quadrant(xs[i], mean, lagX[i], meanLag));
    quadrantMedian.push(quadrant(xs[i], medX, lagX[i], medLag));
    quadrantPysal.push(quadrant(z[i], 0, lagZ[i], 0));
    const c: Cluster = p[i] < alpha ? quadrantMean[i] : "ns";
    cluster.push(c);
    clusterCounts[c]++;
  }
  return { n, alpha, x: xs, lagX, z, lagZ, Ii, E, Var, Z, p, total: { E: Et, Var: Vt, Z: Zt, p: pt }, quadrantMean, quadrantMedian, quadrantPysal, cluster, clusterCounts };
}

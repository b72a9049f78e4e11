/**
 * The weights summary a builder prints (spdep's print.nb / summary.nb and spweights.constants): n, links
 * (ordered pairs i != j with w_ij != 0), neighbour counts (min / mean = links / n / max), islands named in
 * id order, structural asymmetry (pairs with w_ij != 0 and w_ji = 0), and S0, S1, S2 of the W in use.
 */
import { Csr, csrCardinalities, csrGet, csrTranspose } from "./sparse";
import { SpatialWeights } from "./normalise";

export interface WeightsConstants {
  readonly S0: number;
  readonly S1: number;
  readonly S2: number;
}

export interface WeightsSummary {
  readonly spec: string;
  readonly style: string;
  readonly n: number;
  readonly links: number;
  readonly neighbours: { readonly min: number; readonly mean: number; readonly max: number };
  /** Neighbour count of each unit, in id order. */
  readonly cardinalities: Int32Array;
  readonly islands: readonly string[];
  readonly asymmetricLinks: number;
  readonly structurallySymmetric: boolean;
  /** S0, S1, S2 of the normalised W. */
  readonly constants: WeightsConstants;
}

/** S0 = sum w; S1 = 1/2 sum (w_ij + w_ji)^2; S2 = sum_i (w_i. + w_.i)^2. */
export function weightsConstants(w: Csr): WeightsConstants {
  const t = csrTranspose(w);
  let S0 = 0, S1 = 0, S2 = 0;
  const rs = new Float64Array(w.n);
  const cs = new Float64Array(w.n);
  for (let i = 0; i < w.n; i++) {
    for (let p = w.rowPtr[i]; p < w.rowPtr[i + 1]; p++) {
      const v = w.val[p];
      const j = w.col[p];
      S0 += v;
      rs[i] += v;
      cs[j] += v;
      const s = v + csrGet(t, i, j);
      S1 += s * s;
    }
    // pairs stored only in W' (w_ij = 0, w_ji != 0)
    for (let p = t.rowPtr[i]; p < t.rowPtr[i + 1]; p++) {
      if (csrGet(w, i, t.col[p]) === 0) S1 += t.val[p] * t.val[p];
    }
  }
  S1 /= 2;
  for (let i = 0; i < w.n; i++) S2 += (rs[i] + cs[i]) ** 2;
  return { S0, S1, S2 };
}

export function summariseWeights(sw: SpatialWeights): WeightsSummary {
  const c = sw.raw.w;
  const card = csrCardinalities(c);
  let links = 0, min = Infinity, max = -Infinity;
  const islands: string[] = [];
  for (let i = 0; i < c.n; i++) {
    links += card[i];
    if (card[i] < min) min = card[i];
    if (card[i] > max) max = card[i];
    if (card[i] === 0) islands.push(sw.ids[i]);
  }
  let asym = 0;
  for (let i = 0; i < c.n; i++) for (let p = c.rowPtr[i]; p < c.rowPtr[i + 1]; p++) if (csrGet(c, c.col[p], i) === 0) asym++;
  return {
    spec: sw.raw.spec,
    style: sw.style,
    n: c.n,
    links,
    neighbours: { min, mean: links / c.n, max },
    cardinalities: card,
    islands,
    asymmetricLinks: asym,
    structurallySymmetric: asym === 0,
    constants: weightsConstants(sw.w),
  };
}

/**
 * Variance as bread x meat x bread with a registry of meats (STYLE.md item 4). The parts are kept so
 * standard errors can be recomputed for another type without refitting.
 *
 * Shapes: X is n x p column-major (the regressors the scores are built from: within-transformed for
 * FE models), resid length n, bread p x p = (X'X)^-1. Scores s_i = x_i e_i.
 */
import { InputError } from "../frame/errors";
import { denseCodes } from "../fe/groups";
import { blockGram, crossprod, sandwich } from "../linalg/dense";
import { VcovType } from "../models/result";
import { SmallSample } from "./small-sample";

export interface SandwichParts {
  readonly n: number;
  readonly p: number;
  readonly bread: Float64Array;
  /** n x p column-major, or the p columns as separate arrays (no copy needed). */
  readonly X: Float64Array | readonly ArrayLike<number>[];
  readonly resid: Float64Array;
}

/** The p columns of X as views. */
export function scoreColumns(parts: SandwichParts): readonly ArrayLike<number>[] {
  const { X, n, p } = parts;
  if (!(X instanceof Float64Array)) return X;
  return Array.from({ length: p }, (_, j) => X.subarray(j * n, (j + 1) * n));
}

/** Scores s_i = x_i e_i as an n x p column-major matrix. */
function scoreMatrix(parts: SandwichParts): Float64Array {
  const { n, p, resid } = parts;
  const cols = scoreColumns(parts);
  const S = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const c = cols[j];
    for (let i = 0; i < n; i++) S[j * n + i] = c[i] * resid[i];
  }
  return S;
}

/** One meat: sum of outer products of scores (summed within clusters where relevant), p x p. */
export type Meat = (parts: SandwichParts, clusters: readonly Int32Array[]) => Float64Array;

/** Scores summed by cluster: G x p column-major. */
export function clusterScoreSums(parts: SandwichParts, codes: Int32Array, g: number): Float64Array {
  const { n, p, resid } = parts;
  const cols = scoreColumns(parts);
  const S = new Float64Array(g * p);
  if (n === 0) return S;
  // Each column adds runs of equal codes in a register (sorted panels: no store-to-load chain through
  // S); rows go in chunks so resid and codes are read from cache by every column, and each column's
  // running (cluster, sum) carries over from chunk to chunk: the same sums as column after column.
  const CHUNK = 4096;
  const cur = new Int32Array(p).fill(codes[0]);
  const acc = new Float64Array(p);
  for (let i0 = 0; i0 < n; i0 += CHUNK) {
    const i1 = Math.min(n, i0 + CHUNK);
    for (let j = 0; j < p; j++) {
      const c = cols[j];
      const os = j * g;
      let gj = cur[j];
      let a = acc[j];
      for (let i = i0; i < i1; i++) {
        const k = codes[i];
        if (k !== gj) {
          S[os + gj] += a;
          gj = k;
          a = c[i] * resid[i];
        } else a += c[i] * resid[i];
      }
      cur[j] = gj;
      acc[j] = a;
    }
  }
  for (let j = 0; j < p; j++) S[j * g + cur[j]] += acc[j];
  return S;
}

function clusterMeat(parts: SandwichParts, codes: Int32Array): Float64Array {
  const dc = denseCodes(codes, "cluster", true);
  const S = clusterScoreSums(parts, dc.codes, dc.levels);
  const g = dc.levels;
  return blockGram(Array.from({ length: parts.p }, (_, j) => S.subarray(j * g, (j + 1) * g)), g);
}

/** Codes of the intersection of two clusterings (e.g. city x year cells). */
export function intersectClusters(a: Int32Array, b: Int32Array): Int32Array {
  let mb = 0;
  for (let i = 0; i < b.length; i++) mb = Math.max(mb, b[i]);
  const keys = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) keys[i] = a[i] * (mb + 1) + b[i];
  const map = new Map<number, number>();
  const out = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) {
    let c = map.get(keys[i]);
    if (c === undefined) {
      c = map.size;
      map.set(keys[i], c);
    }
    out[i] = c;
  }
  return out;
}

export const MEATS: Readonly<Record<VcovType, Meat>> = {
  iid: (parts) => {
    let ssr = 0;
    for (let i = 0; i < parts.n; i++) ssr += parts.resid[i] * parts.resid[i];
    // iid "meat" = SSR x X'X, so that bread meat bread = SSR (X'X)^-1.
    const S = scoreMatrix({ ...parts, resid: new Float64Array(parts.n).fill(1) });
    return crossprod(S, parts.n, parts.p).map((v) => v * ssr);
  },
  hc1: (parts) => crossprod(scoreMatrix(parts), parts.n, parts.p),
  cluster: (parts, clusters) => {
    if (clusters.length === 1) return clusterMeat(parts, clusters[0]);
    if (clusters.length === 2) {
      const m1 = clusterMeat(parts, clusters[0]);
      const m2 = clusterMeat(parts, clusters[1]);
      const m12 = clusterMeat(parts, intersectClusters(clusters[0], clusters[1]));
      return m1.map((v, i) => v + m2[i] - m12[i]);
    }
    throw new InputError(`Clustering supports one or two cluster variables, not ${clusters.length}.`);
  },
};

/**
 * V = factor x bread meat bread, with the factor of `dof` (iid: 1/(N - K_full) times the SSR in the meat).
 * `clusters` are the cluster codes over the n rows (only for "cluster").
 */
export function computeVcov(parts: SandwichParts, dof: SmallSample, clusters: readonly Int32Array[] = []): Float64Array {
  if (parts.bread.length !== parts.p * parts.p) throw new InputError(`The bread must be ${parts.p} x ${parts.p}.`);
  if (parts.p === 0) return new Float64Array(0);
  if (dof.vcovType === "iid") {
    // sigma2 (X'X)^-1 directly: the same as the registry's iid meat, without the round trip.
    let ssr = 0;
    for (let i = 0; i < parts.n; i++) ssr += parts.resid[i] * parts.resid[i];
    return parts.bread.map((v) => v * ssr * dof.factor);
  }
  const meat = MEATS[dof.vcovType](parts, clusters);
  const V = sandwich(parts.bread, parts.p, parts.p, meat);
  for (let i = 0; i < V.length; i++) V[i] *= dof.factor;
  return V;
}

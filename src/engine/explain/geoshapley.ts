/**
 * GeoShapley (Li 2024; the geoshapley 0.2.0 package's estimator with its full-coalition constraint imposed
 * exactly) for ANY model given as a batch predict function on raw rows.
 *
 * Players: the p features (one column each) plus ONE location player GEO (its columns, e.g. lat and lon,
 * move together); M = p + 1. Value function v(S) = mean over the background rows b of f(x_S, b_-S).
 * phi_0 = v(empty). Estimator: weighted least squares of v(S) - v(empty) on
 * z_S = [1(j in S) (p), 1(GEO in S), 1(GEO in S and j in S) (p)] with Shapley-kernel weights
 * pi(s) = (M - 1) / (C(M, s) s (M - s)), subject to sum(beta) = f(x) - phi_0 (the full coalition, exact):
 * beta = P y + u (c - 1'P y), P = (Z'WZ)^-1 Z'W, u = (Z'WZ)^-1 1 / (1'(Z'WZ)^-1 1). Z, W and so P, u are
 * the same for every explained row.
 *
 * Exact mode enumerates all 2^M coalitions (up to `maxExactPlayers`, default 12); above that the
 * Kernel-SHAP estimator samples `samples` coalitions (seeded, paired: S and its complement) with sizes drawn
 * in proportion to the total kernel weight of each size, each weighted equally, and says so in `method`.
 *
 * Cost: (number of coalitions) x (background rows) predictions per explained row.
 */
import { InputError } from "../frame/errors";
import { symSolve } from "../linalg/dense";
import { Rng } from "../resample/rng";

/** Predictions for row-major rows (nRows x width). */
export type BatchPredict = (rows: Float64Array, nRows: number) => ArrayLike<number>;

export interface GeoShapleyInput {
  readonly predict: BatchPredict;
  /** Feature names; feature j is column j. */
  readonly features: readonly string[];
  /** Columns of the location player (default: the two after the features). */
  readonly geoColumns?: readonly number[];
  /** Row width (default p + geoColumns.length). */
  readonly width?: number;
  /** Rows to explain, row-major. */
  readonly X: Float64Array;
  readonly n: number;
  /** Background rows, row-major. */
  readonly background: Float64Array;
  readonly nBackground: number;
  readonly maxExactPlayers?: number;
  /** Kernel-SHAP coalition samples (default 2048) and seed. */
  readonly samples?: number;
  readonly seed?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface GeoShapleyResult {
  readonly method: "exact" | "kernel-shap";
  /** Why the method was chosen, e.g. "13 players > 12: Kernel-SHAP with 2048 sampled coalitions". */
  readonly methodNote: string;
  readonly features: readonly string[];
  readonly base: number;
  /** f(x) per explained row. */
  readonly prediction: Float64Array;
  readonly geo: Float64Array;
  /** Row-major n x p. */
  readonly primary: Float64Array;
  readonly interaction: Float64Array;
  readonly nCoalitions: number;
}

function binom(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** Coalitions as bit masks over M players (player M-1 = GEO), by size then lexicographic (itertools). */
export function coalitionOrder(M: number): number[] {
  const out: number[] = [];
  const rec = (start: number, left: number, mask: number) => {
    if (left === 0) {
      out.push(mask);
      return;
    }
    for (let i = start; i <= M - left; i++) rec(i + 1, left - 1, mask | (1 << i));
  };
  for (let s = 0; s <= M; s++) rec(0, s, 0);
  return out;
}

/** The constrained WLS operator for the given coalitions (excluding empty and full) and weights. */
function estimator(masks: number[], weights: number[], p: number): { P: Float64Array; u: Float64Array; q: number } {
  const M = p + 1;
  const q = 2 * p + 1;
  const geoBit = 1 << p;
  const C = masks.length;
  const Z = new Float64Array(C * q);
  masks.forEach((m, c) => {
    const g = m & geoBit ? 1 : 0;
    for (let j = 0; j < p; j++) {
      const inj = m & (1 << j) ? 1 : 0;
      Z[c * q + j] = inj;
      Z[c * q + p + 1 + j] = inj * g;
    }
    Z[c * q + p] = g;
  });
  void M;
  const A = new Float64Array(q * q);
  for (let c = 0; c < C; c++) {
    const w = weights[c];
    for (let a = 0; a < q; a++) {
      const za = Z[c * q + a] * w;
      if (za === 0) continue;
      for (let b = 0; b < q; b++) A[a * q + b] += za * Z[c * q + b];
    }
  }
  // ZtW (q x C) column-major for symSolve: B[a + c*q] = z_ca w_c.
  const B = new Float64Array(q * (C + 1));
  for (let c = 0; c < C; c++) for (let a = 0; a < q; a++) B[a + c * q] = Z[c * q + a] * weights[c];
  for (let a = 0; a < q; a++) B[a + C * q] = 1;
  const S = symSolve(A, q, B, C + 1);
  const P = S.subarray(0, q * C);
  const g1 = S.subarray(q * C);
  let s1 = 0;
  for (let a = 0; a < q; a++) s1 += g1[a];
  const u = Float64Array.from(g1, (x) => x / s1);
  return { P: Float64Array.from(P), u, q };
}

export function geoShapley(inp: GeoShapleyInput): GeoShapleyResult {
  const p = inp.features.length;
  const geoCols = inp.geoColumns ?? [p, p + 1];
  const width = inp.width ?? p + geoCols.length;
  const M = p + 1;
  const maxExact = inp.maxExactPlayers ?? 12;
  if (inp.nBackground < 1) throw new InputError("GeoShapley needs at least one background row (--background).");
  if (inp.X.length !== inp.n * width || inp.background.length !== inp.nBackground * width) throw new InputError(`GeoShapley: rows must have ${width} columns.`);
  for (let i = 0; i < inp.X.length; i++) if (!Number.isFinite(inp.X[i])) throw new InputError(`GeoShapley: row ${Math.floor(i / width) + 1} has a missing value in column ${(i % width) + 1}.`);
  const playerCols: number[][] = inp.features.map((_, j) => [j]);
  playerCols.push([...geoCols]);
  let masks: number[];
  let weights: number[];
  let method: "exact" | "kernel-shap";
  let methodNote: string;
  const full = (1 << M) - 1;
  if (M <= maxExact) {
    method = "exact";
    masks = coalitionOrder(M).filter((m) => m !== 0 && m !== full);
    weights = masks.map((m) => {
      const s = popcount(m);
      return (M - 1) / (binom(M, s) * s * (M - s));
    });
    methodNote = `exact: all ${1 << M} coalitions of ${M} players (${p} features + GEO)`;
  } else {
    if (M > 30) throw new InputError(`GeoShapley supports at most 30 players; got ${M}.`);
    method = "kernel-shap";
    const nS = Math.max(4 * (2 * p + 1), Math.floor(inp.samples ?? 2048));
    const rng = new Rng(inp.seed ?? 0);
    const sizeW: number[] = [];
    for (let s = 1; s < M; s++) sizeW.push((M - 1) / (s * (M - s)));
    const tot = sizeW.reduce((a, b) => a + b, 0);
    masks = [];
    while (masks.length < nS) {
      let u = rng.uniform() * tot;
      let s = 1;
      while (s < M - 1 && u > sizeW[s - 1]) {
        u -= sizeW[s - 1];
        s++;
      }
      // A uniform subset of size s (partial Fisher-Yates), and its complement (paired sampling).
      const idx = Array.from({ length: M }, (_, i) => i);
      let m = 0;
      for (let i = 0; i < s; i++) {
        const j = i + Math.floor(rng.uniform() * (M - i));
        [idx[i], idx[j]] = [idx[j], idx[i]];
        m |= 1 << idx[i];
      }
      masks.push(m, full & ~m);
    }
    weights = masks.map(() => 1);
    methodNote = `${M} players > ${maxExact} (the exact limit): Kernel-SHAP estimate from ${masks.length} sampled coalitions (paired, seed ${inp.seed ?? 0}); values are approximate`;
  }
  const { P, u, q } = estimator(masks, weights, p);
  const C = masks.length;
  const N = inp.nBackground;
  const bgPred = inp.predict(inp.background, N);
  let base = 0;
  for (let b = 0; b < N; b++) base += bgPred[b];
  base /= N;
  const prediction = new Float64Array(inp.n);
  const geo = new Float64Array(inp.n);
  const primary = new Float64Array(inp.n * p);
  const interaction = new Float64Array(inp.n * p);
  const rows = new Float64Array(C * N * width);
  const xrow = new Float64Array(width);
  const yS = new Float64Array(C);
  for (let i = 0; i < inp.n; i++) {
    xrow.set(inp.X.subarray(i * width, i * width + width));
    prediction[i] = inp.predict(xrow, 1)[0];
    for (let c = 0; c < C; c++) {
      const m = masks[c];
      for (let b = 0; b < N; b++) {
        const o = (c * N + b) * width;
        rows.set(inp.background.subarray(b * width, b * width + width), o);
        for (let pl = 0; pl < M; pl++) if (m & (1 << pl)) for (const col of playerCols[pl]) rows[o + col] = xrow[col];
      }
    }
    const f = inp.predict(rows, C * N);
    for (let c = 0; c < C; c++) {
      let s = 0;
      for (let b = 0; b < N; b++) s += f[c * N + b];
      yS[c] = s / N - base;
    }
    const beta = new Float64Array(q);
    for (let a = 0; a < q; a++) {
      let s = 0;
      for (let c = 0; c < C; c++) s += P[a + c * q] * yS[c];
      beta[a] = s;
    }
    let sb = 0;
    for (let a = 0; a < q; a++) sb += beta[a];
    const gap = prediction[i] - base - sb;
    for (let a = 0; a < q; a++) beta[a] += u[a] * gap;
    for (let j = 0; j < p; j++) {
      primary[i * p + j] = beta[j];
      interaction[i * p + j] = beta[p + 1 + j];
    }
    geo[i] = beta[p];
    inp.onProgress?.(i + 1, inp.n);
  }
  return { method, methodNote, features: inp.features, base, prediction, geo, primary, interaction, nCoalitions: C + 2 };
}

function popcount(m: number): number {
  let c = 0;
  while (m) {
    c += m & 1;
    m >>>= 1;
  }
  return c;
}

/** GeoShapley of a game given directly as v over all 2^M coalitions in `coalitionOrder` (toy games). */
export function geoShapleyFromValues(v: ArrayLike<number>, p: number): { phi0: number; primary: Float64Array; geo: number; interaction: Float64Array } {
  const M = p + 1;
  const order = coalitionOrder(M);
  const full = (1 << M) - 1;
  const masks = order.filter((m) => m !== 0 && m !== full);
  const weights = masks.map((m) => {
    const s = popcount(m);
    return (M - 1) / (binom(M, s) * s * (M - s));
  });
  const { P, u, q } = estimator(masks, weights, p);
  const val = new Map<number, number>();
  order.forEach((m, i) => val.set(m, v[i]));
  const phi0 = val.get(0)!;
  const beta = new Float64Array(q);
  masks.forEach((m, c) => {
    for (let a = 0; a < q; a++) beta[a] += P[a + c * q] * (val.get(m)! - phi0);
  });
  let sb = 0;
  for (let a = 0; a < q; a++) sb += beta[a];
  const gap = val.get(full)! - phi0 - sb;
  for (let a = 0; a < q; a++) beta[a] += u[a] * gap;
  return { phi0, primary: beta.slice(0, p), geo: beta[p], interaction: beta.slice(p + 1) };
}

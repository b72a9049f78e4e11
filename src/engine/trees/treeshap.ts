/**
 * Path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2), as xgboost's pred_contribs, and SHAP
 * interaction values as xgboost's pred_interactions (conditioning on each feature being present / absent).
 *
 * Shapes: `shapValues` -> n x (M + 1) row-major (`phi[i * (M + 1) + j]`, the bias in column M);
 * `shapInteractions` -> n x (M + 1) x (M + 1) row-major (`[i][a][b]` at `(i * (M + 1) + a) * (M + 1) + b`).
 * Computed in double from the float32 model values; covers are the model's `sum_hessian`.
 * The bias = base_score + sum over trees of the cover-weighted mean leaf value (equal for every row).
 */
import { BoostData } from "./data";
import { BoostModel, checkFeatures } from "./model";
import { Tree } from "./tree";

/** Cover-weighted mean leaf value of every node (xgboost's FillNodeMeanValues). */
export function nodeMeanValues(t: Tree): Float64Array {
  const out = new Float64Array(t.nNodes);
  const fill = (k: number): number => {
    if (t.left[k] < 0) out[k] = t.value[k];
    else {
      const l = t.left[k];
      const r = t.right[k];
      out[k] = (fill(l) * t.cover[l] + fill(r) * t.cover[r]) / t.cover[k];
    }
    return out[k];
  };
  fill(0);
  return out;
}

/** The bias column: base_score + sum_t mean value of tree t. */
export function shapBias(model: BoostModel, nTrees = model.trees.length): number {
  let b = model.baseScore;
  for (let t = 0; t < nTrees; t++) b += nodeMeanValues(model.trees[t])[0];
  return b;
}

/** Path storage for one tree of depth D: (D + 2) levels of (D + 2) elements. */
class Path {
  feature: Int32Array;
  zero: Float64Array;
  one: Float64Array;
  pw: Float64Array;
  constructor(size: number) {
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.pw = new Float64Array(size);
  }
}

function extend(p: Path, o: number, ud: number, zero: number, one: number, feature: number): void {
  p.feature[o + ud] = feature;
  p.zero[o + ud] = zero;
  p.one[o + ud] = one;
  p.pw[o + ud] = ud === 0 ? 1 : 0;
  for (let i = ud - 1; i >= 0; i--) {
    p.pw[o + i + 1] += (one * p.pw[o + i] * (i + 1)) / (ud + 1);
    p.pw[o + i] = (zero * p.pw[o + i] * (ud - i)) / (ud + 1);
  }
}

function unwind(p: Path, o: number, ud: number, idx: number): void {
  const one = p.one[o + idx];
  const zero = p.zero[o + idx];
  let nextOne = p.pw[o + ud];
  for (let i = ud - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = p.pw[o + i];
      p.pw[o + i] = (nextOne * (ud + 1)) / ((i + 1) * one);
      nextOne = tmp - (p.pw[o + i] * zero * (ud - i)) / (ud + 1);
    } else {
      p.pw[o + i] = (p.pw[o + i] * (ud + 1)) / (zero * (ud - i));
    }
  }
  for (let i = idx; i < ud; i++) {
    p.feature[o + i] = p.feature[o + i + 1];
    p.zero[o + i] = p.zero[o + i + 1];
    p.one[o + i] = p.one[o + i + 1];
  }
}

function unwoundSum(p: Path, o: number, ud: number, idx: number): number {
  const one = p.one[o + idx];
  const zero = p.zero[o + idx];
  let nextOne = p.pw[o + ud];
  let total = 0;
  for (let i = ud - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = (nextOne * (ud + 1)) / ((i + 1) * one);
      total += tmp;
      nextOne = p.pw[o + i] - tmp * zero * ((ud - i) / (ud + 1));
    } else if (zero !== 0) {
      total += p.pw[o + i] / zero / ((ud - i) / (ud + 1));
    }
  }
  return total;
}

function treeDepth(t: Tree): number {
  const depth = (k: number): number => (t.left[k] < 0 ? 0 : 1 + Math.max(depth(t.left[k]), depth(t.right[k])));
  return depth(0);
}

/**
 * Adds tree t's SHAP values of row i to phi[off .. off + M - 1] (not the bias). condition 0: plain
 * TreeSHAP; +1 / -1: the feature `condFeature` fixed present / absent (for interactions).
 */
class TreeExplainer {
  private readonly path: Path;
  private readonly stride: number;
  constructor(private readonly t: Tree) {
    const D = treeDepth(t);
    this.stride = D + 2;
    this.path = new Path(this.stride * (D + 3));
  }

  run(x: Float32Array, n: number, i: number, phi: Float64Array, off: number, condition: number, condFeature: number): void {
    this.recurse(x, n, i, phi, off, 0, 0, 0, 1, 1, -1, condition, condFeature, 1, 0);
  }

  private recurse(
    x: Float32Array, n: number, i: number, phi: Float64Array, off: number, node: number, ud: number,
    parentOff: number, parentZero: number, parentOne: number, parentFeature: number,
    condition: number, condFeature: number, condFraction: number, level: number,
  ): void {
    if (condFraction === 0) return;
    const t = this.t;
    const p = this.path;
    const o = level * this.stride;
    if (level > 0) {
      // the parent's path, including element ud (kept when a conditioned split does not extend)
      for (let k = 0; k <= ud && k < this.stride; k++) {
        p.feature[o + k] = p.feature[parentOff + k];
        p.zero[o + k] = p.zero[parentOff + k];
        p.one[o + k] = p.one[parentOff + k];
        p.pw[o + k] = p.pw[parentOff + k];
      }
    }
    if (condition === 0 || condFeature !== parentFeature) extend(p, o, ud, parentZero, parentOne, parentFeature);
    if (t.left[node] < 0) {
      const leaf = t.value[node];
      for (let k = 1; k <= ud; k++) {
        const w = unwoundSum(p, o, ud, k);
        phi[off + p.feature[o + k]] += w * (p.one[o + k] - p.zero[o + k]) * leaf * condFraction;
      }
      return;
    }
    const f = t.feature[node];
    const v = x[i + f * n];
    const goLeft = v !== v ? t.defaultLeft[node] === 1 : v < t.value[node];
    const hot = goLeft ? t.left[node] : t.right[node];
    const cold = goLeft ? t.right[node] : t.left[node];
    const w = t.cover[node];
    const hotZero = t.cover[hot] / w;
    const coldZero = t.cover[cold] / w;
    let inZero = 1;
    let inOne = 1;
    let k = 0;
    for (; k <= ud; k++) if (p.feature[o + k] === f) break;
    if (k !== ud + 1) {
      inZero = p.zero[o + k];
      inOne = p.one[o + k];
      unwind(p, o, ud, k);
      ud -= 1;
    }
    let hotCond = condFraction;
    let coldCond = condFraction;
    if (condition > 0 && f === condFeature) {
      coldCond = 0;
      ud -= 1;
    } else if (condition < 0 && f === condFeature) {
      hotCond *= hotZero;
      coldCond *= coldZero;
      ud -= 1;
    }
    this.recurse(x, n, i, phi, off, hot, ud + 1, o, hotZero * inZero, inOne, f, condition, condFeature, hotCond, level + 1);
    this.recurse(x, n, i, phi, off, cold, ud + 1, o, coldZero * inZero, 0, f, condition, condFeature, coldCond, level + 1);
  }
}

function usesFeature(t: Tree): Uint8Array {
  const used = new Uint8Array(Math.max(1, ...Array.from(t.feature)) + 1);
  const walk = (k: number): void => {
    if (t.left[k] < 0) return;
    used[t.feature[k]] = 1;
    walk(t.left[k]);
    walk(t.right[k]);
  };
  walk(0);
  return used;
}

export interface ShapOptions {
  /** Use the first nTrees trees. */
  readonly nTrees?: number;
  /** Only these rows (0-based); the output has one block per listed row. */
  readonly rows?: ArrayLike<number>;
}

/** pred_contribs: n x (M + 1), bias last. */
export function shapValues(model: BoostModel, d: BoostData, opts: ShapOptions = {}): Float64Array {
  checkFeatures(model, d);
  const M = d.m;
  const T = opts.nTrees ?? model.trees.length;
  const rows = opts.rows ?? Int32Array.from({ length: d.n }, (_, i) => i);
  const out = new Float64Array(rows.length * (M + 1));
  const bias = shapBias(model, T);
  const explainers = model.trees.slice(0, T).map((t) => new TreeExplainer(t));
  for (let q = 0; q < rows.length; q++) {
    for (const e of explainers) e.run(d.x, d.n, rows[q], out, q * (M + 1), 0, 0);
    out[q * (M + 1) + M] = bias;
  }
  return out;
}

/** pred_interactions: n x (M + 1) x (M + 1); each row of a matrix sums to phi of that feature. */
export function shapInteractions(model: BoostModel, d: BoostData, opts: ShapOptions = {}): Float64Array {
  checkFeatures(model, d);
  const M = d.m;
  const S = M + 1;
  const T = opts.nTrees ?? model.trees.length;
  const rows = opts.rows ?? Int32Array.from({ length: d.n }, (_, i) => i);
  const trees = model.trees.slice(0, T);
  const explainers = trees.map((t) => new TreeExplainer(t));
  const used = trees.map(usesFeature);
  const bias = shapBias(model, T);
  const out = new Float64Array(rows.length * S * S);
  const diag = new Float64Array(S);
  const on = new Float64Array(S);
  const offv = new Float64Array(S);
  for (let q = 0; q < rows.length; q++) {
    const r = rows[q];
    diag.fill(0);
    for (const e of explainers) e.run(d.x, d.n, r, diag, 0, 0, 0);
    diag[M] = bias;
    const base = q * S * S;
    for (let a = 0; a < M; a++) {
      on.fill(0);
      offv.fill(0);
      for (let t = 0; t < trees.length; t++) {
        if (!used[t][a]) continue;
        explainers[t].run(d.x, d.n, r, on, 0, 1, a);
        explainers[t].run(d.x, d.n, r, offv, 0, -1, a);
      }
      let rowSum = 0;
      for (let b = 0; b < M; b++) {
        if (b === a) continue;
        const v = (on[b] - offv[b]) / 2;
        out[base + a * S + b] = v;
        rowSum += v;
      }
      out[base + a * S + a] = diag[a] - rowSum;
    }
    out[base + M * S + M] = bias;
  }
  return out;
}

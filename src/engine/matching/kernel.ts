/**
 * Kernel and radius matching (psmatch2 `kernel` / `radius`; test/reference/psm/README.md conventions
 * 8-9). For each treated on support, control c gets K((ps_c - ps_t)/h), normalised to sum to 1 over
 * the controls on support; `radius caliper(r)` is the uniform kernel with h = r. The compact kernels
 * (epan, biweight, uniform, tricube) use controls with |ps_c - ps_t| <= h (inclusive; a weight of
 * exactly 0 on the edge still counts as "a control in the window"); the Gaussian uses every control.
 * A treated with no control in the window, or whose weights sum to 0, is off support.
 *
 * Algorithm: controls sorted by score, treated visited in ascending score; the controls inside
 * [ps_t - h, ps_t + h] form a sliding window (two pointers that only move forward), so the cost is
 * O(m log m + sum of window sizes), never n_t x n_c for the compact kernels. The Gaussian window is
 * |u| <= 38.7 (beyond it exp(-u^2/2) underflows to exactly 0, so nothing is lost).
 *
 * Shapes: ps, treat, support over the estimation sample (length m). `weight` gets each control's sum
 * of normalised weights added (controls start at 0); `ymatch[t]` = weighted mean of y over t's
 * controls (when y is given); support is set to 0 for treated that find no control.
 */
import { KernelType } from "./options";

const GAUSS_REACH = 38.7;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** Unnormalised kernel weight at u = d/h for |d| inside the window. */
export function kernelAt(kernel: KernelType, u: number): number {
  switch (kernel) {
    case "epan": return 1 - u * u;
    case "normal": return Math.exp(-0.5 * u * u) * INV_SQRT_2PI;
    case "biweight": { const a = 1 - u * u; return a * a; }
    case "uniform": return 1;
    case "tricube": { const a = 1 - Math.abs(u) ** 3; return a * a * a; }
  }
}

export interface KernelMatchInput {
  readonly ps: ArrayLike<number>;
  readonly treat: ArrayLike<number>;
  readonly support: Uint8Array;
  readonly kernel: KernelType;
  readonly bwidth: number;
  readonly y?: ArrayLike<number>;
  readonly weight: Float64Array;
  readonly ymatch: Float64Array;
  /**
   * "direct": every (treated, control in window) pair; "prefix": epan / uniform only, window sums
   * from prefix sums of (1, c, c^2) x (1, y) (O(n log n) whatever the window sizes; agrees with direct
   * to ~1e-12); "auto" (default): prefix for epan / uniform when n_t x n_c > 1e7.
   */
  readonly algorithm?: "direct" | "prefix" | "auto";
}

const PREFIX_MIN_PAIRS = 1e7;

export function kernelMatch(inp: KernelMatchInput): void {
  const { ps, treat, support, kernel, weight, ymatch, y } = inp;
  const h = inp.bwidth;
  const reach = kernel === "normal" ? GAUSS_REACH * h : h;
  const m = ps.length;
  const ctrl: number[] = [], trt: number[] = [];
  for (let i = 0; i < m; i++) {
    if (support[i] !== 1) continue;
    if (treat[i] === 0) ctrl.push(i);
    else trt.push(i);
  }
  const byScore = (a: number, b: number) => ps[a] - ps[b] || a - b;
  ctrl.sort(byScore);
  trt.sort(byScore);
  const nc = ctrl.length;
  const alg = inp.algorithm ?? "auto";
  if ((kernel === "epan" || kernel === "uniform") && (alg === "prefix" || (alg === "auto" && nc * trt.length > PREFIX_MIN_PAIRS))) {
    prefixMatch(inp, ctrl, trt);
    return;
  }
  const cps = Float64Array.from(ctrl, (i) => ps[i]);
  const cy = y ? Float64Array.from(ctrl, (i) => y[i]) : null;
  const kw = new Float64Array(nc);
  const cw = new Float64Array(nc);
  let lo = 0, hi = 0;
  for (const t of trt) {
    const pt = ps[t];
    while (hi < nc && (cps[hi] <= pt || Math.abs(cps[hi] - pt) <= reach)) hi++;
    while (lo < hi && cps[lo] < pt && !(Math.abs(cps[lo] - pt) <= reach)) lo++;
    if (lo >= hi) {
      support[t] = 0;
      continue;
    }
    let s = 0;
    for (let c = lo; c < hi; c++) {
      const v = kernelAt(kernel, (cps[c] - pt) / h);
      kw[c] = v;
      s += v;
    }
    if (!(s > 0)) {
      support[t] = 0;
      continue;
    }
    let ym = 0;
    for (let c = lo; c < hi; c++) {
      const v = kw[c] / s;
      cw[c] += v;
      if (cy) ym += v * cy[c];
    }
    if (y) ymatch[t] = ym;
  }
  for (let c = 0; c < nc; c++) weight[ctrl[c]] += cw[c];
}

/** Prefix sums of w(i) x v^p over the positions, p = 0..2 (v shifted by 0.5 for accuracy). */
function prefix3(v: Float64Array, w: (i: number) => number): [Float64Array, Float64Array, Float64Array] {
  const n = v.length;
  const a = new Float64Array(n + 1), b = new Float64Array(n + 1), c = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const x = v[i] - 0.5, wi = w(i);
    a[i + 1] = a[i] + wi;
    b[i + 1] = b[i] + wi * x;
    c[i + 1] = c[i] + wi * x * x;
  }
  return [a, b, c];
}

/**
 * Epanechnikov / uniform kernel matching from window sums: K = 1 - (c - t)^2/h^2 (or 1) is a
 * polynomial of degree 2 in c, so each treated's normaliser and matched outcome, and each control's
 * summed weight, come from prefix sums over the sorted scores in O(1) per row. Inclusion uses the same
 * predicates as the direct loop (|c - t| <= h; for epan a positive weight needs |c - t| < h).
 */
function prefixMatch(inp: KernelMatchInput, ctrl: number[], trt: number[]): void {
  const { ps, support, weight, ymatch, y, kernel } = inp;
  const h = inp.bwidth, h2 = h * h;
  const epan = kernel === "epan";
  const inside = (d: number) => (epan ? Math.abs(d) < h : Math.abs(d) <= h);
  const nc = ctrl.length;
  const cps = Float64Array.from(ctrl, (i) => ps[i]);
  const [P0, P1, P2] = prefix3(cps, () => 1);
  const [Q0, Q1, Q2] = y ? prefix3(cps, (i) => y[ctrl[i]]) : [P0, P1, P2];
  const okT: number[] = [];
  const invS: number[] = [];
  let lo = 0, hi = 0, lo2 = 0, hi2 = 0;
  for (const t of trt) {
    const pt = ps[t];
    while (hi < nc && (cps[hi] <= pt || Math.abs(cps[hi] - pt) <= h)) hi++;
    while (lo < hi && cps[lo] < pt && !(Math.abs(cps[lo] - pt) <= h)) lo++;
    while (hi2 < nc && (cps[hi2] <= pt || inside(cps[hi2] - pt))) hi2++;
    while (lo2 < hi2 && cps[lo2] < pt && !inside(cps[lo2] - pt)) lo2++;
    if (lo >= hi || lo2 >= hi2) {
      support[t] = 0;
      continue;
    }
    const tt = pt - 0.5;
    const n = P0[hi] - P0[lo];
    const s = epan ? n - (P2[hi] - P2[lo] - 2 * tt * (P1[hi] - P1[lo]) + tt * tt * n) / h2 : n;
    if (!(s > 0)) {
      support[t] = 0;
      continue;
    }
    if (y) {
      const y0 = Q0[hi] - Q0[lo];
      const num = epan ? y0 - (Q2[hi] - Q2[lo] - 2 * tt * (Q1[hi] - Q1[lo]) + tt * tt * y0) / h2 : y0;
      ymatch[t] = num / s;
    }
    okT.push(t);
    invS.push(1 / s);
  }
  // control side: sum over treated in the window of K / s_t
  const nt = okT.length;
  const tps = Float64Array.from(okT, (i) => ps[i]);
  const [R0, R1, R2] = prefix3(tps, (i) => invS[i]);
  lo = hi = lo2 = hi2 = 0;
  for (let c = 0; c < nc; c++) {
    const pc = cps[c];
    while (hi < nt && (tps[hi] <= pc || Math.abs(tps[hi] - pc) <= h)) hi++;
    while (lo < hi && tps[lo] < pc && !(Math.abs(tps[lo] - pc) <= h)) lo++;
    while (hi2 < nt && (tps[hi2] <= pc || inside(tps[hi2] - pc))) hi2++;
    while (lo2 < hi2 && tps[lo2] < pc && !inside(tps[lo2] - pc)) lo2++;
    if (lo2 >= hi2) continue;
    const cc = pc - 0.5;
    const r0 = R0[hi] - R0[lo];
    weight[ctrl[c]] += epan ? r0 - (R2[hi] - R2[lo] - 2 * cc * (R1[hi] - R1[lo]) + cc * cc * r0) / h2 : r0;
  }
}

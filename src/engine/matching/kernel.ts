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
}

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

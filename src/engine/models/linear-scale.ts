/**
 * Column scaling for the linear estimator on data near the ends of the double range. A value of 1e308
 * is finite, but its square is not, so cross-products, norms and sandwiches overflow (every estimate
 * came out NaN, or the column was called collinear). Least squares is equivariant: with y_s = my y and
 * x_s,j = mx_j x_j, b_s,j = b_j my / mx_j and c_s = my c. Columns whose largest magnitude is outside
 * [2^-450, 2^450] are multiplied by a power of two (exact), the model is fitted on them, and the result is
 * mapped back. Columns inside that range are left as they are, so ordinary data take the unchanged path.
 *
 * Mapped back: coef, se (from the scaled se, so it stays finite when se^2 would not), CI, vcov (entries
 * may overflow to Infinity only when y and a regressor differ by more than ~1e300 in scale), ssr, rmse,
 * residuals, Xw, yw, means and the bread (which may underflow for such data: it is (X'X)^-1 in data units).
 */
import { LinearData } from "./linear-design";
import type { LinearFit } from "./linear-core";
import { VcovType } from "./result";

const LOG2_LIMIT = 450;

export interface ColumnScales {
  /** Multiplier of y and of each regressor (1 = unscaled). */
  readonly y: number;
  readonly x: Float64Array;
}

/** The power of two that brings the largest magnitude of v near 1, or 1 when it is inside the limits (or v is all zero/missing). */
export function multiplier(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (a > m) m = a;
  }
  if (!(m > 0) || !Number.isFinite(m)) return 1;
  const e = Math.floor(Math.log2(m));
  if (e <= LOG2_LIMIT && e >= -LOG2_LIMIT) return 1;
  return 2 ** Math.max(-1020, Math.min(1020, -e));
}

/** The multipliers for y and the regressors, or null when no column needs one. */
export function columnScales(data: Pick<LinearData, "y" | "x">): ColumnScales | null {
  const y = multiplier(data.y.values);
  const x = Float64Array.from(data.x, (c) => multiplier(c.values));
  return y === 1 && x.every((s) => s === 1) ? null : { y, x };
}

function times(v: ArrayLike<number>, s: number): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] * s;
  return out;
}

/** y and the regressors multiplied by their multipliers (copies of the scaled columns only). */
export function scaleData<D extends Pick<LinearData, "y" | "x">>(data: D, sc: ColumnScales): D {
  return {
    ...data,
    y: sc.y === 1 ? data.y : { ...data.y, values: times(data.y.values, sc.y) },
    x: data.x.map((c, j) => (sc.x[j] === 1 ? c : { ...c, values: times(c.values, sc.x[j]) })),
  };
}

/** The fit of the scaled data in the units of the original data (see file header). */
export function unscaleFit(fit: LinearFit, sc: ColumnScales): LinearFit {
  const r = fit.result;
  const p = fit.kept.length;
  const q = r.terms.length;
  // Factor per reported term: slopes mx_j / my, `_cons` 1 / my.
  const f = Float64Array.from({ length: q }, (_, c) => (c < p ? sc.x[fit.kept[c]] / sc.y : 1 / sc.y));
  const mapV = (V: Float64Array) => V.map((v, k) => v * f[k % q] * f[Math.floor(k / q)]);
  const se = r.se.map((v, j) => v * Math.abs(f[j]));
  const result = {
    ...r,
    coef: r.coef.map((v, j) => v * f[j]),
    se,
    ciLow: r.ciLow.map((v, j) => v * f[j]),
    ciHigh: r.ciHigh.map((v, j) => v * f[j]),
    vcov: mapV(r.vcov),
    ssr: r.ssr / sc.y / sc.y,
    rmse: r.rmse / Math.abs(sc.y),
  };
  const n = fit.design.n;
  const mx = Float64Array.from(fit.kept, (j) => sc.x[j]);
  return {
    ...fit,
    result,
    Xw: fit.Xw.map((v, i) => v / mx[Math.floor(i / n)]),
    yw: times(fit.yw, 1 / sc.y),
    resid: times(fit.resid, 1 / sc.y),
    bread: fit.bread.map((v, k) => v * mx[k % p] * mx[Math.floor(k / p)]),
    xMeans: fit.xMeans.map((v, c) => v / mx[c]),
    yMean: fit.yMean / sc.y,
    vcovFor(type: VcovType) {
      const o = fit.vcovFor(type);
      return { vcov: mapV(o.vcov), dof: o.dof };
    },
  };
}

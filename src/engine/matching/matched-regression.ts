/**
 * Any linear / fixed-effects spec on the matched sample (rows with a matching weight), unweighted (as
 * the papers do) or weighted by `_weight` (Stata `[aw = w]`: the weights enter the point estimates
 * and the cluster sandwich; N counts rows; the scale of w does not matter).
 *
 * Unweighted: `fitLinear` on the matched rows. Weighted: the same pipeline (models/linear-core
 * `fitDesign`: sample, singletons, solve, CR1 small-sample factor, t and p) on a design whose columns
 * are scaled by sqrt(w) and whose fixed effects are absorbed by an exact projection on the
 * sqrt(w)-scaled dummy matrix (one Householder QR; weighted demeaning is not a group-mean sweep, so the
 * FE engine's unweighted absorption does not apply). Then the within transformation is weighted,
 * `ssr` = sum w e^2, `r2Within` = 1 - ssr / sum w y~^2, K_full counts the rank of the dummy matrix,
 * and FE nested in the cluster are discounted exactly as unweighted (test/reference/psm convention 15).
 */
import { Frame, numericColumn } from "../frame";
import { InputError } from "../frame/errors";
import { FixedEffects } from "../fe";
import { applyQ, applyQt, householderQR } from "../linalg/qr";
import { fitDesign } from "../models/linear-core";
import { prepareDesign } from "../models/linear-design";
import { fitLinear, linearDataFromFrame, LinearSpec } from "../models/linear";
import { RegressionResult } from "../models/result";

/** Largest dummy matrix (rows x levels) the weighted projection builds. */
const MAX_DUMMY_CELLS = 4e7;

export interface MatchedRegressionOptions {
  /** Weight by the matching weights (`_weight`); default false (every matched row once). */
  readonly weighted?: boolean;
}

/** The candidate rows of `spec.rows` (if any) that are in the matched sample. */
function matchedSubset(weight: ArrayLike<number>, rows?: Int32Array): Int32Array {
  const out: number[] = [];
  if (rows) {
    for (const i of rows) if (!Number.isNaN(weight[i])) out.push(i);
  } else {
    for (let i = 0; i < weight.length; i++) if (!Number.isNaN(weight[i])) out.push(i);
  }
  return Int32Array.from(out);
}

/** Projection off the span of the sqrt(w)-scaled FE dummies (rows of the design). */
function weightedAbsorber(base: FixedEffects, sw: Float64Array): FixedEffects {
  const n = base.n;
  const L = base.dims.reduce((s, d) => s + d.levels, 0);
  if (n * L > MAX_DUMMY_CELLS) {
    throw new InputError(`The weighted regression projects on the fixed-effect dummies directly and supports up to ${MAX_DUMMY_CELLS} rows x levels; this sample has ${n} rows x ${L} levels. Use the unweighted regression.`);
  }
  const D = new Float64Array(n * L);
  let off = 0;
  for (const d of base.dims) {
    for (let i = 0; i < n; i++) D[(off + d.codes[i]) * n + i] = sw[i];
    off += d.levels;
  }
  const f = householderQR(D, n, L, { tol: 1e-10 });
  const demean = (x: ArrayLike<number>, out?: Float64Array) => {
    const z = applyQt(f, x);
    for (let j = 0; j < f.rank; j++) z[j] = 0;
    const r = applyQ(f, z);
    if (out) {
      out.set(r);
      return out;
    }
    return r;
  };
  return {
    n, dims: base.dims, dfAbsorbed: f.rank, method: "direct",
    demean,
    demeanColumns: (X, k) => {
      const out = new Float64Array(n * k);
      for (let j = 0; j < k; j++) out.set(demean(X.subarray(j * n, (j + 1) * n)), j * n);
      return out;
    },
    demeanInto: (cols, out) => cols.forEach((c, j) => out.set(demean(c), j * n)),
  };
}

function weightedFit(frame: Frame, spec: LinearSpec, weight: ArrayLike<number>): RegressionResult {
  const hasFe = (spec.fe ?? []).length > 0;
  const wName = "_weight";
  const wcol = Float64Array.from(weight as ArrayLike<number>);
  const data0 = linearDataFromFrame(frame, { ...spec, rows: spec.rows });
  // without FE the intercept is a regressor (scaled by sqrt(w) like the others)
  const ones = new Float64Array(frame.nrow).fill(1);
  const data = {
    ...data0,
    x: hasFe || spec.noConstant ? data0.x : [...data0.x, { name: "_cons", values: ones }],
    extra: [{ name: wName, values: wcol }],
  };
  const design = prepareDesign(data, { keepSingletons: spec.keepSingletons, noConstant: !hasFe || spec.noConstant });
  const w = design.take(wcol);
  for (let i = 0; i < w.length; i++) {
    if (!(w[i] > 0)) throw new InputError(`Matching weights must be positive; row ${design.sample.rows[i] + 1} has ${w[i]}.`);
  }
  const sw = w.map(Math.sqrt);
  const scale = (v: ArrayLike<number>) => {
    const t = design.take(v);
    for (let i = 0; i < t.length; i++) t[i] *= sw[i];
    return t;
  };
  const fe = hasFe ? weightedAbsorber(design.fe, sw) : design.fe;
  const wd = { ...design, fe, take: scale, view: scale, absorb: (v: ArrayLike<number>) => fe.demean(scale(v)) };
  const fit = fitDesign(wd, data, { vcov: spec.vcov, noConstant: true });
  const r = fit.result;
  // overall R2 with the weighted mean
  const y = design.take(data.y.values);
  let W = 0, s = 0;
  for (let i = 0; i < y.length; i++) { W += w[i]; s += w[i] * y[i]; }
  const ybar = s / W;
  let tss = 0;
  for (let i = 0; i < y.length; i++) tss += w[i] * (y[i] - ybar) ** 2;
  const r2 = 1 - r.ssr / tss;
  return {
    ...r,
    r2,
    r2Adj: 1 - (1 - r2) * (r.n - 1) / r.dof.dfResid,
    diagnostics: r.diagnostics.filter((d) => !d.name.startsWith("f_fe")),
  };
}

/**
 * Fits the spec on the matched rows of a matching run (weight = psmatch's per-row `_weight`, NaN
 * off the matched sample).
 */
export function fitMatchedRegression(frame: Frame, weight: ArrayLike<number>, spec: LinearSpec, o: MatchedRegressionOptions = {}): RegressionResult {
  if (weight.length !== frame.nrow) throw new InputError(`The matching weights have ${weight.length} rows but the data have ${frame.nrow}.`);
  const rows = matchedSubset(weight, spec.rows);
  if (rows.length === 0) throw new InputError("The matched sample is empty: no row has a matching weight.");
  for (const v of [spec.y, ...spec.x]) numericColumn(frame, v);
  return o.weighted ? weightedFit(frame, { ...spec, rows }, weight) : fitLinear(frame, { ...spec, rows });
}

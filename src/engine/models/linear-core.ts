/**
 * The linear estimator on arrays: sample -> absorb FE (or centre) -> pivoted QR -> variance -> inference.
 * `fitLinear` (linear.ts) is the Frame front end; IV and mediation code reuse `prepareDesign` and
 * `fitDesign` directly.
 *
 * Shapes: Xw is n x p column-major (the p kept regressors, within-transformed), yw and resid length n,
 * bread p x p. The constant `_cons` = mean(y) - mean(x)'b (pooled OLS: the usual intercept; FE models:
 * as reghdfe/xtreg report it), with its variance from the same sandwich on [Xw + mean(x), 1].
 */
import { InputError } from "../frame/errors";
import { compensatedSum } from "../linalg/compensated";
import { columnNorms, Refinement } from "../linalg/qr";
import { solveLeastSquares } from "./linear-solve";
import { feTests } from "./linear-fe-tests";
import { symInverse } from "../linalg/dense";
import { Diagnostic, inapplicable } from "../stats/diagnostic";
import { fUpperP, tQuantileAt, tTwoSidedP } from "../stats/distributions";
import { computeVcov, SmallSample, smallSample } from "../vcov";
import { Design, DesignOptions, LinearData, prepareDesign } from "./linear-design";
import { RegressionResult, VcovType } from "./result";
import { columnScales, scaleData, unscaleFit } from "./linear-scale";

export interface LinearOptions extends DesignOptions {
  /** Default: "cluster" when cluster variables are given, else "iid". */
  readonly vcov?: VcovType;
  /** Relative tolerance of the collinearity check (default 1e-10). */
  readonly rankTol?: number;
  /** Iterative refinement (default "augmented" for small problems, else "none"; see linear-solve.ts). */
  readonly refine?: Refinement;
  /** Compute the F tests of the FE also above 200000 rows (always computed below). */
  readonly feTest?: boolean;
}

export interface LinearFit {
  readonly result: RegressionResult;
  readonly design: Design;
  /** Input indices (into data.x) of the kept regressors, ascending. */
  readonly kept: Int32Array;
  /** n x p within-transformed kept regressors. */
  readonly Xw: Float64Array;
  readonly yw: Float64Array;
  readonly resid: Float64Array;
  /** (Xw'Xw)^-1, p x p. */
  readonly bread: Float64Array;
  /** Sample means of the kept regressors and of y (for `_cons`). */
  readonly xMeans: Float64Array;
  readonly yMean: number;
  readonly dof: SmallSample;
  /** Variance of the reported terms for another type, without refitting. */
  vcovFor(type: VcovType): { vcov: Float64Array; dof: SmallSample };
}

const RANK_TOL = 1e-10;
/** y counts as without variation when what the constant/FE leave of it is below this share of its norm. */
const Y_VARIATION_TOL = 1e-12;
/** Above this N the F tests of the FE (further regressions) are computed only on request. */
const FE_TEST_MAX_N = 200_000;

function mean(a: Float64Array): number {
  return compensatedSum(a) / a.length;
}

/**
 * Compensated sum and 2-norm of a column in one pass over memory: the same operations in the same
 * order as compensatedSum and columnNorms (bitwise the same results).
 */
function sumAndNorm(a: Float64Array): { sum: number; norm: number } {
  let s = 0;
  let c = 0;
  let ss = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    ss += v * v;
    const t = s + v;
    if (Math.abs(s) >= Math.abs(v)) c += s - t + v;
    else c += v - t + s;
    s = t;
  }
  // Out of the plain range: the scaled norm of columnNorms.
  const norm = ss > 1e-280 && ss < 1e280 ? Math.sqrt(ss) : columnNorms(a, a.length, 1)[0];
  return { sum: s + c, norm };
}

function sumSquares(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return s;
}

/**
 * Variance of [slopes, _cons]: the sandwich on [Xw, 1] (Xw is orthogonal to 1, so the bread is
 * block-diagonal with 1/n), mapped to [Xw + xbar, 1] by T^-1 = [[I, 0], [-xbar', 1]].
 */
function vcovWithConstant(Xw: Float64Array, n: number, p: number, bread: Float64Array, resid: Float64Array, xMeans: Float64Array, dof: SmallSample, clusters: readonly Int32Array[]): Float64Array {
  const q = p + 1;
  const X1 = [...Array.from({ length: p }, (_, j) => Xw.subarray(j * n, (j + 1) * n)), new Float64Array(n).fill(1)];
  const B1 = new Float64Array(q * q);
  for (let j = 0; j < p; j++) for (let i = 0; i < p; i++) B1[i + j * q] = bread[i + j * p];
  B1[q * q - 1] = 1 / n;
  const V1 = computeVcov({ n, p: q, bread: B1, X: X1, resid }, dof, clusters);
  // A = T^-1: identity with last row [-xbar', 1].
  const AV = Float64Array.from(V1);
  for (let j = 0; j < q; j++) {
    let s = V1[p + j * q];
    for (let l = 0; l < p; l++) s -= xMeans[l] * V1[l + j * q];
    AV[p + j * q] = s;
  }
  const V = Float64Array.from(AV);
  for (let i = 0; i < q; i++) {
    let s = AV[i + p * q];
    for (let l = 0; l < p; l++) s -= AV[i + l * q] * xMeans[l];
    V[i + p * q] = s;
  }
  for (let j = 0; j < q; j++) V[p + j * q] = V[j + p * q];
  return V;
}

/** Least squares on [1, X_kept] (raw columns); the constant first so a constant regressor is the one dropped. */
function explicitConstantFit(xCols: readonly Float64Array[], yRaw: Float64Array, n: number, kept: Int32Array, refine: Refinement | undefined) {
  const q = kept.length + 1;
  const Z = new Float64Array(n * q);
  Z.fill(1, 0, n);
  kept.forEach((j, c) => Z.set(xCols[j], (c + 1) * n));
  const s = solveLeastSquares(Z, yRaw, n, q, { tol: 0, refine });
  return { coef: s.coef, resid: s.resid, Z, bread: s.bread };
}

/** Moves row/column 0 of a q x q matrix to the end (constant first -> `_cons` last). */
function consLast(V: Float64Array, q: number): Float64Array {
  const perm = (i: number) => (i === q - 1 ? 0 : i + 1);
  const out = new Float64Array(q * q);
  for (let j = 0; j < q; j++) for (let i = 0; i < q; i++) out[i + j * q] = V[perm(i) + perm(j) * q];
  return out;
}

function modelF(coef: Float64Array, V: Float64Array, q: number, p: number, df2: number): Diagnostic {
  const label = "F test of the slopes";
  const h0 = "all slope coefficients are zero";
  if (p === 0) return inapplicable("f_model", label, h0, "The model has no slope coefficients.");
  const Vs = new Float64Array(p * p);
  for (let j = 0; j < p; j++) for (let i = 0; i < p; i++) Vs[i + j * p] = V[i + j * q];
  let Vi: Float64Array;
  try {
    Vi = symInverse(Vs, p);
  } catch {
    return inapplicable("f_model", label, h0, `The variance matrix of the ${p} slopes is singular (for clustered errors: more slopes than clusters minus one).`);
  }
  let w = 0;
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) w += coef[i] * Vi[i + j * p] * coef[j];
  const f = w / p;
  return { name: "f_model", label, statistic: f, df: [p, df2], distribution: "F", p: fUpperP(f, p, df2), nullHypothesis: h0 };
}

/**
 * y left without variation by the constant or the FE has nothing to explain: R-squared would be 0/0 and
 * the slopes rounding noise, so it is an error (reghdfe and fixest also refuse). Relative to y's own norm.
 */
function assertOutcomeVaries(name: string, yRaw: Float64Array, yw: Float64Array, design: Design): void {
  const raw = sumAndNorm(yRaw).norm;
  if (sumAndNorm(yw).norm > Y_VARIATION_TOL * raw) return;
  const n = design.n;
  if (design.feInfo.length > 0) {
    const fes = design.feInfo.map((f) => f.name).join(", ");
    throw new InputError(`${name} is constant within the groups of the fixed effects (${fes}) in the estimation sample of ${n} rows: the fixed effects explain it entirely, so there is nothing left to estimate.`);
  }
  if (design.hasIntercept) throw new InputError(`${name} is constant (${yRaw[0]}) in the estimation sample of ${n} rows: there is no variation to explain.`);
  throw new InputError(`${name} is zero in every row of the estimation sample (${n} rows): there is nothing to explain.`);
}

/**
 * Fits y on the x columns over a prepared design. Columns near the ends of the double range (|v| above
 * 2^450 or below 2^-450) are fitted at a power-of-two scale and mapped back (linear-scale.ts).
 */
export function fitDesign(design: Design, data: Pick<LinearData, "y" | "x">, opts: LinearOptions = {}): LinearFit {
  const sc = columnScales(data);
  return sc ? unscaleFit(fitDesignAsGiven(design, scaleData(data, sc), opts), sc) : fitDesignAsGiven(design, data, opts);
}

function fitDesignAsGiven(design: Design, data: Pick<LinearData, "y" | "x">, opts: LinearOptions): LinearFit {
  const n = design.n;
  const k = data.x.length;
  const vcovType: VcovType = opts.vcov ?? (design.clusters.length > 0 ? "cluster" : "iid");
  if (vcovType === "cluster" && design.clusters.length === 0) {
    throw new InputError(`vcov "cluster" needs a cluster variable.`);
  }
  const rankTol = opts.rankTol ?? RANK_TOL;
  const yRaw = design.view(data.y.values);
  // Raw regressors on the sample rows: the caller's arrays themselves when the sample is every row.
  const xCols = data.x.map((v) => design.view(v.values));
  // y and the regressors absorbed together (two-way FE: one Schur solve for all columns).
  const W = new Float64Array(n * (k + 1));
  design.fe.demeanInto([yRaw, ...xCols], W);
  const yw = W.subarray(0, n);
  const Xall = W.subarray(n);
  const colStats = xCols.map(sumAndNorm);
  assertOutcomeVaries(data.y.name, yRaw, yw, design);
  const rawNorms = Float64Array.from(colStats, (c) => c.norm);

  // Columns the FE (or the constant) absorb on their own, then collinearity among the rest.
  const omittedReason: Record<string, string> = {};
  const absorbedWhat = design.fe.dims.length > 0 && design.feInfo.length === 0 ? "the constant" : "the fixed effects";
  const refine = opts.refine;
  const solved = solveLeastSquares(Xall, yw, n, k, { tol: rankTol, refNorms: rawNorms, refine });
  for (const j of solved.dropped) {
    const name = data.x[j].name;
    const ownNorm = columnNorms(Xall.subarray(j * n, (j + 1) * n), n, 1)[0];
    omittedReason[name] = !(ownNorm > rankTol * rawNorms[j])
      ? (design.fe.dims.length > 0 ? `constant within the groups of ${absorbedWhat}: absorbed` : "all zero")
      : "collinear with earlier regressors";
  }
  const kept = solved.kept;
  const p = kept.length;
  if (p === 0) {
    throw new InputError(
      `All regressors were omitted (${data.x.map((v) => `${v.name}: ${omittedReason[v.name]}`).join("; ")}); nothing is left to estimate.`,
    );
  }
  const Xw = p === k ? Xall : new Float64Array(n * p);
  if (p < k) kept.forEach((j, c) => Xw.set(Xall.subarray(j * n, (j + 1) * n), c * n));
  // Pooled model with intercept: solve on the raw columns [1, X] (no rounding from centring, which
  // matters for ill-conditioned designs such as NIST Wampler5); FE models: on the demeaned columns.
  const explicit = design.hasIntercept && design.feInfo.length === 0 ? explicitConstantFit(xCols, yRaw, n, kept, refine) : null;
  const coef = explicit ? explicit.coef.subarray(1) : solved.coef;
  const resid = explicit ? explicit.resid : solved.resid;
  const bread = solved.bread;

  const makeDof = (type: VcovType) => smallSample({
    n, kSlopes: p, feRank: design.fe.dfAbsorbed, nestedAdjustment: design.nestedAdjustment, vcovType: type, clusters: design.nClusters,
  });
  const dof = makeDof(vcovType);
  if (dof.dfResid <= 0) {
    const setAside = solved.dropped.length > 0
      ? ` Of the ${k} regressors given, ${solved.dropped.length} were set aside as collinear before counting ` +
        `(${Array.from(solved.dropped, (j) => data.x[j].name).join(", ")}): ${n} rows can separate at most ${n} parameters.`
      : "";
    throw new InputError(
      `Too few observations: ${n} rows in the estimation sample but the model has ${dof.kFull} parameters ` +
        `(${p} slopes + ${design.fe.dfAbsorbed} for the ${design.feInfo.length > 0 ? "fixed effects" : "constant"}).${setAside}`,
      "num",
    );
  }
  const reportCons = design.hasIntercept && !opts.noConstant;
  const xMeans = new Float64Array(p);
  kept.forEach((j, c) => (xMeans[c] = colStats[j].sum / n));
  const yMean = mean(yRaw);
  const q = reportCons ? p + 1 : p;
  const vcovOf = (d: SmallSample) => explicit
    ? consLast(computeVcov({ n, p: p + 1, bread: explicit.bread, X: explicit.Z, resid }, d, design.clusters), p + 1)
    : reportCons
      ? vcovWithConstant(Xw, n, p, bread, resid, xMeans, d, design.clusters)
      : computeVcov({ n, p, bread, X: Xw, resid }, d, design.clusters);
  const V = vcovOf(dof);

  const terms = Array.from(kept, (j) => data.x[j].name);
  const b = new Float64Array(q);
  b.set(coef);
  if (reportCons) {
    let c = yMean;
    for (let j = 0; j < p; j++) c -= xMeans[j] * coef[j];
    b[p] = explicit ? explicit.coef[0] : c;
    terms.push("_cons");
  }
  const df = dof.dfInference;
  const crit = tQuantileAt(0.975, df);
  const se = new Float64Array(q), stat = new Float64Array(q), pv = new Float64Array(q);
  const lo = new Float64Array(q), hi = new Float64Array(q);
  for (let j = 0; j < q; j++) {
    se[j] = Math.sqrt(V[j + j * q]);
    stat[j] = b[j] / se[j];
    pv[j] = tTwoSidedP(stat[j], df);
    lo[j] = b[j] - crit * se[j];
    hi[j] = b[j] + crit * se[j];
  }
  const ssr = sumSquares(resid);
  const hasFe = design.feInfo.length > 0;
  let tss = 0;
  const yShift = design.hasIntercept ? yMean : 0;
  for (let i = 0; i < n; i++) {
    const d = yRaw[i] - yShift;
    tss += d * d;
  }
  const r2 = 1 - ssr / tss;
  const r2Within = hasFe ? 1 - ssr / sumSquares(yw) : NaN;
  const r2Adj = design.hasIntercept ? 1 - (1 - r2) * (n - 1) / dof.dfResid : 1 - (1 - r2) * n / dof.dfResid;
  const diagnostics: Diagnostic[] = [modelF(b, V, q, p, df)];
  if (hasFe) {
    if (n <= FE_TEST_MAX_N || opts.feTest) diagnostics.push(...feTests({ n, fe: design.fe, yRaw, xCols, rawNorms, ssr, dof, rankTol }));
    else {
      diagnostics.push(inapplicable("f_fe", "F test that all fixed effects are zero", "all fixed effects are zero (pooled OLS)",
        `Not computed for samples above ${FE_TEST_MAX_N} rows (it needs further regressions); set feTest to compute it.`));
    }
  }

  const result: RegressionResult = {
    model: hasFe ? "fe" : "ols",
    depVar: data.y.name,
    terms,
    coef: b,
    se,
    stat,
    p: pv,
    ciLow: lo,
    ciHigh: hi,
    vcov: V,
    omitted: Array.from(solved.dropped, (j) => data.x[j].name),
    omittedReason,
    statName: "t",
    vcovType,
    clusterVars: vcovType === "cluster" ? design.clusterNames : [],
    nClusters: vcovType === "cluster" ? design.nClusters : [],
    fixedEffects: design.feInfo,
    n,
    dof: { kFull: dof.kFull, kCluster: dof.kCluster, dfResid: dof.dfResid, dfInference: dof.dfInference },
    ssr,
    r2,
    r2Adj,
    r2Within,
    rmse: Math.sqrt(ssr / dof.dfResid),
    diagnostics,
    sample: design.sample,
  };
  return {
    result, design, kept, Xw, yw, resid, bread, xMeans, yMean, dof,
    vcovFor(type: VcovType) {
      if (type === "cluster" && design.clusters.length === 0) throw new InputError(`vcov "cluster" needs a cluster variable.`);
      const d = makeDof(type);
      return { vcov: vcovOf(d), dof: d };
    },
  };
}

/** Sample + absorb + solve + variance on arrays (no Frame). */
export function fitLinearData(data: LinearData, opts: LinearOptions = {}): LinearFit {
  return fitDesign(prepareDesign(data, opts), data, opts);
}

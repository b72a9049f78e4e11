/**
 * The IV-2SLS kernel on dense columns, following Stata ivreg2 (Baum, Schaffer, Stillman) and, with
 * absorbed fixed effects, ivreghdfe: the caller passes data that are already FE-demeaned (or include a
 * constant column) and the small-sample count `sdofminus` of what was partialled out.
 *
 * Model: y = X1 b1 + X2 b2 + u, X1 endogenous (K1), X2 included exogenous (K2), Z1 excluded
 * instruments (L1); X = [X1 X2], Z = [Z1 X2], K = rank X, L = rank Z (iv1_ct).
 * Variance (ivreg2):   no small                          small
 *   iid      sigma2 = RSS/(N - dofminus)        RSS/(N - K - dofminus - sdofminus)
 *   robust   HC0 x N/(N - dofminus)             HC0 x N/(N - K - dofminus - sdofminus)
 *   cluster  no factor                           x (N-1)/(N - K - sdofminus) x G/(G-1)
 * Inference: z without small; t(N - K - dofminus - sdofminus), or t(G - 1) clustered, with small.
 * Diagnostics (partialling X2 out of X1 and Z1): Anderson / KP rk LM (chi2(L1-K1+1)), Cragg-Donald F
 * = rho2/(1-rho2) (N - L - sdofminus - dofminus)/L1, KP rk Wald F = chi2/N (N - L - sdofminus - dofminus)/L1
 * (robust) or chi2/(N-1) (N - L - sdofminus) (G-1)/G / L1 (cluster), Hansen J / Sargan, C test of
 * endogeneity, Anderson-Rubin; first stages with Shea partial R2 and SW / AP conditional F (conditional-f.ts). Shapes: n rows; matrices n x k column-major.
 */
import { InputError } from "../frame/errors";
import { Diagnostic, inapplicable } from "../stats/diagnostic";
import { chi2UpperP, normalTwoSidedP, tTwoSidedP } from "../stats/distributions";
import { ArConfidenceSet, arConfidenceSet, arSetup, arStatistic } from "./anderson-rubin";
import { combinationOf, endogenousInZ } from "./collinear";
import { conditionalFirstStages } from "./conditional-f";
import { FirstStage, firstStage } from "./first-stage";
import { endogeneityC, hansenJ } from "./gmm";
import { ClusterCodes, MeatKind } from "./meat";
import { hcat, projector, residualize, selectColumns } from "./project";
import { rankTest } from "./ranktest";
import { stockYogoRow } from "./stock-yogo";
import { sandwichVcov, tsls } from "./tsls";

export interface IvColumns {
  readonly n: number;
  readonly y: Float64Array;
  readonly endog: Float64Array;
  readonly endogNames: readonly string[];
  /** Included exogenous regressors (may hold a "_cons" column of ones), reported with coefficients. */
  readonly exog: Float64Array;
  readonly exogNames: readonly string[];
  readonly excluded: Float64Array;
  readonly excludedNames: readonly string[];
  readonly clusters?: ClusterCodes;
}

export interface IvKernelOptions {
  readonly vcov: MeatKind;
  /** ivreg2 `small`: finite-sample factors and t/F statistics. */
  readonly small: boolean;
  /** Small-sample df removed by partialling (absorbed FE incl. the constant). */
  readonly sdofminus: number;
  /** Large-sample df adjustment (ivreg2 dofminus); 0 by default. */
  readonly dofminus?: number;
  /** Null value(s) of the endogenous coefficient(s) for the Anderson-Rubin test (default 0). */
  readonly arNull?: number;
  /** Confidence level of the Anderson-Rubin set (default 0.95). */
  readonly level?: number;
  readonly reducedForm?: boolean;
  /** Endogenous regressors whose exogeneity the C test examines (default: all), ivreg2 `endog()`. */
  readonly endogTested?: readonly string[];
  /**
   * An endogenous regressor that is an exact combination of the instruments (an instrument that copies
   * it): "error" (default) refuses it with a statement naming the instruments; "allow" fits (2SLS = OLS,
   * used to run OLS through the IV paths) and marks the identification statistics inapplicable.
   */
  readonly copiedInstrument?: "error" | "allow";
}

export interface IvKernelResult {
  readonly terms: readonly string[];
  readonly coef: Float64Array;
  /** terms x terms, symmetric. */
  readonly vcov: Float64Array;
  readonly se: Float64Array;
  readonly stat: Float64Array;
  readonly p: Float64Array;
  readonly statName: "t" | "z";
  /** df of the t distribution (Infinity for z). */
  readonly dfInference: number;
  readonly resid: Float64Array;
  readonly rss: number;
  readonly rmse: number;
  readonly n: number;
  /** K (rank of X) and L (rank of Z). */
  readonly rankX: number;
  readonly rankZ: number;
  readonly omittedRegressors: readonly string[];
  readonly omittedInstruments: readonly string[];
  /** Why each omitted instrument went: which kept instruments/controls it is a combination of. */
  readonly omittedInstrumentReasons: Readonly<Record<string, string>>;
  readonly firstStage: readonly FirstStage[];
  readonly reducedForm?: FirstStage;
  readonly diagnostics: readonly Diagnostic[];
  readonly arConfidenceSet?: ArConfidenceSet;
  /** Raw ingredients: smallest squared canonical correlation, KP Wald chi2 (NaN under iid). */
  readonly minSqCanonicalCorr: number;
  readonly kpWaldChi2: number;
}

const H0 = {
  underid: "the equation is under-identified (rank of the first-stage coefficient matrix is K1 - 1)",
  weak: "the instruments are weak (compare with the Stock-Yogo critical values)",
  overid: "all instruments are valid (uncorrelated with the error)",
  endog: "the instrumented regressors are exogenous",
  ar: "the endogenous coefficients equal the null value and the overidentifying restrictions hold",
};

export function ivreg2(d: IvColumns, o: IvKernelOptions): IvKernelResult {
  const { n, y } = d;
  const K1 = d.endogNames.length;
  const K2 = d.exogNames.length;
  const L1 = d.excludedNames.length;
  const dofminus = o.dofminus ?? 0;
  const kind = o.vcov;
  if (kind === "cluster" && !d.clusters) throw new InputError("Clustered standard errors need a cluster variable.");
  if (L1 < K1) {
    throw new InputError(
      `The equation is under-identified: ${K1} endogenous regressor(s) (${d.endogNames.join(", ")}) but only ${L1} excluded instrument(s) ` +
        `(${d.excludedNames.join(", ") || "none"}). Give at least as many excluded instruments as endogenous regressors.`,
    );
  }
  const X = hcat(n, d.endog, d.exog);
  // Controls first, so that of an instrument collinear with the controls the instrument is dropped.
  const Z = hcat(n, d.exog, d.excluded);
  const xNames = [...d.endogNames, ...d.exogNames];
  const zNames = [...d.exogNames, ...d.excludedNames];
  const fit = tsls(y, X, K1 + K2, Z, L1 + K2, n);
  const omittedInstruments = Array.from(fit.droppedZ).filter((j) => j >= K2).map((j) => zNames[j]);
  const keptExcluded = Array.from(fit.keptZ).filter((j) => j >= K2).map((j) => j - K2);
  if (keptExcluded.length < K1) {
    throw new InputError(
      `After removing instruments that are collinear with the controls or absorbed by the fixed effects (${omittedInstruments.join(", ")}), ` +
        `${keptExcluded.length} excluded instrument(s) remain for ${K1} endogenous regressor(s): the equation is under-identified.`,
    );
  }
  const omittedInstrumentReasons: Record<string, string> = {};
  for (const j of fit.droppedZ) {
    if (j < K2) continue;
    omittedInstrumentReasons[zNames[j]] = `collinear with the controls or the other instruments: it equals ${combinationOf(fit.zProjector, Z.subarray(j * n, (j + 1) * n), zNames)}`;
  }
  const copied = endogenousInZ(fit.zProjector, d.endog, d.endogNames, zNames, n, o.copiedInstrument === "allow");
  const droppedEndog = Array.from(fit.droppedX).filter((j) => j < K1);
  if (droppedEndog.length > 0) {
    throw new InputError(`The endogenous regressor(s) ${droppedEndog.map((j) => xNames[j]).join(", ")} are collinear with the controls (or absorbed by the fixed effects); they cannot be instrumented.`);
  }
  const terms = Array.from(fit.keptX, (j) => xNames[j]);
  const omittedRegressors = Array.from(fit.droppedX, (j) => xNames[j]);
  const K = terms.length;
  const L = fit.keptZ.length;
  const G = d.clusters?.nClusters ?? 0;
  const denomSmall = n - K - dofminus - o.sdofminus;
  let scale: number;
  if (kind === "iid") scale = fit.rss / (o.small ? denomSmall : n - dofminus);
  else if (kind === "robust") scale = o.small ? n / denomSmall : n / (n - dofminus);
  else scale = o.small ? ((n - 1) / (n - K - o.sdofminus)) * (G / (G - 1)) : 1;
  const vcov = sandwichVcov(kind, fit.bread, fit.xhat, K, fit.resid, n, scale, d.clusters);
  const se = Float64Array.from({ length: K }, (_, j) => Math.sqrt(vcov[j + j * K]));
  const dfInference = o.small ? (kind === "cluster" ? G - 1 : denomSmall) : Infinity;
  const stat = fit.coef.map((b, j) => b / se[j]);
  const p = stat.map((v) => (o.small ? tTwoSidedP(v, dfInference) : normalTwoSidedP(v)));
  const rmse = Math.sqrt(fit.rss / (o.small ? denomSmall : n - dofminus));

  // Partial the included exogenous out of X1, Z1 (kept excluded instruments) and y.
  const keptExog = Array.from(fit.keptX).filter((j) => j >= K1).map((j) => j - K1);
  const px = projector(selectColumns(d.exog, n, keptExog), n, keptExog.length);
  const X1p = residualize(px, d.endog, K1);
  const Z1p = residualize(px, selectColumns(d.excluded, n, keptExcluded), keptExcluded.length);
  const yp = residualize(px, y, 1);
  const l1 = keptExcluded.length;

  // First stages (regress-style small-sample variance, as ivreg2's e(first)).
  const zfp = fit.zProjector;
  const fsIn = (x: Float64Array, xp: Float64Array, name: string) =>
    firstStage({ x, name, zp: zfp, zNames, isExcluded: (j) => j >= K2, xPartialled: xp, n, kind, sdofminus: o.sdofminus, dofminus, clusters: d.clusters });
  const firstStages = d.endogNames.map((name, k) => fsIn(d.endog.subarray(k * n, (k + 1) * n), X1p.subarray(k * n, (k + 1) * n), name));
  const reducedForm = o.reducedForm ? fsIn(y, yp, `${"reduced form"}`) : undefined;

  const diagnostics: Diagnostic[] = [];
  const sy = stockYogoRow(K1, l1);
  // Under-identification (Anderson LM under iid, KP rk LM otherwise).
  const lm = rankTest({ Y: X1p, K: K1, Z: Z1p, L: l1, n, kind, version: "lm", clusters: d.clusters });
  const rho2 = lm.canonicalCorrelations[K1 - 1] ** 2;
  const lmName = kind === "iid" ? "Anderson canon. corr. LM" : "Kleibergen-Paap rk LM";
  if (copied) diagnostics.push(inapplicable("kp_lm", lmName, H0.underid, copied));
  else if (Number.isNaN(lm.rk)) diagnostics.push(inapplicable("kp_lm", lmName, H0.underid, lm.reason ?? "not computable"));
  else diagnostics.push({ name: "kp_lm", label: lmName, statistic: lm.rk, df: [lm.df], distribution: "chi2", p: chi2UpperP(lm.rk, lm.df), nullHypothesis: H0.underid });
  // Weak identification.
  const wDen = n - L - o.sdofminus - dofminus;
  const cdF = (rho2 / (1 - rho2)) * wDen / l1;
  if (copied) diagnostics.push(inapplicable("cd_f", "Cragg-Donald Wald F", H0.weak, copied));
  else diagnostics.push({ name: "cd_f", label: "Cragg-Donald Wald F", statistic: cdF, df: [], distribution: "none", p: NaN, nullHypothesis: H0.weak, extra: sy });
  let kpWaldChi2 = NaN;
  if (kind === "iid") {
    diagnostics.push(inapplicable("kp_f", "Kleibergen-Paap rk Wald F", H0.weak, "with iid errors the weak-identification F is the Cragg-Donald Wald F (cd_f)"));
  } else {
    const w = rankTest({ Y: X1p, K: K1, Z: Z1p, L: l1, n, kind, version: "wald", clusters: d.clusters });
    kpWaldChi2 = w.rk;
    const kpF = kind === "cluster" ? (w.rk / (n - 1)) * (n - L - o.sdofminus) * ((G - 1) / G) / l1 : (w.rk / n) * wDen / l1;
    if (copied || Number.isNaN(kpF)) diagnostics.push(inapplicable("kp_f", "Kleibergen-Paap rk Wald F", H0.weak, copied ?? w.reason ?? "not computable"));
    else diagnostics.push({ name: "kp_f", label: "Kleibergen-Paap rk Wald F", statistic: kpF, df: [], distribution: "none", p: NaN, nullHypothesis: H0.weak, extra: sy });
  }
  // Over-identification.
  const jName = kind === "iid" ? "Sargan" : "Hansen J";
  if (L === K) {
    diagnostics.push(inapplicable("hansen_j", jName, H0.overid, "the equation is exactly identified (as many excluded instruments as endogenous regressors)"));
  } else {
    const Zk = selectColumns(Z, n, fit.keptZ);
    const Xk = selectColumns(X, n, fit.keptX);
    try {
      const J = hansenJ(kind, y, Xk, K, Zk, L, n, fit.resid, n - dofminus, d.clusters);
      diagnostics.push({ name: "hansen_j", label: jName, statistic: J, df: [L - K], distribution: "chi2", p: chi2UpperP(J, L - K), nullHypothesis: H0.overid });
    } catch {
      diagnostics.push(inapplicable("hansen_j", jName, H0.overid, "the moment covariance matrix is singular (fewer clusters than instruments?)"));
    }
  }
  // Endogeneity (C) test of the instrumented regressors.
  const tested = (o.endogTested ?? d.endogNames).map((nm) => {
    const k = d.endogNames.indexOf(nm);
    if (k < 0) throw new InputError(`"${nm}" is not an endogenous regressor of the model; the endogeneity test can only examine ${d.endogNames.join(", ")}.`);
    return k;
  });
  const q = tested.length;
  try {
    const Zk = selectColumns(Z, n, fit.keptZ);
    const Xk = selectColumns(X, n, fit.keptX);
    const C = endogeneityC(kind, y, Xk, K, Zk, L, selectColumns(d.endog, n, tested), q, n, n - dofminus, d.clusters);
    diagnostics.push({ name: "endog_c", label: "Endogeneity test (C statistic)", statistic: C, df: [q], distribution: "chi2", p: chi2UpperP(C, q), nullHypothesis: H0.endog });
  } catch {
    diagnostics.push(inapplicable("endog_c", "Endogeneity test (C statistic)", H0.endog, "the moment covariance matrix is singular"));
  }
  // Anderson-Rubin.
  const z1p = projector(Z1p, n, l1);
  const conditional = conditionalFirstStages({ X1: X1p, K1, z1p, l1, n, nInstruments: L, kind, sdofminus: o.sdofminus, dofminus, clusters: d.clusters });
  const b0 = o.arNull ?? 0;
  const ar = arSetup(yp, X1p.subarray(0, n), z1p, l1, n, kind, { nInstruments: L, sdofminus: o.sdofminus, dofminus, clusters: d.clusters });
  let arSet: ArConfidenceSet | undefined;
  try {
    const st = arStatistic(ar, K1 === 1 ? b0 : 0);
    diagnostics.push({ name: "ar_f", label: "Anderson-Rubin Wald F", statistic: st.f, df: [...st.df], distribution: "F", p: st.fP, nullHypothesis: H0.ar });
    diagnostics.push({ name: "ar_chi2", label: "Anderson-Rubin Wald chi2", statistic: st.chi2, df: [l1], distribution: "chi2", p: st.chi2P, nullHypothesis: H0.ar });
    if (K1 === 1) arSet = arConfidenceSet(ar, 1 - (o.level ?? 0.95), o.small);
  } catch {
    diagnostics.push(inapplicable("ar_f", "Anderson-Rubin Wald F", H0.ar, "the moment covariance matrix is singular"));
  }
  return {
    terms, coef: fit.coef, vcov, se, stat, p, statName: o.small ? "t" : "z", dfInference, resid: fit.resid, rss: fit.rss, rmse, n,
    rankX: K, rankZ: L, omittedRegressors, omittedInstruments, omittedInstrumentReasons,
    firstStage: firstStages.map((f, k) => ({ ...f, ...conditional[k] })), reducedForm, diagnostics,
    arConfidenceSet: arSet, minSqCanonicalCorr: rho2, kpWaldChi2,
  };
}

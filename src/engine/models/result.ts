/**
 * The result record every linear estimator (OLS, FE, IV) returns. Plain data: no formatting.
 *
 * Shapes: k = terms.length (estimated terms, the constant "_cons" last when reported);
 * coef/se/stat/p/ciLow/ciHigh are length k; vcov is k x k, row-major (vcov[i * k + j]).
 */
import { Diagnostic } from "../stats/diagnostic";

export type VcovType = "iid" | "hc1" | "cluster";
export const VCOV_TYPES: readonly VcovType[] = ["iid", "hc1", "cluster"];

/** Why rows left the estimation sample, and which rows stayed. */
export interface SampleInfo {
  /** Rows in the input frame. */
  readonly nInput: number;
  /** Rows used in estimation. */
  readonly nUsed: number;
  /** Rows dropped because a variable of the model (y, x, FE, cluster, instrument...) is missing. */
  readonly droppedMissing: number;
  /** Missing counts by variable (a row missing two variables counts under each). */
  readonly missingBy: Readonly<Record<string, number>>;
  /** Rows dropped as singletons of a fixed effect (iteratively, as reghdfe). */
  readonly droppedSingletons: number;
  /** Input row indices (0-based data rows) of the estimation sample, ascending. */
  readonly rows: Int32Array;
}

/** Degrees-of-freedom bookkeeping (see test/reference/README.md, "Degrees of freedom"). */
export interface DofInfo {
  /** Slopes + rank of the FE dummy matrix (or + 1 for the intercept without FE). */
  readonly kFull: number;
  /** kFull minus the levels of FE nested in the cluster variable (minus one each). Equals kFull without clustering. */
  readonly kCluster: number;
  /** Residual df N - kFull. */
  readonly dfResid: number;
  /** df of the t distribution used for p-values and CIs (G - 1 when clustered; Infinity for z). */
  readonly dfInference: number;
}

export interface FixedEffectInfo {
  readonly name: string;
  readonly levels: number;
  /** True when this FE is nested in (a coarsening of) a cluster variable. */
  readonly nestedInCluster: boolean;
}

export interface RegressionResult {
  readonly model: "ols" | "fe" | "iv";
  readonly depVar: string;
  readonly terms: readonly string[];
  readonly coef: Float64Array;
  readonly se: Float64Array;
  readonly stat: Float64Array;
  readonly p: Float64Array;
  readonly ciLow: Float64Array;
  readonly ciHigh: Float64Array;
  readonly vcov: Float64Array;
  /** Regressors dropped for perfect collinearity (or absorbed by the FE), by name, in the user's order. */
  readonly omitted: readonly string[];
  /** Why each omitted regressor was left out (e.g. "collinear with earlier regressors"), by name. */
  readonly omittedReason?: Readonly<Record<string, string>>;
  /** "t" or "z" (large-sample, no small-sample factor). */
  readonly statName: "t" | "z";
  readonly vcovType: VcovType;
  /** Cluster variable names (one or two) when vcovType = "cluster". */
  readonly clusterVars: readonly string[];
  /** Number of clusters per cluster variable. */
  readonly nClusters: readonly number[];
  readonly fixedEffects: readonly FixedEffectInfo[];
  readonly n: number;
  readonly dof: DofInfo;
  readonly ssr: number;
  /** Overall R-squared (of the full model including absorbed FE; ordinary R2 without FE). */
  readonly r2: number;
  readonly r2Adj: number;
  /** Within R-squared (y and X residualised on all FE); NaN without FE. */
  readonly r2Within: number;
  readonly rmse: number;
  /** Model F (Wald test that all slopes are zero, with the chosen variance) and other tests. */
  readonly diagnostics: readonly Diagnostic[];
  readonly sample: SampleInfo;
}

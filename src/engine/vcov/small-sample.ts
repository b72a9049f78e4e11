/**
 * Degrees-of-freedom and small-sample conventions in one object (fixest's `ssc`, reghdfe defaults),
 * as test/reference/README.md states them:
 *   K_full = slopes + rank of the FE dummy matrix (pooled OLS: the intercept counts as a one-level FE);
 *   K_cr1  = K_full - sum over FE nested in a cluster variable of (levels - 1);
 *   iid:  sigma2 = SSR/(N - K_full),              t(N - K_full);
 *   hc1:  factor N/(N - K_full),                  t(N - K_full);
 *   CR1:  factor G/(G-1) (N-1)/(N - K_cr1),       t(G - 1).
 * Two-way clustering (Cameron-Gelbach-Miller V1 + V2 - V12): one factor for all three terms with
 * G = min(G1, G2), and t(min(G) - 1) -- the defaults of reghdfe and of fixest (`cluster.df = "min"`).
 */
import { DofInfo, VcovType } from "../models/result";
import { extent } from "../stats/extent";

export interface SmallSampleInput {
  readonly n: number;
  /** Estimated (kept) slope coefficients, not counting the constant absorbed as FE. */
  readonly kSlopes: number;
  /** Rank of the FE dummy matrix (1 for a pooled model with intercept, 0 through the origin). */
  readonly feRank: number;
  /** Sum over FE nested in some cluster variable of (levels - 1). */
  readonly nestedAdjustment: number;
  readonly vcovType: VcovType;
  /** Clusters per cluster variable (empty unless vcovType is "cluster"). */
  readonly clusters: readonly number[];
}

export interface SmallSample extends DofInfo {
  readonly n: number;
  readonly vcovType: VcovType;
  /** G used in the cluster factor (min over cluster variables); NaN when not clustered. */
  readonly g: number;
  /** Multiplier of the sandwich (hc1, cluster) or divisor-based sigma2 factor 1/(N - K_full) (iid). */
  readonly factor: number;
}

export function smallSample(inp: SmallSampleInput): SmallSample {
  const kFull = inp.kSlopes + inp.feRank;
  const kCluster = inp.vcovType === "cluster" ? kFull - inp.nestedAdjustment : kFull;
  const dfResid = inp.n - kFull;
  const n = inp.n;
  if (inp.vcovType === "cluster") {
    const g = extent(inp.clusters).min;
    return {
      n, vcovType: "cluster", kFull, kCluster, dfResid, dfInference: g - 1, g,
      factor: (g / (g - 1)) * ((n - 1) / (n - kCluster)),
    };
  }
  return {
    n, vcovType: inp.vcovType, kFull, kCluster, dfResid, dfInference: dfResid, g: NaN,
    factor: inp.vcovType === "hc1" ? n / dfResid : 1 / dfResid,
  };
}
